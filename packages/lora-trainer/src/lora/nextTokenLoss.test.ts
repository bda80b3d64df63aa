import { afterAll, describe, expect, it } from "vitest";
import { DecoderModel } from "../models/DecoderModel.js";
import { memorySource, randomModel } from "../testing/randomModel.js";
import { referenceLogProbs, referenceLoss } from "../testing/referenceForward.js";
import { nextTokenLoss } from "./nextTokenLoss.js";

const random = randomModel({
  architecture: "llama",
  vocabSize: 30,
  dim: 16,
  layers: 1,
  heads: 2,
  kvHeads: 1,
  ffnDim: 24,
  seed: 12,
});
const model = await DecoderModel.fromSource(memorySource(random), { log: () => {} });
const { tf } = model;
afterAll(() => model.dispose());
const rows = [
  [1, 5, 9, 2, 7, 3],
  [4, 4, 8, 0, 29, 6],
];

describe("nextTokenLoss", () => {
  it("equals the float64 reference's mean next-token cross-entropy", () => {
    const loss = tf.tidy(() => {
      const ids = tf.tensor2d(rows, [2, 6], "int32");
      return nextTokenLoss(tf, model.forward(ids), ids).dataSync()[0]!;
    });
    const want = (referenceLoss(random, rows[0]!) + referenceLoss(random, rows[1]!)) / 2;
    expect(loss).toBeCloseTo(want, 5);
  });

  it("counts only masked-in targets (e.g. the answer, not the prompt or padding)", () => {
    const mask = [
      [0, 0, 0, 1, 1, 0],
      [0, 0, 0, 0, 1, 1],
    ];
    const loss = tf.tidy(() => {
      const ids = tf.tensor2d(rows, [2, 6], "int32");
      return nextTokenLoss(tf, model.forward(ids), ids, tf.tensor2d(mask, [2, 6])).dataSync()[0]!;
    });
    let sum = 0;
    let count = 0;
    rows.forEach((row, b) => {
      const logProbs = referenceLogProbs(random, row);
      for (let t = 1; t < row.length; t++) {
        if (mask[b]![t]) {
          sum -= logProbs[t - 1]![row[t]!]!;
          count++;
        }
      }
    });
    expect(loss).toBeCloseTo(sum / count, 5);
  });

  it("has a gradient with respect to the logits on this backend (gather's gradient kernel)", () => {
    const grad = tf.tidy(() => {
      const ids = tf.tensor2d(rows, [2, 6], "int32");
      const logits = model.forward(ids);
      return tf
        .grad((l) => nextTokenLoss(tf, l as typeof logits, ids))(logits)
        .abs()
        .sum()
        .dataSync()[0]!;
    });
    expect(grad).toBeGreaterThan(0);
  });
});
