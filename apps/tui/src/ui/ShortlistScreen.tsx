import { Box, Text, useInput } from "ink";
import { useRef, useState } from "react";
import type { ShortlistEntry } from "../store/Shortlist.js";
import { useLatest } from "./editText.js";

/** The persisted shortlist: ↑/↓ move, d remove, c copy, e/x export, Esc back. */
export function ShortlistScreen(props: {
  isActive: boolean;
  entries: readonly ShortlistEntry[];
  path: string;
  onRemove: (domain: string) => void;
  onCopy: (domain: string) => void;
  onExport: (format: "csv" | "json") => void;
  onBack: () => void;
}) {
  const selectedRef = useRef(0);
  const [selected, setSelectedState] = useState(0);
  const latest = useLatest(props);
  const { entries } = props;
  const setSelected = (index: number) => {
    selectedRef.current = index;
    setSelectedState(index);
  };
  useInput(
    (input, key) => {
      const { entries: list, onBack, onRemove, onCopy, onExport } = latest.current;
      const index = selectedRef.current;
      const entry = list[index];
      if (key.escape || input === "q") onBack();
      else if (key.upArrow || input === "k") setSelected(Math.max(0, index - 1));
      else if (key.downArrow || input === "j") setSelected(Math.max(0, Math.min(list.length - 1, index + 1)));
      else if (input === "d" && entry) {
        onRemove(entry.domain);
        setSelected(Math.max(0, Math.min(index, list.length - 2)));
      } else if (input === "c" && entry) onCopy(entry.domain);
      else if (input === "e") onExport("csv");
      else if (input === "x") onExport("json");
    },
    { isActive: props.isActive },
  );
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1}>
      <Text bold>Shortlist ({entries.length})</Text>
      {entries.length === 0 ? <Text dimColor>empty — press s on a suggestion to keep it</Text> : null}
      {entries.map((entry, index) => (
        <Text key={entry.domain}>
          <Text color="cyan">{index === selected ? "❯ " : "  "}</Text>
          {entry.domain} <Text dimColor>— {entry.description}</Text>
        </Text>
      ))}
      <Text dimColor>saved in {props.path}</Text>
      <Text dimColor>d remove · c copy · e/x export · Esc back</Text>
    </Box>
  );
}
