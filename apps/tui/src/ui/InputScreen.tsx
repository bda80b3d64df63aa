import { Box, Text } from "ink";
import { TextInput } from "./TextInput.js";

/** The first screen: describe the business, Enter to get names. */
export function InputScreen(props: {
  isActive: boolean;
  initialValue?: string;
  onSubmit: (description: string) => void;
  onCancel?: () => void;
}) {
  return (
    <Box flexDirection="column">
      <Text bold>Describe the business:</Text>
      <Box borderStyle="round" paddingX={1}>
        <TextInput
          isActive={props.isActive}
          initialValue={props.initialValue}
          placeholder="e.g. organic coffee shop in downtown area"
          onSubmit={(value) => {
            if (value.trim()) props.onSubmit(value.trim());
          }}
          onCancel={props.onCancel}
        />
      </Box>
      <Text dimColor>Enter: suggest · Esc: back · ?: help (after results)</Text>
    </Box>
  );
}
