import type { BadgeState } from "./AvailabilityBadge.js";

/** What the user can refine; the app turns it into the API request. */
export interface RequestOptions {
  count: number;
  tlds?: string[];
  style?: string;
  maxLength?: number;
  include?: string[];
  exclude?: string[];
}

/** A suggestion as the app shows it. */
export interface ResultItem {
  domain: string;
  confidence: number;
  availability: BadgeState;
}

/** Where a generation stands. */
export type GenerationStatus =
  | { kind: "idle" }
  | { kind: "streaming" }
  | { kind: "done" }
  | { kind: "blocked"; message: string }
  | { kind: "error"; message: string };
