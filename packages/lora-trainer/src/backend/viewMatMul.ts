import type { TensorInfo } from "@tensorflow/tfjs";

/** The internals of tfjs-backend-wasm 4.22's BackendWasm that a zero-copy view needs. */
interface WasmInternals {
  dataIdNextNumber: number;
  dataIdMap: { get(dataId: unknown): { id: number; memoryOffset: number } | undefined };
  makeOutput(shape: number[], dtype: "float32"): TensorInfo;
  disposeData(dataId: unknown): boolean;
  wasm: {
    HEAPF32: Float32Array;
    cwrap(name: string, ret: null, args: string[]): (...args: unknown[]) => void;
    tfjs: { registerTensor(id: number, size: number, offset: number): void; disposeData(id: number): void };
  };
}

type WasmBatchMatMul = (
  aId: number,
  aShape: Uint8Array,
  aRank: number,
  bId: number,
  bShape: Uint8Array,
  bRank: number,
  transposeA: number,
  transposeB: number,
  outId: number,
) => void;

/** A [rows, cols] float32 matrix at a byte offset of the wasm heap. */
interface HeapMatrix {
  offset: number;
  rows: number;
  cols: number;
}

const bound = new WeakMap<object, WasmBatchMatMul>();
const shapeBytes = (shape: number[]) => new Uint8Array(new Int32Array(shape).buffer);

/**
 * out = a · b on XNNPACK through fresh tensor ids registered at heap offsets (zero-copy views). Unregistering a
 * view drops the XNNPACK operator (and the packed copy of b) that the wasm kernel caches per right-hand tensor id,
 * without freeing the memory the view points into.
 */
function matMulViews(backendObject: unknown, a: HeapMatrix, b: HeapMatrix, out: HeapMatrix): void {
  const backend = backendObject as WasmInternals;
  let matMul = bound.get(backend);
  if (!matMul) {
    const args = ["number", "array", "number", "number", "array", "number", "number", "number", "number"];
    matMul = backend.wasm.cwrap("BatchMatMul", null, args) as unknown as WasmBatchMatMul;
    bound.set(backend, matMul);
  }
  const view = (m: HeapMatrix) => {
    const id = backend.dataIdNextNumber++;
    backend.wasm.tfjs.registerTensor(id, m.rows * m.cols, m.offset);
    return id;
  };
  const ids = [view(a), view(b), view(out)] as const;
  matMul(ids[0], shapeBytes([1, a.rows, a.cols]), 3, ids[1], shapeBytes([1, b.rows, b.cols]), 3, 0, 0, ids[2]);
  for (const id of ids) backend.wasm.tfjs.disposeData(id);
}

function offsetOf(backendObject: unknown, x: TensorInfo): number | undefined {
  return (backendObject as WasmInternals).dataIdMap.get(x.dataId)?.memoryOffset;
}

/**
 * a [..., M, K] · b [..., K, N], neither transposed, as XNNPACK 2D matmuls on views: one per batch slice (the wasm
 * kernel takes XNNPACK only when batch == 1 and otherwise runs a naive loop at ~1 GFLOP/s, where attention's QKᵀ and
 * AV, batch = B·KV, spent most of a training step), or one [batch·M, K]·[K, N] when b is shared. For batch 1 it is
 * the stock product except that b's packed copy is not kept (for frozen weights too big to keep packed twice).
 * Batch dims must be equal, or one side's must all be 1, and no dim may be 0; returns undefined for anything else (use
 * the stock kernel).
 */
