import { suggestStyles } from "@nomen/api";
import { Box, Text, useInput } from "ink";
import { useRef, useState } from "react";
import { editText, useLatest } from "./editText.js";
import { FieldText } from "./TextInput.js";
import type { RequestOptions } from "./types.js";

const styles: readonly string[] = suggestStyles; // the pipeline's list (@nomen/suggest via @nomen/api)
const fields = ["count", "style", "tlds", "maxLength", "include", "exclude"] as const;
type Field = (typeof fields)[number];
type FormText = Record<Field, string>;
const labels: Record<Field, string> = {
  count: "count",
  style: `style (${styles.join("|")})`,
  tlds: "TLDs (comma-separated)",
  maxLength: "max length",
  include: "include words",
  exclude: "exclude words",
};

function toText(options: RequestOptions): FormText {
  return {
    count: String(options.count),
    style: options.style ?? "",
    tlds: options.tlds?.join(",") ?? "",
    maxLength: options.maxLength === undefined ? "" : String(options.maxLength),
    include: options.include?.join(",") ?? "",
    exclude: options.exclude?.join(",") ?? "",
  };
}

/** Parses the form; a message for the first invalid field. */
export function parseRefine(text: FormText): RequestOptions | string {
  const list = (value: string) => {
    const items = value
      .split(",")
      .map((part) => part.trim().replace(/^\./, ""))
      .filter(Boolean);
    return items.length > 0 ? items : undefined;
  };
  const count = Number(text.count);
  if (!Number.isInteger(count) || count < 1 || count > 20) return "count must be a whole number from 1 to 20";
  const style = text.style.trim() || undefined;
  if (style && !styles.includes(style)) return `style must be one of ${styles.join(", ")}`;
  const maxLength = text.maxLength.trim() ? Number(text.maxLength) : undefined;
  if (maxLength !== undefined && !(Number.isInteger(maxLength) && maxLength >= 1 && maxLength <= 63)) {
    return "max length must be a whole number from 1 to 63";
  }
  return { count, style, maxLength, tlds: list(text.tlds), include: list(text.include), exclude: list(text.exclude) };
}

/** Edit the request: ↑/↓ (or Tab) pick a field, type to edit it, Enter applies and regenerates, Esc cancels. */
export function RefineScreen(props: {
  isActive: boolean;
  options: RequestOptions;
  onApply: (options: RequestOptions) => void;
  onCancel: () => void;
}) {
  const form = useRef({ text: toText(props.options), field: 0 });
  const [view, setView] = useState(form.current);
  const [error, setError] = useState<string>();
  const latest = useLatest(props);
  const update = (change: Partial<typeof form.current>) => {
    form.current = { ...form.current, ...change };
    setView(form.current);
  };
  useInput(
    (input, key) => {
      const { text, field } = form.current;
      if (key.upArrow) return update({ field: Math.max(0, field - 1) });
      if (key.downArrow || key.tab) return update({ field: Math.min(fields.length - 1, field + 1) });
      const name = fields[field]!;
      const edit = editText(text[name], input, key);
      if ("cancel" in edit) latest.current.onCancel();
      else if ("value" in edit) update({ text: { ...text, [name]: edit.value } });
      else if ("submit" in edit) {
        const parsed = parseRefine(text);
        if (typeof parsed === "string") setError(parsed);
        else latest.current.onApply(parsed);
      }
    },
    { isActive: props.isActive },
  );
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1}>
      <Text bold>Refine</Text>
      {fields.map((name, index) => (
        <Text key={name}>
          <Text color={index === view.field ? "cyan" : undefined}>
            {index === view.field ? "❯ " : "  "}
            {labels[name].padEnd(46)}
          </Text>
          <FieldText value={view.text[name]} focused={props.isActive && index === view.field} />
        </Text>
      ))}
      {error ? <Text color="red">{error}</Text> : null}
      <Text dimColor>↑/↓ field · type to edit · Enter apply · Esc cancel</Text>
    </Box>
  );
}
