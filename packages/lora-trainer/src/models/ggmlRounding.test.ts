import { dequantize, floatToHalf, GgmlType, halfToFloatTable, quantize } from "@nomen/gguf";
import { beforeAll, describe, expect, it } from "vitest";
import { loadTf, type Tf } from "../backend/loadTf.js";
import { gaussian } from "../testing/randomModel.js";
import { activationRoundingFor, roundActivations } from "./ggmlRounding.js";

let tf: Tf;
beforeAll(async () => {
  ({ tf } = await loadTf({ log: () => {} }));
});

const random = gaussian(9);
const values = Float32Array.from({ length: 4 * 64 }, () => random() * 3);

describe("roundActivations reproduces ggml's activation rounding (checked against @nomen/gguf's codecs)", () => {
  it("maps ggml weight types to the rounding of their vec_dot_type", () => {
    expect([0, 1, 8, 30, 12].map(activationRoundingFor)).toEqual([undefined, "f16", "q8_0", "bf16", undefined]);
  });

  it("f16: equals float → half → float", async () => {
    const table = halfToFloatTable();
    const got = await tf.tidy(() => roundActivations(tf, tf.tensor2d(values, [4, 64]), "f16")).data();
    expect(Array.from(got)).toEqual(Array.from(values, (v) => table[floatToHalf(v)]));
  });

  it("q8_0: equals quantize → dequantize in blocks of 32", async () => {
    const want = dequantize(GgmlType.Q8_0, quantize(GgmlType.Q8_0, values, 64), values.length);
    const got = await tf.tidy(() => roundActivations(tf, tf.tensor2d(values, [4, 64]), "q8_0")).data();
    let mismatches = 0;
    got.forEach((v, i) => {
      if (Math.abs(v - (want[i] as number)) > 1e-6) mismatches++;
    });
    expect(mismatches).toBe(0);
  });

  it("passes gradients straight through", async () => {
    const x = tf.tensor2d(values, [4, 64]);
    const grad = tf.grad((input) =>
      roundActivations(tf, input as never, "q8_0")
        .mul(2)
        .sum(),
    )(x);
    expect(Array.from(await grad.data()).every((g) => g === 2)).toBe(true);
    tf.dispose([x, grad]);
  });
});
