import { describe, expect, it } from "vitest";
import { ggmlCpuContext } from "./ggmlCpuContext.js";
import { ggmlCpuProfile } from "./ggmlCpuProfile.js";
import { tinyDot } from "./ggmlTinyBlas.js";
import { vecDotBf16, vecDotF16, vecDotF32 } from "./ggmlVecDot.js";

/** 2^24, 1 and -2^24 at elements 0, 16 and 32: the 1 survives only where it is not added to 2^24 first. */
function cancelling(n = 64): Float32Array {
  const x = new Float32Array(n);
  x[0] = 2 ** 24;
  x[16] = 1;
  x[32] = -(2 ** 24);
  return x;
}
const ones = new Float32Array(64).fill(1);

describe("accumulation order", () => {
  it.each(["zen4", "haswell"])(
    "%s: tinyBLAS and ggml_vec_dot_f32 give different float32 sums of the same terms",
    (v) => {
      const ctx = ggmlCpuContext(ggmlCpuProfile(v)!);
      // tinyBLAS: one lane takes elements 0, 16 and 32 in turn (2^24 + 1 rounds back to 2^24, then cancels).
      expect(tinyDot(ctx, cancelling(), 0, ones, 0, 64)).toBe(0);
      // ggml_vec_dot_f32: 0 and 32 meet in one accumulator and cancel, the 1 sits in another.
      expect(vecDotF32(ctx, cancelling(), 0, ones, 0, 64)).toBe(1);
    },
  );

  it("the float64 ablation sums exactly in every kernel", () => {
    const ctx = ggmlCpuContext(ggmlCpuProfile("zen4")!, { dotOrder: "float64" });
    expect(tinyDot(ctx, cancelling(), 0, ones, 0, 64)).toBe(1);
    expect(vecDotF32(ctx, cancelling(), 0, ones, 0, 64)).toBe(1);
  });

  it("the F16 and BF16 kernels agree with an exact sum where no rounding happens, also through the scalar tail", () => {
    const x = Float32Array.from({ length: 100 }, (_, i) => (i % 7) - 3);
    const y = Float32Array.from({ length: 100 }, (_, i) => (i % 5) * 0.5);
    const exact = x.reduce((s, v, i) => s + v * (y[i] as number), 0);
    for (const variant of ["zen4", "skylakex", "haswell"]) {
      const ctx = ggmlCpuContext(ggmlCpuProfile(variant)!);
      expect(vecDotF16(ctx, x, 0, y, 100)).toBe(exact);
      expect(vecDotBf16(ctx, x, 0, y, 100)).toBe(exact);
      expect(vecDotF32(ctx, x, 0, y, 0, 100)).toBe(exact);
    }
  });
});
