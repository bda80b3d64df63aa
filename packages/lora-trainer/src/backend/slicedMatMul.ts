import type { TensorInfo } from "@tensorflow/tfjs";

/** The internals of tfjs-backend-wasm 4.22's BackendWasm that a zero-copy view needs. */
interface WasmInternals {
  dataIdNextNumber: number;
  dataIdMap: { get(dataId: unknown): { id: number; memoryOffset: number } | undefined };
  makeOutput(shape: number[], dtype: "float32"): TensorInfo;
  wasm: {
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

const bound = new WeakMap<object, WasmBatchMatMul>();
const shapeBytes = (shape: number[]) => new Uint8Array(new Int32Array(shape).buffer);

/**
 * a [..., M, K] · b [..., K, N] with batch > 1, neither operand transposed, as one XNNPACK 2D matmul per batch
 * slice. The wasm kernel takes XNNPACK only when batch == 1 and otherwise runs a naive loop (~1 GFLOP/s), which is
 * where attention's QKᵀ and AV (batch = B·KV) spent ~94% of a training step. Each slice is a zero-copy view:
 * a fresh tensor id registered at an offset into the operand's heap memory, then unregistered (which also drops
 * the XNNPACK operator packed for it) without freeing the memory it points into.
 * Batch dims must be equal, or one side's must all be 1 (broadcast); returns undefined for anything else,
 * so the caller falls back to the stock kernel.
 */
export function slicedBatchMatMul(backendObject: unknown, a: TensorInfo, b: TensorInfo): TensorInfo | undefined {
  const backend = backendObject as WasmInternals;
  const [m, k] = a.shape.slice(-2) as [number, number];
  const n = b.shape.at(-1) as number;
  const batchA = a.shape.slice(0, -2).reduce((p, d) => p * d, 1);
  const batchB = b.shape.slice(0, -2).reduce((p, d) => p * d, 1);
  const outer = broadcastOuter(a.shape.slice(0, -2), b.shape.slice(0, -2), batchA, batchB);
  const aInfo = backend.dataIdMap.get(a.dataId);
  const bInfo = backend.dataIdMap.get(b.dataId);
  if (!outer || !aInfo || !bInfo || a.dtype !== "float32" || b.dtype !== "float32") return undefined;
  let matMul = bound.get(backend);
  if (!matMul) {
    const args = ["number", "array", "number", "number", "array", "number", "number", "number", "number"];
    matMul = backend.wasm.cwrap("BatchMatMul", null, args) as unknown as WasmBatchMatMul;
    bound.set(backend, matMul);
  }
  const out = backend.makeOutput([...outer, m, n], "float32");
  const outInfo = backend.dataIdMap.get(out.dataId)!;
  const view = (offset: number, size: number) => {
    const id = backend.dataIdNextNumber++;
    backend.wasm.tfjs.registerTensor(id, size, offset);
    return id;
  };
  const batch = Math.max(batchA, batchB);
  if (batchB === 1) {
    // b is shared: fold the batch into the rows, one matmul [batch·M, K]·[K, N].
    matMul(aInfo.id, shapeBytes([1, batch * m, k]), 3, bInfo.id, shapeBytes([1, k, n]), 3, 0, 0, outInfo.id);
    return out;
  }
  const aShape = shapeBytes([1, m, k]);
  const bShape = shapeBytes([1, k, n]);
  for (let i = 0; i < batch; i++) {
    const ids = [
      view(aInfo.memoryOffset + (batchA === 1 ? 0 : i * m * k * 4), m * k),
      view(bInfo.memoryOffset + i * k * n * 4, k * n),
      view(outInfo.memoryOffset + i * m * n * 4, m * n),
    ] as const;
    matMul(ids[0], aShape, 3, ids[1], bShape, 3, 0, 0, ids[2]);
    for (const id of ids) backend.wasm.tfjs.disposeData(id);
  }
  return out;
}

/** The output's batch dims, or undefined when the batches are neither equal nor one side all-ones. */
function broadcastOuter(a: number[], b: number[], batchA: number, batchB: number): number[] | undefined {
  if (batchB === 1) return a.length >= b.length ? a : [...b.slice(0, b.length - a.length), ...a];
  if (batchA === 1) return b.length >= a.length ? b : [...a.slice(0, a.length - b.length), ...b];
  if (a.length === b.length && a.every((d, i) => d === b[i])) return a;
  return undefined;
}
