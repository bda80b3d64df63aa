import { Box, Text, useInput } from "ink";
import { useRef, useState } from "react";
import type { HistoryEntry } from "../store/History.js";
import { useLatest } from "./editText.js";

/** Past descriptions, newest first: Enter runs one again, Esc goes back. */
export function HistoryScreen(props: {
  isActive: boolean;
  entries: readonly HistoryEntry[];
  onPick: (description: string) => void;
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
      const { entries: list, onBack, onPick } = latest.current;
      const index = selectedRef.current;
      if (key.escape || input === "q") onBack();
      else if (key.upArrow || input === "k") setSelected(Math.max(0, index - 1));
      else if (key.downArrow || input === "j") setSelected(Math.max(0, Math.min(list.length - 1, index + 1)));
      else if (key.return && list[index]) onPick(list[index].description);
    },
    { isActive: props.isActive },
  );
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1}>
      <Text bold>History</Text>
      {entries.length === 0 ? <Text dimColor>nothing yet</Text> : null}
      {entries.map((entry, index) => (
        <Text key={entry.description}>
          <Text color="cyan">{index === selected ? "❯ " : "  "}</Text>
          {entry.description} <Text dimColor>({entry.at.slice(0, 16).replace("T", " ")})</Text>
        </Text>
      ))}
      <Text dimColor>Enter run again · Esc back</Text>
    </Box>
  );
}
