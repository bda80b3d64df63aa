import { expect, it } from "vitest";
import type { DecoderConfig } from "./DecoderConfig.js";
import { ggmlCpuContext } from "./ggmlCpuContext.js";
import { ggmlCpuProfile } from "./ggmlCpuProfile.js";
import { rope } from "./ggmlRope.js";

const ctx = ggmlCpuContext(ggmlCpuProfile("zen4")!);
const config = (ropeStyle: "norm" | "neox") => ({ headDim: 4, ropeBase: 10000, ropeStyle }) as DecoderConfig;
const row = Float32Array.from([1, 2, 3, 4, 5, 6, 7, 8]); // 2 heads of 4

it("leaves position 0 unrotated", () => {
  expect(Array.from(rope(ctx, row, 2, 0, config("norm")))).toEqual(Array.from(row));
});

it("rotates adjacent pairs (NORM) or halves (NEOX) by the position's angle", () => {
  const norm = rope(ctx, row, 2, 1, config("norm"));
  const neox = rope(ctx, row, 2, 1, config("neox"));
  // the first pair's angle is the position itself: (x0, x1) → (x0 cos 1 − x1 sin 1, x0 sin 1 + x1 cos 1)
  expect(norm[0]).toBeCloseTo(Math.cos(1) - 2 * Math.sin(1), 6);
  expect(norm[1]).toBeCloseTo(Math.sin(1) + 2 * Math.cos(1), 6);
  expect(neox[0]).toBeCloseTo(Math.cos(1) - 3 * Math.sin(1), 6);
  expect(neox[2]).toBeCloseTo(Math.sin(1) + 3 * Math.cos(1), 6);
});
