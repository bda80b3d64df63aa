import { expect, it } from "vitest";
import { attention } from "./ggmlAttention.js";
import { ggmlCpuContext } from "./ggmlCpuContext.js";
import { ggmlCpuProfile } from "./ggmlCpuProfile.js";

it("attends causally: position 0 copies its value row, shared by the query heads of its KV group", () => {
  const ctx = ggmlCpuContext(ggmlCpuProfile("haswell")!);
  const row = (seed: number) => Float32Array.from({ length: 8 }, (_, i) => Math.fround(Math.sin(seed + i)));
  const q = [row(1), row(2)]; // 4 heads of 2
  const k = [row(3), row(4)]; // 2 KV heads of 4
  const v = [row(5), row(6)];
  const out = attention(ctx, { q, k, v, start: 0, heads: 4, kvHeads: 2, headDim: 2 });
  const v0 = Array.from(v[0]!);
  // head h reads KV group ⌊h / 2⌋; position 0 sees only itself, so softmax is exactly 1 there
  expect(Array.from(out[0]!)).toEqual([...v0.slice(0, 2), ...v0.slice(0, 2), ...v0.slice(2, 4), ...v0.slice(2, 4)]);
  // position 1 mixes both positions: each output lies between the two value rows
  out[1]!.forEach((o, i) => {
    const g = Math.floor(Math.floor(i / 2) / 2) * 2 + (i % 2);
    const [lo, hi] = [v[0]![g]!, v[1]![g]!].sort((a, b) => a - b);
    expect(o).toBeGreaterThanOrEqual(lo!);
    expect(o).toBeLessThanOrEqual(hi!);
  });
});
