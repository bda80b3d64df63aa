import { expect, it } from "vitest";
import { fma32 } from "./ggmlMath.js";

it("fma32 rounds once, also where the float64 sum lands on a float32 midpoint", () => {
  const a = 1 + 2 ** -23;
  const b = 1 - 2 ** -24;
  const c = 2 ** -47 * (1 + 2 ** -23); // a·b + c = 1 + 2^-24 + 2^-70: just above the midpoint of 1 and 1 + 2^-23
  expect(Math.fround(a * b + c)).toBe(1); // double rounding lands on the midpoint, then ties to even
  expect(fma32(a, b, c)).toBe(1 + 2 ** -23);
  expect(fma32(-a, b, -c)).toBe(-(1 + 2 ** -23));
  expect(fma32(3, 5, 7)).toBe(22);
});