export function viewMatMul(backend: unknown, a: TensorInfo, b: TensorInfo): TensorInfo | undefined {
  const [m, k] = a.shape.slice(-2) as [number, number];
  const n = b.shape.at(-1) as number;
  const batchA = a.shape.slice(0, -2).reduce((p, d) => p * d, 1);
  const batchB = b.shape.slice(0, -2).reduce((p, d) => p * d, 1);
  const outer = broadcastOuter(a.shape.slice(0, -2), b.shape.slice(0, -2), batchA, batchB);
  const aOffset = offsetOf(backend, a);
  const bOffset = offsetOf(backend, b);
  const empty = m * k * n === 0;
  if (
    !outer ||
    empty ||
    aOffset === undefined ||
    bOffset === undefined ||
    a.dtype !== "float32" ||
    b.dtype !== "float32"
  ) {
    return undefined;
  }
  const out = (backend as WasmInternals).makeOutput([...outer, m, n], "float32");
  const outOffset = offsetOf(backend, out)!;
  const batch = Math.max(batchA, batchB);
  if (batchB === 1) {
    const rows = batch * m; // b is shared: fold the batch into the rows
    matMulViews(
      backend,
      { offset: aOffset, rows, cols: k },
      { offset: bOffset, rows: k, cols: n },
      {
        offset: outOffset,
        rows,
        cols: n,
      },
    );
    return out;
  }
  for (let i = 0; i < batch; i++) {
    matMulViews(
      backend,
      { offset: aOffset + (batchA === 1 ? 0 : i * m * k * 4), rows: m, cols: k },
      { offset: bOffset + i * k * n * 4, rows: k, cols: n },
      { offset: outOffset + i * m * n * 4, rows: m, cols: n },
    );
  }
  return out;
}

/**
 * aᵀ · b for 2D a [K, M], b [K, N] with a large b, summed over chunks of K rows: aᵀ·b = Σ a[c]ᵀ·b[c]. Each chunk
 * transposes only a[c] and packs only b[c], so the peak extra memory is one chunk, not a transposed or packed copy
 * of b. This is the input gradient of the vocab-sized output head (a = dlogits [V, N], b = head [V, D]), which on
 * the Qwen2.5-0.5B shape would otherwise add a 545 MB packed copy of the head to the heap.
 * `transpose2d` transposes one [rows, cols] heap matrix into a new tensor (the caller's Transpose kernel).
 */
export function chunkedTransposeAMatMul(
  backend: unknown,
  a: TensorInfo,
  b: TensorInfo,
  chunkRows: number,
  transpose2d: (x: TensorInfo) => TensorInfo,
): TensorInfo | undefined {
  const [k, m] = a.shape as [number, number];
  const n = b.shape[1] as number;
  const wasm = backend as WasmInternals;
  const aOffset = offsetOf(backend, a);
  const bOffset = offsetOf(backend, b);
  if (aOffset === undefined || bOffset === undefined || a.dtype !== "float32" || b.dtype !== "float32")
    return undefined;
  const out = wasm.makeOutput([m, n], "float32");
  const part = wasm.makeOutput([m, n], "float32");
  const outOffset = offsetOf(backend, out)!;
  const partOffset = offsetOf(backend, part)!;
  for (let start = 0; start < k; start += chunkRows) {
    const rows = Math.min(chunkRows, k - start);
    const aChunk = wasm.makeOutput([rows, m], "float32");
    const aChunkOffset = offsetOf(backend, aChunk)!;
    wasm.wasm.HEAPF32.copyWithin(aChunkOffset / 4, aOffset / 4 + start * m, aOffset / 4 + (start + rows) * m);
    const aT = transpose2d(aChunk);
    wasm.disposeData(aChunk.dataId);
    const target = start === 0 ? outOffset : partOffset;
    matMulViews(
      backend,
      { offset: offsetOf(backend, aT)!, rows: m, cols: rows },
      {
        offset: bOffset + start * n * 4,
        rows,
        cols: n,
      },
      { offset: target, rows: m, cols: n },
    );
    wasm.disposeData(aT.dataId);
    if (start > 0) {
      const heap = wasm.wasm.HEAPF32; // re-read: the heap may have grown (and moved) during the matmul
      const o = outOffset / 4;
      const p = partOffset / 4;
      for (let i = 0; i < m * n; i++) heap[o + i] = (heap[o + i] as number) + (heap[p + i] as number);
    }
  }
  wasm.disposeData(part.dataId);
  return out;
}

/** The output's batch dims, or undefined when the batches are neither equal nor one side all-ones. */
function broadcastOuter(a: number[], b: number[], batchA: number, batchB: number): number[] | undefined {
  if (batchB === 1) return a.length >= b.length ? a : [...b.slice(0, b.length - a.length), ...a];
  if (batchA === 1) return b.length >= a.length ? b : [...a.slice(0, a.length - b.length), ...b];
  if (a.length === b.length && a.every((d, i) => d === b[i])) return a;
  return undefined;
}
