import { expect, it } from "vitest";
import { loadTf } from "./loadTf.js";

// Own file: the TF.js engine is process-global and vitest isolates files.
it("falls back to the pure-JS cpu backend when asked", async () => {
  const { tf, backend } = await loadTf({ backend: "cpu", log: () => {} });
  expect(backend).toBe("cpu");
  expect(tf.getBackend()).toBe("cpu");
  const y = tf.matMul(tf.tensor2d([1, 2], [1, 2]), tf.tensor2d([3, 4], [2, 1]));
  expect(await y.data()).toEqual(new Float32Array([11]));
});
