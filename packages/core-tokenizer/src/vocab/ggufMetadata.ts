/**
 * A typed GGUF metadata value, structurally the same as `@nomen/gguf`'s `GgufValue`
 * (`{ type: 8, value: "gpt2" }`, `{ type: 9, itemType: 5, value: [1, 3] }`), so the result of
 * {@link tokenizerGgufMetadata} can be spread straight into a `writeGguf` metadata record.
 */
export type GgufTypedValue =
  | { readonly type: 4; readonly value: number }
  | { readonly type: 5; readonly value: number }
  | { readonly type: 7; readonly value: boolean }
  | { readonly type: 8; readonly value: string }
  | { readonly type: 9; readonly itemType: 5; readonly value: readonly number[] }
  | { readonly type: 9; readonly itemType: 8; readonly value: readonly string[] };

/** GGUF value type ids used by tokenizer metadata. */
export const GGUF_TYPE = { UINT32: 4, INT32: 5, BOOL: 7, STRING: 8, ARRAY: 9 } as const;

/** Unwraps a typed value (`{ type, value }`) or returns a plain one unchanged. */
export function plainValue(value: unknown): unknown {
  if (typeof value === "object" && value !== null && !Array.isArray(value) && "value" in value && "type" in value)
    return (value as { value: unknown }).value;
  return value;
}
