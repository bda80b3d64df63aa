import { type GgufError, GgufKeyTypeError, GgufMissingKeyError } from "../errors.js";
import { type GgufMetadata, type GgufValue, GgufValueType as V } from "../types.js";
import { describeValueType } from "../values.js";

/** Accepted shapes of a metadata value, named as in messages: "u32", "f32", "string", "bool", "u32[]", "i32[]", "string[]". */
export type Expected = "u32" | "f32" | "string" | "bool" | "u32[]" | "i32[]" | "f32[]" | "string[]";

const MATCH: Record<Expected, (v: GgufValue) => boolean> = {
  u32: (v) => v.type === V.UINT32,
  f32: (v) => v.type === V.FLOAT32,
  string: (v) => v.type === V.STRING,
  bool: (v) => v.type === V.BOOL,
  "u32[]": (v) => v.type === V.ARRAY && v.itemType === V.UINT32,
  "i32[]": (v) => v.type === V.ARRAY && v.itemType === V.INT32,
  "f32[]": (v) => v.type === V.ARRAY && v.itemType === V.FLOAT32,
  "string[]": (v) => v.type === V.ARRAY && v.itemType === V.STRING,
};

/** Collects every problem of one validation run, so the caller can report them all at once. */
export class Problems {
  readonly list: GgufError[] = [];

  constructor(
    readonly metadata: GgufMetadata,
    readonly where?: string,
  ) {}

  add(problem: GgufError): void {
    this.list.push(problem);
  }

  /**
   * Checks `key` has one of the `expected` types. Returns the value when it does, undefined otherwise
   * (recording a GgufMissingKeyError when `missingHint` is given, i.e. the key is required).
   */
  key(key: string, expected: readonly Expected[], missingHint?: string, typeHint = ""): GgufValue | undefined {
    const value = Object.hasOwn(this.metadata, key) ? this.metadata[key] : undefined;
    if (value === undefined) {
      if (missingHint !== undefined) this.add(new GgufMissingKeyError(key, missingHint, this.where));
      return undefined;
    }
    if (expected.some((e) => MATCH[e](value))) return value;
    this.add(new GgufKeyTypeError(key, expected.join(" or "), describeValueType(value), typeHint, this.where));
    return undefined;
  }

  /** A required or optional positive u32 (or a per-layer u32[] whose entries are all positive); its first value. */
  count(key: string, missingHint?: string, allowPerLayer = false): number | undefined {
    const value = this.key(
      key,
      allowPerLayer ? ["u32", "u32[]"] : ["u32"],
      missingHint,
      "llama.cpp checks the type strictly.",
    );
    if (value === undefined) return undefined;
    const values = value.type === V.ARRAY ? (value.value as readonly number[]) : [value.value as number];
    if (values.length === 0 || values.some((n) => n < 1)) {
      this.add(new GgufKeyTypeError(key, "a value ≥ 1", JSON.stringify(values.slice(0, 8)), "", this.where));
      return undefined;
    }
    return values[0];
  }
}
