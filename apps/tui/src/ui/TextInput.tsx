import { Text, useInput } from "ink";
import { useRef, useState } from "react";
import { editText, useLatest } from "./editText.js";

/** Props of {@link TextInput}. */
export interface TextInputProps {
  initialValue?: string;
  placeholder?: string;
  /** Whether keys go to this field. */
  isActive: boolean;
  onSubmit?: (value: string) => void;
  onCancel?: () => void;
}

/** A one-line text field: typing appends, Backspace/Delete remove the last character, Enter submits, Esc cancels. */
export function TextInput(props: TextInputProps) {
  const { initialValue = "", placeholder = "", isActive } = props;
  const valueRef = useRef(initialValue);
  const [value, setValue] = useState(initialValue);
  const latest = useLatest(props);
  useInput(
    (input, key) => {
      const edit = editText(valueRef.current, input, key);
      if ("submit" in edit) latest.current.onSubmit?.(valueRef.current);
      else if ("cancel" in edit) latest.current.onCancel?.();
      else if ("value" in edit) {
        valueRef.current = edit.value;
        setValue(edit.value);
      }
    },
    { isActive },
  );
  return <FieldText value={value} placeholder={placeholder} focused={isActive} />;
}

/** A field's text with a block cursor when focused, or its placeholder when empty. */
export function FieldText(props: { value: string; placeholder?: string; focused: boolean }) {
  return (
    <Text>
      {props.value.length === 0 && props.placeholder ? <Text dimColor>{props.placeholder}</Text> : props.value}
      {props.focused ? <Text inverse> </Text> : null}
    </Text>
  );
}
