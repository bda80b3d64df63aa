import { Text } from "ink";

/** Availability of a suggestion as shown in the app; `checking` while the registry is asked. */
export type BadgeState = "checking" | "available" | "taken" | "reserved-or-premium" | "unknown" | "off";

const badges: Record<BadgeState, { text: string; color: string }> = {
  checking: { text: "… checking", color: "gray" },
  available: { text: "✓ available", color: "green" },
  taken: { text: "✗ taken", color: "red" },
  "reserved-or-premium": { text: "$ premium", color: "magenta" },
  unknown: { text: "? unknown", color: "yellow" },
  off: { text: "", color: "gray" },
};

/** A one-word availability badge. */
export function AvailabilityBadge(props: { state: BadgeState }) {
  const badge = badges[props.state];
  return <Text color={badge.color}>{badge.text}</Text>;
}
