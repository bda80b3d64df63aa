import { Box, Text } from "ink";

export const helpKeys: [string, string][] = [
  ["↑/↓ or k/j", "move"],
  ["r", "regenerate"],
  ["f", "refine: count, style, TLDs, max length, include/exclude words"],
  ["s", "add to / remove from the shortlist"],
  ["c", "copy the selected domain"],
  ["e / x", "export results as CSV / JSON"],
  ["l", "shortlist"],
  ["h", "history"],
  ["m", "switch model / adapter"],
  ["n", "new description"],
  ["?", "this help"],
  ["q", "quit"],
];

/** The key list, over the current screen; any key closes it. */
export function HelpOverlay() {
  return (
    <Box flexDirection="column" borderStyle="double" paddingX={1}>
      <Text bold>Keys</Text>
      {helpKeys.map(([keys, what]) => (
        <Text key={keys}>
          <Text color="cyan">{keys.padEnd(12)}</Text> {what}
        </Text>
      ))}
      <Text dimColor>any key closes this help</Text>
    </Box>
  );
}
