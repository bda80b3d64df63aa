import { GgufKeyTypeError } from "../errors.js";
import { type GgufValue, GgufValueType as V } from "../types.js";

const INT_RANGES: Partial<Record<number, [number, number]>> = {
  [V.UINT8]: [0, 0xff],
  [V.INT8]: [-0x80, 0x7f],
  [V.UINT16]: [0, 0xffff],
  [V.INT16]: [-0x8000, 0x7fff],
  [V.UINT32]: [0, 0xffffffff],
  [V.INT32]: [-0x80000000, 0x7fffffff],
};
const BIG_RANGES: Partial<Record<number, [bigint, bigint]>> = {
  [V.UINT64]: [0n, 2n ** 64n - 1n],
  [V.INT64]: [-(2n ** 63n), 2n ** 63n - 1n],
};
const NAMES = ["u8", "i8", "u16", "i16", "u32", "i32", "f32", "bool", "string", "array", "u64", "i64", "f64"];

/** Why `item` cannot be written as GGUF type `type`, or undefined when it can. */
function scalarProblem(type: number, item: unknown): string | undefined {
  const int = INT_RANGES[type];
  if (int)
    return Number.isInteger(item) && (item as number) >= int[0] && (item as number) <= int[1]
      ? undefined
      : `an integer in ${int[0]}..${int[1]}`;
  const big = BIG_RANGES[type];
  if (big)
    return typeof item === "bigint" && item >= big[0] && item <= big[1]
      ? undefined
      : `a bigint in ${big[0]}..${big[1]}`;
  if (type === V.FLOAT32 || type === V.FLOAT64) return typeof item === "number" ? undefined : "a number";
  if (type === V.BOOL) return typeof item === "boolean" ? undefined : "a boolean";
  if (type === V.STRING) return typeof item === "string" ? undefined : "a string";
  return "a known scalar type id (0–8, 10–12)";
}

const show = (x: unknown) => (typeof x === "bigint" ? `${x}n` : (JSON.stringify(x) ?? String(x)));

/** Checks a metadata value's JS value fits its declared GGUF type (e.g. u32 in range, u64 as bigint). */
export function validateValue(key: string, value: GgufValue): GgufKeyTypeError | undefined {
  if (value.type !== V.ARRAY) {
    const problem = scalarProblem(value.type, value.value);
    const name = NAMES[value.type] ?? `type ${value.type}`;
    return problem ? new GgufKeyTypeError(key, `${name}: ${problem}`, show(value.value)) : undefined;
  }
  const itemType: number = value.itemType;
  if (itemType === V.ARRAY || !Array.isArray(value.value)) {
    return new GgufKeyTypeError(key, "an array of scalars", itemType === V.ARRAY ? "nested array" : typeof value.value);
  }
  const items = value.value as readonly unknown[];
  for (let i = 0; i < items.length; i++) {
    const problem = scalarProblem(value.itemType, items[i]);
    if (problem)
      return new GgufKeyTypeError(
        `${key}[${i}]`,
        `${NAMES[value.itemType] ?? value.itemType}: ${problem}`,
        show(items[i]),
      );
  }
  return undefined;
}
