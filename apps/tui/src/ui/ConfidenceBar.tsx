import { Text } from "ink";
import { bar } from "../terminal.js";

/** Confidence as a 10-cell bar and a percentage, green when high, yellow when middling, red when low. */
export function ConfidenceBar(props: { value: number }) {
  const color = props.value >= 0.75 ? "green" : props.value >= 0.5 ? "yellow" : "red";
  return (
    <Text>
      <Text color={color}>{bar(props.value)}</Text> {`${Math.round(props.value * 100)}%`.padStart(4)}
    </Text>
  );
}
