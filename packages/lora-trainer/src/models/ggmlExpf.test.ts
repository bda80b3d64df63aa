import { expect, it } from "vitest";
import { ggmlVExpf, ggmlVExpfAvx2 } from "./ggmlExpf.js";

it.each([
  ["AVX-512", ggmlVExpf],
  ["AVX2", ggmlVExpfAvx2],
] as const)("ggml_v_expf (%s) stays within 2.5 ulp of exp where results are normal (vec.h: 1.45 + 0.5)", (_, vExpf) => {
  for (let x = -80; x <= 80; x += 0.013) {
    const want = Math.exp(Math.fround(x));
    const ulp = 2 ** (Math.floor(Math.log2(want)) - 23);
    expect(Math.abs(vExpf(Math.fround(x)) - want)).toBeLessThanOrEqual(2.5 * ulp);
  }
  expect(vExpf(0)).toBe(1);
  expect(Math.abs(vExpf(-100) - Math.exp(-100))).toBeLessThanOrEqual(2 ** -149); // split scale (|n| > 126), subnormal
  expect(vExpf(Number.NEGATIVE_INFINITY)).toBe(0);
  expect(vExpf(200)).toBe(Number.POSITIVE_INFINITY);
});
