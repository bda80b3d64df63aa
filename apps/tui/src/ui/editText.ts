import type { Key } from "ink";
import { useRef } from "react";

/** What one key does to a one-line text field. */
export type TextEdit = { value: string } | { submit: true } | { cancel: true } | { ignored: true };

/** Applies one key to `value`: printable input appends, Backspace/Delete remove one character, Ctrl+U clears. */
export function editText(value: string, input: string, key: Key): TextEdit {
  if (key.return) return { submit: true };
  if (key.escape) return { cancel: true };
  if (key.backspace || key.delete) return { value: [...value].slice(0, -1).join("") };
  if (key.ctrl && input === "u") return { value: "" };
  if (key.ctrl || key.meta || key.tab || key.upArrow || key.downArrow || key.leftArrow || key.rightArrow || !input) {
    return { ignored: true };
  }
  return { value: value + input.replace(/[\r\n]+/g, " ") };
}

/**
 * The latest value in a ref, updated on every render. Ink registers `useInput` handlers in an effect, so a key
 * that arrives between a render and that effect reaches the previous handler: handlers read state through this.
 */
export function useLatest<T>(value: T): { readonly current: T } {
  const ref = useRef(value);
  ref.current = value;
  return ref;
}
