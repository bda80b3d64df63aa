import { GgmlType } from "@nomen/gguf";
import { describe, expect, it } from "vitest";
import { UnsupportedTensorTypeError } from "../errors.js";
import { ggmlCpuContext } from "./ggmlCpuContext.js";
import { ggmlCpuProfile } from "./ggmlCpuProfile.js";
import { mulMat, project } from "./ggmlMatmul.js";
import type { GgmlLayer, GgmlMatrix } from "./ggmlWeights.js";

const ctx = ggmlCpuContext(ggmlCpuProfile("zen4")!);
const matrix = (type: number, data: number[], nIn: number): GgmlMatrix => ({
  data: Float32Array.from(data),
  nIn,
  nOut: data.length / nIn,
  type,
});

describe("mulMat", () => {
  it("rounds the activations to the weight's vec_dot_type first: F16, BF16, none for F32", () => {
    const x = new Float32Array(32).fill(1 + 2 ** -12); // not an F16 or BF16 value: rounds to 1 in both
    const w = (type: number) => matrix(type, new Array(32).fill(1), 32);
    expect(mulMat(ctx, w(GgmlType.F16), [x])[0]![0]).toBe(32);
    expect(mulMat(ctx, w(GgmlType.BF16), [x])[0]![0]).toBe(32);
    expect(mulMat(ctx, w(GgmlType.F32), [x])[0]![0]).toBe(32 * (1 + 2 ** -12));
  });

  it("multiplies Q8_0 weights with Q8_0-quantized activations (exact for integer blocks holding ±127)", () => {
    const w = Array.from({ length: 64 }, (_, i) => (i % 32 === 0 ? 127 : (i % 9) - 4));
    const x = Float32Array.from({ length: 64 }, (_, i) => (i === 5 || i === 40 ? -127 : (i % 5) - 2));
    const exact = w.reduce((s, v, i) => s + v * (x[i] as number), 0);
    expect(mulMat(ctx, matrix(GgmlType.Q8_0, w, 64), [x, x])[1]![0]).toBe(exact);
  });

  it("refuses weight types it has no exact kernel for", () => {
    expect(() => mulMat(ctx, matrix(GgmlType.Q4_K, new Array(256).fill(0), 256), [new Float32Array(256)])).toThrow(
      UnsupportedTensorTypeError,
    );
  });

  it("project adds scale·B·(A·x) for an adapter on that projection only", () => {
    const eye = matrix(GgmlType.F32, [1, 0, 0, 1], 2);
    const lora = { a: matrix(GgmlType.F32, [1, 1], 2), b: matrix(GgmlType.F32, [1, 2], 1), scale: 0.5 };
    const layer = { q: eye, k: eye, lora: { q: lora } } as unknown as GgmlLayer;
    const x = Float32Array.from([3, 4]);
    expect(Array.from(project(ctx, layer, "q", [x])[0]!)).toEqual([3 + 0.5 * 7, 4 + 0.5 * 14]);
    expect(Array.from(project(ctx, layer, "k", [x])[0]!)).toEqual([3, 4]);
  });
});
