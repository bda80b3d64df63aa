import type { KernelConfig, KernelFunc, TensorInfo } from "@tensorflow/tfjs";
import type { Tf } from "./loadTf.js";
import { slicedBatchMatMul } from "./slicedMatMul.js";

/** The slice of the wasm backend object these kernels touch. */
interface WasmBackendLike {
  readSync(dataId: unknown): ArrayLike<number>;
  makeOutput(shape: number[], dtype: "float32", memoryOffset?: number, values?: Float32Array): TensorInfo;
  disposeData(dataId: unknown): boolean;
}

type KernelArgs = Parameters<KernelFunc>[0];

const PATCHED = Symbol.for("@nomen/lora-trainer/wasmBatchMatMulPatched");

/**
 * The two measured fixes for tfjs-backend-wasm 4.22 (facts/tfjs.md §4), in one place:
 * - BatchMatMul: wasm only reaches XNNPACK when neither operand is transposed and batch == 1 (10–20× faster), and
 *   matMul's gradient always transposes, so transpose explicitly, and run batched products (attention) as one
 *   XNNPACK 2D matmul per batch slice (slicedMatMul.ts).
 * - UnsortedSegmentSum: missing on wasm; it is the gradient of `tf.gather` (a trainable embedding).
 * Safe to call more than once. Returns the names of the kernels it (re-)registered.
 */
export function applyWasmKernelFixes(tf: Tf): string[] {
  const registered: string[] = [];
  if (patchBatchMatMul(tf)) registered.push("BatchMatMul");
  if (!tf.getKernel("UnsortedSegmentSum", "wasm")) {
    tf.registerKernel(unsortedSegmentSumKernel);
    registered.push("UnsortedSegmentSum");
  }
  return registered;
}

function patchBatchMatMul(tf: Tf): boolean {
  const original = tf.getKernel("BatchMatMul", "wasm");
  const transpose = tf.getKernel("Transpose", "wasm");
  if (!original || !transpose || (original as unknown as Record<symbol, boolean>)[PATCHED]) return false;
  const kernelFunc = (args: KernelArgs) => {
    const { inputs, backend, attrs } = args;
    const plain = !attrs?.["transposeA"] && !attrs?.["transposeB"];
    if (plain && !isBatched(inputs["a"] as TensorInfo, inputs["b"] as TensorInfo)) return original.kernelFunc(args);
    const temporaries: TensorInfo[] = [];
    const swapLastTwo = (x: TensorInfo): TensorInfo => {
      const perm = x.shape.map((_, i) => i);
      const rank = perm.length;
      [perm[rank - 2], perm[rank - 1]] = [rank - 1, rank - 2];
      const y = transpose.kernelFunc({ inputs: { x }, backend, attrs: { perm } }) as TensorInfo;
      temporaries.push(y);
      return y;
    };
    const a = attrs?.["transposeA"] ? swapLastTwo(inputs["a"] as TensorInfo) : inputs["a"];
    const b = attrs?.["transposeB"] ? swapLastTwo(inputs["b"] as TensorInfo) : inputs["b"];
    const out =
      (isBatched(a as TensorInfo, b as TensorInfo) && slicedBatchMatMul(backend, a as TensorInfo, b as TensorInfo)) ||
      original.kernelFunc({
        inputs: { ...inputs, a, b } as KernelArgs["inputs"],
        backend,
        attrs: { ...attrs, transposeA: false, transposeB: false },
      });
    for (const t of temporaries) (backend as unknown as WasmBackendLike).disposeData(t.dataId);
    return out;
  };
  const patched: KernelConfig = { ...original, kernelFunc: kernelFunc as KernelFunc };
  (patched as unknown as Record<symbol, boolean>)[PATCHED] = true;
  tf.unregisterKernel("BatchMatMul", "wasm");
  tf.registerKernel(patched);
  return true;
}

/** More than one matrix on either side: the wasm kernel would leave XNNPACK for its naive loop. */
function isBatched(a: TensorInfo, b: TensorInfo): boolean {
  const batch = (x: TensorInfo) => x.shape.slice(0, -2).reduce((p, d) => p * d, 1);
  return batch(a) > 1 || batch(b) > 1;
}

const unsortedSegmentSumKernel: KernelConfig = {
  kernelName: "UnsortedSegmentSum",
  backendName: "wasm",
  kernelFunc: (({ inputs, attrs, backend }: KernelArgs) => {
    const x = inputs["x"] as TensorInfo;
    const segmentIds = inputs["segmentIds"] as TensorInfo;
    const numSegments = attrs?.["numSegments"] as number;
    const wasm = backend as unknown as WasmBackendLike;
    const values = wasm.readSync(x.dataId);
    const ids = wasm.readSync(segmentIds.dataId);
    // Segment ids index the leading dims of x that they cover; everything after is one contiguous row.
    const inner = x.shape.slice(segmentIds.shape.length).reduce((p, d) => p * d, 1);
    const out = new Float32Array(numSegments * inner);
    for (let i = 0; i < ids.length; i++) {
      const segment = ids[i] as number;
      if (segment < 0 || segment >= numSegments) continue; // tf semantics: out-of-range ids are dropped
      const from = i * inner;
      const to = segment * inner;
      for (let j = 0; j < inner; j++) out[to + j] = (out[to + j] as number) + (values[from + j] as number);
    }
    return wasm.makeOutput([numSegments, ...x.shape.slice(segmentIds.shape.length)], "float32", undefined, out);
  }) as KernelFunc,
};
