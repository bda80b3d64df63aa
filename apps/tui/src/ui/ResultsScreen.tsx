import { Box, Text, useInput } from "ink";
import { AvailabilityBadge } from "./AvailabilityBadge.js";
import { ConfidenceBar } from "./ConfidenceBar.js";
import { useLatest } from "./editText.js";
import type { GenerationStatus, ResultItem } from "./types.js";

/** Keys the results screen understands, by name. */
export type ResultsAction =
  | "regenerate"
  | "refine"
  | "shortlist"
  | "copy"
  | "exportCsv"
  | "exportJson"
  | "showShortlist"
  | "history"
  | "model"
  | "new"
  | "help"
  | "quit";

const actionKeys: Record<string, ResultsAction> = {
  r: "regenerate",
  f: "refine",
  s: "shortlist",
  c: "copy",
  e: "exportCsv",
  x: "exportJson",
  l: "showShortlist",
  h: "history",
  m: "model",
  n: "new",
  "?": "help",
  q: "quit",
};

const maxDomainWidth = 40;

/** The domain padded to `width`, or cut with an ellipsis in the middle so the TLD stays visible. */
function fit(domain: string, width: number): string {
  if (domain.length <= width) return domain.padEnd(width);
  const tail = domain.slice(domain.lastIndexOf(".") - 4);
  return `${domain.slice(0, width - tail.length - 1)}…${tail}`;
}

/** Suggestions as they stream in: confidence bar, availability badge, shortlist star. */
export function ResultsScreen(props: {
  isActive: boolean;
  description: string;
  items: readonly ResultItem[];
  selected: number;
  status: GenerationStatus;
  shortlisted: (domain: string) => boolean;
  notice?: string;
  /** Move the selection by one row (the owner clamps it). */
  onMove: (delta: -1 | 1) => void;
  onAction: (action: ResultsAction) => void;
}) {
  const { items, selected, status } = props;
  const latest = useLatest(props);
  useInput(
    (input, key) => {
      const { onMove, onAction } = latest.current;
      if (key.upArrow || input === "k") onMove(-1);
      else if (key.downArrow || input === "j") onMove(1);
      else {
        const action = actionKeys[input];
        if (action) onAction(action);
      }
    },
    { isActive: props.isActive },
  );
  const width = Math.min(maxDomainWidth, Math.max(12, ...items.map((item) => item.domain.length)));
  return (
    <Box flexDirection="column">
      <Text>
        <Text bold>Names for: </Text>
        {props.description}
      </Text>
      <Box flexDirection="column" borderStyle="round" paddingX={1} minHeight={3}>
        {items.map((item, index) => (
          <Text key={item.domain}>
            <Text color="cyan">{index === selected ? "❯ " : "  "}</Text>
            <Text bold={index === selected}>{fit(item.domain, width)}</Text> <ConfidenceBar value={item.confidence} />{" "}
            <AvailabilityBadge state={item.availability} />
            {props.shortlisted(item.domain) ? <Text color="yellow"> ★</Text> : null}
          </Text>
        ))}
        {status.kind === "streaming" ? <Text dimColor>generating…</Text> : null}
        {status.kind === "blocked" ? <Text color="red">blocked: {status.message}</Text> : null}
        {status.kind === "error" ? <Text color="red">error: {status.message}</Text> : null}
        {status.kind === "done" && items.length === 0 ? <Text dimColor>no suggestions</Text> : null}
      </Box>
      {props.notice ? <Text color="green">{props.notice}</Text> : null}
      <Text dimColor>
        r regenerate · f refine · s shortlist · c copy · e/x export · l list · h history · m model · ? help · q quit
      </Text>
    </Box>
  );
}
