import type { ByteCursor } from "./ByteCursor.js";
import { GgufFormatError } from "./errors.js";
import { type GgufArray, type GgufScalar, type GgufScalarType, type GgufValue, GgufValueType } from "./types.js";

const V = GgufValueType;
/** Smallest encoded size of one element, to reject absurd array counts before allocating. */
const MIN_BYTES: Record<number, number> = { 0: 1, 1: 1, 2: 2, 3: 2, 4: 4, 5: 4, 6: 4, 7: 1, 8: 8, 10: 8, 11: 8, 12: 8 };

function readScalar(c: ByteCursor, type: GgufScalarType, what: string): GgufScalar["value"] {
  switch (type) {
    case V.UINT8:
      return c.u8(what);
    case V.INT8:
      return c.i8(what);
    case V.UINT16:
      return c.u16(what);
    case V.INT16:
      return c.i16(what);
    case V.UINT32:
      return c.u32(what);
    case V.INT32:
      return c.i32(what);
    case V.FLOAT32:
      return c.f32(what);
    case V.FLOAT64:
      return c.f64(what);
    case V.UINT64:
      return c.u64(what);
    case V.INT64:
      return c.i64(what);
    case V.BOOL:
      return c.u8(what) !== 0;
    case V.STRING:
      return c.string(what);
  }
}

function checkType(c: ByteCursor, type: number, at: number, key: string, allowArray: boolean): void {
  if (MIN_BYTES[type] !== undefined || (allowArray && type === V.ARRAY)) return;
  const expected = allowArray ? "0–12" : "0–8 or 10–12 (nested arrays are not supported)";
  throw new GgufFormatError(`Metadata "${key}" has invalid value type ${type}: expected ${expected}`, c.where(at));
}

/** Reads one metadata value of `type` (already read) for `key`. */
export function readValue(c: ByteCursor, type: number, key: string, typeAt: number): GgufValue {
  checkType(c, type, typeAt, key, true);
  if (type !== V.ARRAY)
    return { type, value: readScalar(c, type as GgufScalarType, `value of "${key}"`) } as GgufScalar;
  const itemAt = c.offset;
  const itemType = c.u32(`array item type of "${key}"`);
  checkType(c, itemType, itemAt, key, false);
  const count = c.size(`array length of "${key}"`);
  c.checkCount(count, MIN_BYTES[itemType]!, `array "${key}"`);
  const value = new Array(count);
  const what = `element of "${key}"`;
  for (let i = 0; i < count; i++) value[i] = readScalar(c, itemType as GgufScalarType, what);
  return { type: V.ARRAY, itemType, value } as GgufArray;
}
