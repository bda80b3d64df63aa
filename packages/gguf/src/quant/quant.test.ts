import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { GgmlType, type GgmlTypeName } from "../types.js";
import { dequantize } from "./dequantize.js";
import { bf16ToFloat, floatToBf16, floatToHalf, halfToFloatTable } from "./half.js";
import { packScaleMins, unpackScaleMin } from "./kScales.js";
import { quantize } from "./quantize.js";

describe("half and bfloat16", () => {
  it("round-trips every finite half exactly", () => {
    const table = halfToFloatTable();
    const wrong: number[] = [];
    for (let h = 0; h < 65536; h++) if (!Number.isNaN(table[h]!) && floatToHalf(table[h]!) !== h) wrong.push(h);
    expect(wrong).toEqual([]);
  });

  it("rounds to nearest even, saturates to infinity and keeps NaN", () => {
    expect(floatToHalf(1 + 2 ** -11)).toBe(0x3c00); // tie → even
    expect(floatToHalf(1 + 3 * 2 ** -11)).toBe(0x3c02); // tie → even (up)
    expect(floatToHalf(65520)).toBe(0x7c00);
    expect(floatToHalf(2 ** -25)).toBe(0); // tie with the smallest subnormal → 0
    expect(floatToHalf(3 * 2 ** -26)).toBe(1);
    expect(Number.isNaN(halfToFloatTable()[floatToHalf(Number.NaN)]!)).toBe(true);
    expect(bf16ToFloat(floatToBf16(1.00390625))).toBe(1); // tie → even
    expect(bf16ToFloat(floatToBf16(-3.5))).toBe(-3.5);
  });
});

it("packs and unpacks the 6-bit k-quant scales", () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 0, max: 63 }), { minLength: 16, maxLength: 16 }), (v) => {
      const out = new Uint8Array(12);
      packScaleMins(v.slice(0, 8), v.slice(8), out, 0);
      for (let j = 0; j < 8; j++) expect(unpackScaleMin(out, 0, j)).toEqual([v[j], v[8 + j]]);
    }),
  );
});

// Worst-case error of our quantizers relative to the block's range; what llama.cpp decodes is checked in llamaCppParity.test.ts.
const bounds: [GgmlTypeName, number][] = [
  ["F16", 1e-3],
  ["BF16", 8e-3],
  ["Q8_0", 1 / 127],
  ["Q4_0", 1 / 8],
  ["Q4_1", 1 / 12],
  ["Q5_0", 1 / 16],
  ["Q5_1", 1 / 25],
  ["Q2_K", 1 / 2],
  ["Q3_K", 1 / 3],
  ["IQ4_NL", 1 / 8],
  ["IQ4_XS", 1 / 6],
  ["Q6_K", 1 / 31],
  ["Q5_K", 1 / 15],
  ["Q4_K", 1 / 7],
];

describe.each(bounds)("quantize → dequantize %s", (name, relative) => {
  it("stays within the type's step and keeps zeros and the shape", () => {
    fc.assert(
      fc.property(
        fc.float32Array({ minLength: 256, maxLength: 256, noNaN: true, noDefaultInfinity: true, min: -100, max: 100 }),
        (values) => {
          const bytes = quantize(GgmlType[name], values, 256);
          const back = dequantize(GgmlType[name], bytes, 256);
          const amax = values.reduce((m, x) => Math.max(m, Math.abs(x)), 0);
          for (let i = 0; i < 256; i++)
            expect(Math.abs(back[i]! - values[i]!)).toBeLessThanOrEqual(relative * amax + 1e-6);
        },
      ),
      { numRuns: 30 },
    );
    const zeros = dequantize(GgmlType[name], quantize(GgmlType[name], new Float32Array(512), 256), 512);
    expect(zeros.every((x) => x === 0)).toBe(true); // Q6_K gives −0 (d = 0 times q − 32), as ggml does
  });
});

it("decodes a hand-built Q4_K block as ggml does", () => {
  const block = new Uint8Array(144);
  block.set([0x00, 0x3c, 0x00, 0x38], 0); // d = 1, dmin = 0.5
  const scales = [1, 2, 3, 4, 5, 6, 7, 63];
  const mins = [0, 1, 0, 0, 0, 0, 0, 40];
  packScaleMins(scales, mins, block, 4);
  block[16] = 0x21; // element 0 (sub-block 0) = 1, element 32 (sub-block 1) = 2
  block[16 + 96 + 31] = 0xf0; // element 255 (sub-block 7) = 15, element 223 (sub-block 6) = 0
  const x = dequantize(GgmlType.Q4_K, block, 256);
  expect([x[0], x[32], x[33], x[255], x[223]]).toEqual([1, 2 * 2 - 0.5, -0.5, 63 * 15 - 0.5 * 40, 0]);
});

it("K-quants fit as ggml's reference quantizer does: RMSE on N(0,1) below what a plain min/max fit reaches", () => {
  let seed = 7;
  const uniform = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 4294967296;
  };
  const values = Float32Array.from(
    { length: 256 * 256 },
    () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform()),
  );
  const rmse = (name: GgmlTypeName) => {
    const back = dequantize(GgmlType[name], quantize(GgmlType[name], values, 256), values.length);
    return Math.sqrt(back.reduce((sum, y, i) => sum + (y - values[i]!) ** 2, 0) / values.length);
  };
  // Plain min/max fits measured 0.080 (Q4_K), 0.039 (Q5_K), 0.019 (Q6_K) on the same data.
  expect(rmse("Q4_K")).toBeLessThan(0.075);
  expect(rmse("Q5_K")).toBeLessThan(0.038);
  expect(rmse("Q6_K")).toBeLessThan(0.0185);
});
