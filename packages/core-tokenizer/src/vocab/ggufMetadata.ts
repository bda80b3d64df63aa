import type { GgufValue } from "@nomen/gguf";

/**
 * A typed GGUF metadata value: `@nomen/gguf`'s `GgufValue` (`{ type: 8, value: "gpt2" }`,
 * `{ type: 9, itemType: 5, value: [1, 3] }`), kept under this name for existing imports.
 *
 * @deprecated Use `GgufValue` from `@nomen/gguf`.
 */
export type GgufTypedValue = GgufValue;

/** Unwraps a typed value (`{ type, value }`) or returns a plain one unchanged. */
export function plainValue(value: unknown): unknown {
  if (typeof value === "object" && value !== null && !Array.isArray(value) && "value" in value && "type" in value)
    return (value as { value: unknown }).value;
  return value;
}
