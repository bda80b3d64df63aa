import { describe, expect, it } from "vitest";
import { loadTf } from "../backend/loadTf.js";
import { CheckpointMismatchError } from "../errors.js";
import { AdamW } from "./AdamW.js";

const { tf } = await loadTf({ log: () => {} });

/** PyTorch's AdamW on plain numbers (float64). */
function reference(p: number, grads: number[], lr: number, wd: number, b1 = 0.9, b2 = 0.999, eps = 1e-8): number {
  let [m, v] = [0, 0];
  grads.forEach((g, i) => {
    const t = i + 1;
    p *= 1 - lr * wd;
    m = b1 * m + (1 - b1) * g;
    v = b2 * v + (1 - b2) * g * g;
    p -= (lr * (m / (1 - b1 ** t))) / (Math.sqrt(v / (1 - b2 ** t)) + eps);
  });
  return p;
}

describe("AdamW", () => {
  it("matches PyTorch's update, with weight decay on matrices only", () => {
    const matrix = tf.variable(
      tf.tensor2d([
        [1, -2],
        [0.5, 3],
      ]),
      true,
      "adamw-test-matrix",
    );
    const vector = tf.variable(tf.tensor1d([1, -2]), true, "adamw-test-vector");
    const optimizer = new AdamW(
      tf,
      [
        { name: "m", variable: matrix },
        { name: "v", variable: vector },
      ],
      { weightDecay: 0.1 },
    );
    const steps = [
      [0.3, -0.1, 2, 0],
      [-0.2, 0.4, 1, 0.5],
      [0.1, 0.1, -3, 0.25],
    ];
    for (const g of steps) {
      const grads = [tf.tensor2d(g, [2, 2]), tf.tensor1d(g.slice(0, 2))];
      optimizer.apply(grads, 0.01);
      tf.dispose(grads);
    }
    const initial = [1, -2, 0.5, 3];
    const expectedMatrix = initial.map((p, i) =>
      reference(
        p,
        steps.map((g) => g[i]!),
        0.01,
        0.1,
      ),
    );
    const expectedVector = initial.slice(0, 2).map((p, i) =>
      reference(
        p,
        steps.map((g) => g[i]!),
        0.01,
        0,
      ),
    );
    for (const [i, p] of matrix.dataSync().entries()) expect(p).toBeCloseTo(expectedMatrix[i]!, 6);
    for (const [i, p] of vector.dataSync().entries()) expect(p).toBeCloseTo(expectedVector[i]!, 6);
    expect(optimizer.updates).toBe(3);
    optimizer.dispose();
    tf.dispose([matrix, vector]);
  });

  it("saves and restores its moments exactly; refuses state of another shape", async () => {
    const make = (name: string) => tf.variable(tf.tensor1d([0.5, -0.5, 2]), true, name);
    const [a, b] = [make("adamw-test-a"), make("adamw-test-b")];
    const first = new AdamW(tf, [{ name: "w", variable: a }]);
    const grad = tf.tensor1d([0.1, -0.3, 0.7]);
    first.apply([grad], 0.1);
    const state = await first.state();
    const second = new AdamW(tf, [{ name: "w", variable: b }]);
    b.assign(a);
    second.restore(state);
    first.apply([grad], 0.1);
    second.apply([grad], 0.1);
    expect([...b.dataSync()]).toEqual([...a.dataSync()]);
    expect(() => second.restore({ updates: 1, moments: new Map() })).toThrow(CheckpointMismatchError);
    tf.dispose([grad, a, b]);
    first.dispose();
    second.dispose();
  });
});
