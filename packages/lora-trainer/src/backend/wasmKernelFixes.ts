import type { KernelConfig, KernelFunc, TensorInfo } from "@tensorflow/tfjs";
import type { Tf } from "./loadTf.js";
import { chunkedTransposeAMatMul, viewMatMul } from "./viewMatMul.js";

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
 *   XNNPACK 2D matmul per batch slice (viewMatMul.ts).
 * - UnsortedSegmentSum: missing on wasm; it is the gradient of `tf.gather` (a trainable embedding).
 * - Identity: wasm's copies the tensor. tf.clone is how the engine saves every op's inputs for the backward pass,
 *   so in a gradient tape each matmul copied its weight: +1.4 GB for the Qwen2.5-0.5B shape's projections and
 *   +1 GB for its 545 MB head (gathered and multiplied), which aborted full-depth LoRA. Tensor data is immutable
 *   (Reshape already shares it the same way), so share the data and count a reference, as the cpu backend does.
 * Safe to call more than once. Returns the names of the kernels it (re-)registered.
 */
export function applyWasmKernelFixes(tf: Tf): string[] {
  const registered: string[] = [];
  if (patchBatchMatMul(tf)) registered.push("BatchMatMul");
  if (!(tf.getKernel("Identity", "wasm") as unknown as Record<symbol, boolean> | undefined)?.[PATCHED]) {
    tf.unregisterKernel("Identity", "wasm");
    tf.registerKernel(sharedIdentityKernel);
    registered.push("Identity");
  }
  if (!tf.getKernel("UnsortedSegmentSum", "wasm")) {
    tf.registerKernel(unsortedSegmentSumKernel);
    registered.push("UnsortedSegmentSum");
  }
  return registered;
}

/** Right-hand operands above this size are multiplied in chunks when the left one is transposed (see viewMatMul.ts). */
const CHUNKED_B_BYTES = 128 * 2 ** 20;
const CHUNK_ROWS = 8192;
const transientlyPacked = new WeakSet<object>();

/** Options for {@link packTransiently}. */
export interface PackTransientlyOptions {
  /** Mark (true) or unmark (false). Defaults to true. */
  transient?: boolean;
}

/**
 * Marks frozen weights whose XNNPACK packed copy should not be kept: the wasm kernel caches a packed copy of every
 * matmul's right-hand tensor for as long as the tensor lives, which doubles the projection weights on the heap
 * (1.4 GB of the Qwen2.5-0.5B shape's 3.4 GB). Marked tensors are packed again on each use (a copy of the weight,
 * small next to the product itself once a batch has hundreds of rows). `{ transient: false }` undoes it (decoding one
 * token at a time wants the cached packing back). No effect on other backends.
 */
export function packTransiently(tensors: Iterable<{ dataId: object }>, options: PackTransientlyOptions = {}): void {
  for (const t of tensors) {
    if (options.transient ?? true) transientlyPacked.add(t.dataId);
    else transientlyPacked.delete(t.dataId);
  }
}

function patchBatchMatMul(tf: Tf): boolean {
  const original = tf.getKernel("BatchMatMul", "wasm");
  const transpose = tf.getKernel("Transpose", "wasm");
  if (!original || !transpose || (original as unknown as Record<symbol, boolean>)[PATCHED]) return false;
  const kernelFunc = (args: KernelArgs) => {
    const { inputs, backend, attrs } = args;
    const transposeA = Boolean(attrs?.["transposeA"]);
    const transposeB = Boolean(attrs?.["transposeB"]);
    const [a0, b0] = [inputs["a"] as TensorInfo, inputs["b"] as TensorInfo];
    const swapLastTwo = (x: TensorInfo): TensorInfo => {
      const perm = x.shape.map((_, i) => i);
      const rank = perm.length;
      [perm[rank - 2], perm[rank - 1]] = [rank - 1, rank - 2];
      return transpose.kernelFunc({ inputs: { x }, backend, attrs: { perm } }) as TensorInfo;
    };
    const batched = isBatched(a0, b0);
    if (transposeA && !transposeB && !batched && sizeOf(b0) * 4 > CHUNKED_B_BYTES) {
      const out = chunkedTransposeAMatMul(backend, a0, b0, CHUNK_ROWS, swapLastTwo);
      if (out) return out;
    }
    if (!transposeA && !transposeB && !batched && !transientlyPacked.has(b0.dataId)) return original.kernelFunc(args);
    const temporaries: TensorInfo[] = [];
    const swapped = (x: TensorInfo) => {
      const y = swapLastTwo(x);
      temporaries.push(y);
      return y;
    };
    const a = transposeA ? swapped(a0) : a0;
    const b = transposeB ? swapped(b0) : b0;
    // A transposed b is a fresh tensor: the stock kernel packs it and drops the packing when it is disposed below.
    const viaViews = batched || transientlyPacked.has(b.dataId);
    const out =
      (viaViews && viewMatMul(backend, a, b)) ||
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

const sizeOf = (x: TensorInfo) => x.shape.reduce((p, d) => p * d, 1);

/** More than one matrix on either side: the wasm kernel would leave XNNPACK for its naive loop. */
function isBatched(a: TensorInfo, b: TensorInfo): boolean {
  const batch = (x: TensorInfo) => x.shape.slice(0, -2).reduce((p, d) => p * d, 1);
  return batch(a) > 1 || batch(b) > 1;
}

const sharedIdentityKernel: KernelConfig = {
  kernelName: "Identity",
  backendName: "wasm",
  kernelFunc: (({ inputs, backend }: KernelArgs) => {
    const x = inputs["x"] as TensorInfo;
    (backend as unknown as { incRef(dataId: unknown): void }).incRef(x.dataId);
    return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
  }) as KernelFunc,
};
(sharedIdentityKernel as unknown as Record<symbol, boolean>)[PATCHED] = true;

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
