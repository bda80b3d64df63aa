import type { Tensor } from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { loadTf, type Tf } from "./loadTf.js";
import { chunkedTransposeAMatMul } from "./viewMatMul.js";
import { packTransiently } from "./wasmKernelFixes.js";

let tf: Tf;
beforeAll(async () => {
  ({ tf } = await loadTf({ backend: "wasm", log: () => {} }));
});

/** float64 [..., m, k]·[..., k, n] with numpy-style broadcasting of the batch dims (one side all-ones or equal). */
async function reference(a: Tensor, b: Tensor): Promise<number[]> {
  const [m, k] = a.shape.slice(-2) as [number, number];
  const n = b.shape.at(-1) as number;
  const av = await a.data();
  const bv = await b.data();
  const batchA = av.length / (m * k);
  const batchB = bv.length / (k * n);
  const out: number[] = [];
  for (let i = 0; i < Math.max(batchA, batchB); i++) {
    const ao = (batchA === 1 ? 0 : i) * m * k;
    const bo = (batchB === 1 ? 0 : i) * k * n;
    for (let r = 0; r < m; r++) {
      for (let c = 0; c < n; c++) {
        let s = 0;
        for (let j = 0; j < k; j++) s += av[ao + r * k + j]! * bv[bo + j * n + c]!;
        out.push(s);
      }
    }
  }
  return out;
}

describe("batched BatchMatMul as XNNPACK 2D slices", () => {
  it.each([
    ["equal batches (attention AV)", [2, 3, 6, 5], [2, 3, 5, 4]],
    ["b broadcast (rank 3 × rank 2)", [3, 6, 5], [5, 4]],
    ["b broadcast over leading ones", [2, 3, 6, 5], [1, 1, 5, 4]],
    ["a broadcast", [6, 5], [4, 5, 3]],
    ["an empty batch slice (stock kernel)", [2, 0, 5], [2, 5, 3]],
  ])("%s matches float64 and frees every slice view", async (_, aShape, bShape) => {
    const a = tf.randomNormal(aShape, 0, 1, "float32", 7);
    const b = tf.randomNormal(bShape, 0, 1, "float32", 8);
    const before = tf.engine().backend.numDataIds();
    const out = tf.matMul(a, b);
    const got = await out.data();
    out.dispose();
    expect(tf.engine().backend.numDataIds()).toBe(before);
    expect(Array.from(got)).toEqual((await reference(a, b)).map((v) => expect.closeTo(v, 4)));
    tf.dispose([a, b]);
  });

  it("gives the same attention gradients as slice-by-slice 2D matmuls", async () => {
    const q = tf.randomNormal([2, 2, 8, 4], 0, 1, "float32", 1);
    const k = tf.randomNormal([2, 2, 6, 4], 0, 1, "float32", 2);
    const v = tf.randomNormal([2, 2, 6, 4], 0, 1, "float32", 3);
    const batched = (qq: Tensor, kk: Tensor, vv: Tensor) =>
      tf
        .matMul(tf.softmax(tf.matMul(qq as never, kk as never, false, true)), vv as never)
        .square()
        .sum();
    const sliced = (qq: Tensor, kk: Tensor, vv: Tensor) => {
      const [qs, ks, vs] = [qq, kk, vv].map((t) => tf.unstack(t.reshape([4, ...t.shape.slice(2)])));
      return tf.addN(
        qs!.map((qi, i) =>
          tf
            .matMul(tf.softmax(tf.matMul(qi as never, ks![i]! as never, false, true)), vs![i]! as never)
            .square()
            .sum(),
        ),
      );
    };
    const want = tf.grads(sliced)([q, k, v]);
    const got = tf.grads(batched)([q, k, v]);
    for (let i = 0; i < 3; i++) {
      const diff = (await tf.max(tf.abs(got[i]!.sub(want[i]!))).data())[0]!;
      expect(diff).toBeLessThan(1e-5);
    }
    tf.dispose([q, k, v, ...want, ...got]);
  });
});

describe("memory-saving paths", () => {
  it("sums aᵀ·b over chunks of rows (the output head's input gradient) exactly like the plain product", async () => {
    const a = tf.randomNormal([11, 4], 0, 1, "float32", 5);
    const b = tf.randomNormal([11, 6], 0, 1, "float32", 6);
    const backend = tf.engine().backend;
    const transpose = tf.getKernel("Transpose", "wasm")!;
    const before = backend.numDataIds();
    const info = chunkedTransposeAMatMul(
      backend,
      a,
      b,
      3,
      (x) => transpose.kernelFunc({ inputs: { x }, backend, attrs: { perm: [1, 0] } }) as never,
    )!;
    expect(backend.numDataIds()).toBe(before + 1);
    const got = tf.engine().makeTensorFromTensorInfo(info);
    expect(got.shape).toEqual([4, 6]);
    expect(Array.from(await got.data())).toEqual(
      (await reference(tf.transpose(a), b)).map((v) => expect.closeTo(v, 4)),
    );
    tf.dispose([a, b, got]);
  });

  it("multiplies by a transiently packed weight, plain and transposed, with unchanged results", async () => {
    const x = tf.randomNormal([7, 5], 0, 1, "float32", 9);
    const w = tf.randomNormal([5, 3], 0, 1, "float32", 10);
    const dy = tf.randomNormal([7, 3], 0, 1, "float32", 11);
    const products = () => [tf.matMul(x, w), tf.matMul(dy, w, false, true)];
    const first = products();
    const want = await Promise.all(first.map((t) => t.data()));
    tf.dispose(first);
    packTransiently([w]);
    const before = tf.engine().backend.numDataIds();
    const got = products();
    expect(tf.engine().backend.numDataIds()).toBe(before + 2);
    for (let i = 0; i < 2; i++) {
      expect(Array.from(await got[i]!.data())).toEqual(Array.from(want[i]!).map((v) => expect.closeTo(v, 5)));
    }
    packTransiently([w], { transient: false });
    tf.dispose([x, w, dy, ...got]);
  });
});
