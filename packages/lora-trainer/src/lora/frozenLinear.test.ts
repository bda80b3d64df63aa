import type { Tensor, Tensor1D, Tensor2D } from "@tensorflow/tfjs";
import { describe, expect, it } from "vitest";
import { loadTf } from "../backend/loadTf.js";
import { linear } from "../models/decoder.js";
import { frozenLinear } from "./frozenLinear.js";

const { tf } = await loadTf({ backend: "wasm", log: () => {} });

describe("frozenLinear", () => {
  it.each([undefined, "f16", "q8_0"] as const)(
    "has linear()'s value and input gradient (rounding %s passed straight through)",
    async (rounding) => {
      const x = tf.randomNormal([5, 64], 0, 1, "float32", 1) as Tensor2D;
      const base = {
        weight: tf.randomNormal([64, 3], 0, 1, "float32", 2) as Tensor2D,
        bias: tf.randomNormal([3], 0, 1, "float32", 3) as Tensor1D,
        ...(rounding ? { rounding } : {}),
      };
      const transposed = tf.transpose(base.weight) as Tensor2D;
      const dy = tf.randomNormal([5, 3], 0, 1, "float32", 4);
      const objective = (f: (t: Tensor2D) => Tensor) => (t: Tensor) =>
        f(t as Tensor2D)
          .mul(dy)
          .sum();
      const [wantValue, gotValue] = [linear(tf, x, base), frozenLinear(tf, x, base, transposed)];
      const wantGrad = tf.grad(objective((t) => linear(tf, t, base)))(x);
      const gotGrad = tf.grad(objective((t) => frozenLinear(tf, t, base, transposed)))(x);
      expect(Array.from(await gotValue.data())).toEqual(Array.from(await wantValue.data()));
      const gradDiff = (await tf.max(tf.abs(gotGrad.sub(wantGrad))).data())[0]!;
      expect(gradDiff).toBeLessThan(1e-5);
      tf.dispose([x, base.weight, base.bias, transposed, dy, wantValue, gotValue, wantGrad, gotGrad]);
    },
  );
});
