import { Box, Text, useInput } from "ink";
import { useRef, useState } from "react";
import { editText, useLatest } from "./editText.js";
import { FieldText } from "./TextInput.js";

type Field = "model" | "adapter";
const placeholders: Record<Field, string> = {
  model: "path/to/model.gguf (empty: default)",
  adapter: "path/to/lora.gguf (optional)",
};

/** Switch the model and adapter: Tab moves between the two paths, Enter loads them, Esc goes back. */
export function ModelScreen(props: {
  isActive: boolean;
  current: string;
  model?: string;
  adapter?: string;
  /** Loads the pair; resolves with an error message when it cannot. */
  onApply: (model: string | undefined, adapter: string | undefined) => Promise<string | undefined>;
  onBack: () => void;
}) {
  const form = useRef({
    model: props.model ?? "",
    adapter: props.adapter ?? "",
    field: "model" as Field,
    loading: false,
  });
  const [view, setView] = useState(form.current);
  const [message, setMessage] = useState<string>();
  const latest = useLatest(props);
  const update = (change: Partial<typeof form.current>) => {
    form.current = { ...form.current, ...change };
    setView(form.current);
  };
  useInput(
    (input, key) => {
      const current = form.current;
      if (current.loading) return;
      if (key.tab || key.upArrow || key.downArrow)
        return update({ field: current.field === "model" ? "adapter" : "model" });
      const edit = editText(current[current.field], input, key);
      if ("cancel" in edit) latest.current.onBack();
      else if ("value" in edit) update({ [current.field]: edit.value });
      else if ("submit" in edit) {
        update({ loading: true });
        void latest.current
          .onApply(current.model.trim() || undefined, current.adapter.trim() || undefined)
          .then((error) => {
            update({ loading: false });
            setMessage(error);
          });
      }
    },
    { isActive: props.isActive },
  );
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1}>
      <Text bold>Model</Text>
      <Text dimColor>now: {props.current}</Text>
      {(["model", "adapter"] as const).map((name) => (
        <Text key={name}>
          <Text
            color={view.field === name ? "cyan" : undefined}
          >{`${view.field === name ? "❯ " : "  "}${name.padEnd(8)}`}</Text>
          <FieldText
            value={view[name]}
            placeholder={placeholders[name]}
            focused={props.isActive && view.field === name}
          />
        </Text>
      ))}
      {view.loading ? <Text color="yellow">loading…</Text> : null}
      {message ? <Text color="red">{message}</Text> : null}
      <Text dimColor>Tab switch field · Enter load · Esc back</Text>
    </Box>
  );
}
