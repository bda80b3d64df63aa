import { beforeAll, describe, expect, it } from "vitest";
import { loadTf, type Tf } from "./loadTf.js";
import { applyWasmKernelFixes } from "./wasmKernelFixes.js";

let tf: Tf;
beforeAll(async () => {
  ({ tf } = await loadTf({ backend: "wasm", log: () => {} }));
});

/** Row-major float64 matmul of [.., m, k]·[.., k, n] after optional transposes of the last two dims. */
function referenceMatMul(a: number[][][], b: number[][][], transposeA: boolean, transposeB: boolean): number[][][] {
  const t = (m: number[][]) => m[0]!.map((_, j) => m.map((row) => row[j]!));
  return a.map((am, i) => {
    const x = transposeA ? t(am) : am;
    const y = transposeB ? t(b[i]!) : b[i]!;
    return x.map((row) => y[0]!.map((_, j) => row.reduce((s, v, k) => s + v * y[k]![j]!, 0)));
  });
}

describe("BatchMatMul transpose patch", () => {
  it("is registered once, however often the fixes are applied", () => {
    expect(applyWasmKernelFixes(tf)).toEqual([]); // loadTf already applied them
    const kernel = tf.getKernel("BatchMatMul", "wasm") as unknown as Record<symbol, boolean>;
    expect(kernel[Symbol.for("@nomen/lora-trainer/wasmBatchMatMulPatched")]).toBe(true);
  });

  it.each([
    [false, false],
    [true, false],
    [false, true],
    [true, true],
  ])("transposeA=%s transposeB=%s matches float64, batched, without leaking", async (ta, tb) => {
    const a = tf.randomNormal([3, 5, 7], 0, 1, "float32", 1) as import("@tensorflow/tfjs").Tensor3D;
    const b = tf.randomNormal([3, 7, 4], 0, 1, "float32", 2) as import("@tensorflow/tfjs").Tensor3D;
    const aIn = ta ? tf.transpose(a, [0, 2, 1]) : a;
    const bIn = tb ? tf.transpose(b, [0, 2, 1]) : b;
    const before = tf.engine().backend.numDataIds();
    const out = tf.matMul(aIn, bIn, ta, tb);
    const got = (await out.array()) as number[][][];
    out.dispose();
    expect(tf.engine().backend.numDataIds()).toBe(before);
    const want = referenceMatMul((await aIn.array()) as number[][][], (await bIn.array()) as number[][][], ta, tb);
    expect(got.flat(2)).toEqual(want.flat(2).map((v) => expect.closeTo(v, 4)));
    tf.dispose([a, b, aIn, bIn]);
  });

  it("gives matMul gradients equal to the analytic ones (dA = dY·Bᵀ, dB = Aᵀ·dY)", async () => {
    const a = tf.randomNormal([6, 5], 0, 1, "float32", 3);
    const b = tf.randomNormal([5, 4], 0, 1, "float32", 4);
    const dy = tf.randomNormal([6, 4], 0, 1, "float32", 5);
    const [da, db] = tf.grads((x, y) =>
      tf
        .matMul(x as never, y as never)
        .mul(dy)
        .sum(),
    )([a, b]);
    const [aRows, bRows, dyRows] = (await Promise.all([a.array(), b.array(), dy.array()])) as number[][][];
    const wantDa = referenceMatMul([dyRows!], [bRows!], false, true)[0]!;
    const wantDb = referenceMatMul([aRows!], [dyRows!], true, false)[0]!;
    expect(((await da!.array()) as number[][]).flat()).toEqual(wantDa.flat().map((v) => expect.closeTo(v, 4)));
    expect(((await db!.array()) as number[][]).flat()).toEqual(wantDb.flat().map((v) => expect.closeTo(v, 4)));
    tf.dispose([a, b, dy, da!, db!]);
  });
});

describe("UnsortedSegmentSum on wasm", () => {
  it("sums rows into segments and drops out-of-range ids", async () => {
    const x = tf.tensor2d([1, 2, 3, 4, 5, 6, 7, 8], [4, 2]);
    const ids = tf.tensor1d([2, 0, 2, 5], "int32");
    const out = tf.unsortedSegmentSum(x, ids, 3);
    expect(await out.array()).toEqual([
      [3, 4],
      [0, 0],
      [6, 8],
    ]);
    tf.dispose([x, ids, out]);
  });

  it("makes the gradient of gather (a trainable embedding) work", async () => {
    const table = tf.tensor2d([1, 2, 3, 4, 5, 6], [3, 2]);
    const ids = tf.tensor1d([2, 0, 2], "int32");
    const grad = tf.grad((t) =>
      tf
        .gather(t, ids)
        .mul(tf.tensor2d([1, 10, 100, 1000, 2, 20], [3, 2]))
        .sum(),
    )(table);
    expect(await grad.array()).toEqual([
      [100, 1000],
      [0, 0],
      [3, 30],
    ]);
    tf.dispose([table, ids, grad]);
  });
});

describe("Identity on wasm shares data instead of copying", () => {
  it("clones without new heap data, and each side outlives the other's dispose", async () => {
    const x = tf.tensor2d([1, 2, 3, 4], [2, 2]);
    const before = tf.engine().backend.numDataIds();
    const y = tf.clone(x);
    expect(tf.engine().backend.numDataIds()).toBe(before); // same data id, one more reference
    x.dispose();
    expect(Array.from(await y.data())).toEqual([1, 2, 3, 4]);
    y.dispose();
    expect(tf.engine().backend.numDataIds()).toBe(before - 1);
  });

  it("keeps a saved clone of a variable intact when the variable is assigned", async () => {
    const v = tf.variable(tf.tensor1d([1, 2, 3]));
    const saved = tf.clone(v);
    const next = tf.tensor1d([7, 8, 9]);
    v.assign(next);
    expect(Array.from(await saved.data())).toEqual([1, 2, 3]);
    expect(Array.from(await v.data())).toEqual([7, 8, 9]);
    tf.dispose([v, saved, next]);
  });
});
