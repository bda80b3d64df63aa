import { totalmem } from "node:os";
import type { TfBackendName } from "./backend/loadTf.js";
import { InsufficientMemoryError } from "./errors.js";
import type { DecoderConfig } from "./models/DecoderConfig.js";
import { ggmlTypeName, type ModelSource } from "./models/ModelSource.js";

/**
 * The wasm backend's heap is wasm32 memory: allocations past about 3.9 GiB fail with "memory access out of bounds"
 * (facts/tfjs.md §5). Keep a margin for the allocator and the backend's own buffers.
 */
export const WASM_HEAP_LIMIT_BYTES = 3.75 * 2 ** 30;

/** Bytes of the wasm backend's heap (it only grows); undefined on other backends. */
export function wasmHeapBytes(backend: unknown): number | undefined {
  return (backend as { wasm?: { HEAPU8?: Uint8Array } } | undefined)?.wasm?.HEAPU8?.length;
}

/**
 * The wasm heap outgrows the live tensors (allocator fragmentation, XNNPACK padding): the 0.5B bench measured a
 * 3,760 MiB heap against 3,368 MiB of weights, packed weights and working memory, i.e. 12%.
 */
const WASM_ALLOCATOR_OVERHEAD = 0.12;

/** What a model will cost before any weight is read. */
export interface MemoryReport {
  backend: TfBackendName;
  /** Bytes of tensor data in the file, per ggml type (e.g. `{ Q8_0: 531e6, F32: 1.2e6 }`). */
  fileBytesByType: Record<string, number>;
  parameters: number;
  /** Resident float32 weights after loading. */
  weightBytes: number;
  /**
   * wasm only: XNNPACK packs a private copy of every matmul's right-hand operand on first use and keeps it while the
   * tensor lives (measured: a 0.5B model's matmuls failed with xnn status 6, out of memory, before this was budgeted).
   * The output head sits on the left-hand side, so only the layers' projections are packed.
   */
  packedBytes: number;

  /** Activations, logits and KV cache for `tokens` positions in one forward pass (an estimate). */
  workingBytes: number;
  /** weight + packed + working bytes, plus the measured allocator overhead on wasm. */
  totalBytes: number;
  /** What the backend can address; `totalmem()` for backends without a heap cap. */
  limitBytes: number;
  fits: boolean;
}

/** Options for {@link estimateMemory}. */
export interface EstimateMemoryOptions {
  backend: TfBackendName;
  /** Positions (batch × sequence) one forward pass is sized for. Defaults to 512. */
  tokens?: number;
}

/** Counts weights per dtype and sizes one forward pass; reads headers only. */
export function estimateMemory(
  source: ModelSource,
  config: DecoderConfig,
  options: EstimateMemoryOptions,
): MemoryReport {
  const { backend, tokens = 512 } = options;
  const fileBytesByType: Record<string, number> = {};
  let parameters = 0;
  for (const t of source.tensors) {
    const type = ggmlTypeName(t.ggmlType);
    fileBytesByType[type] = (fileBytesByType[type] ?? 0) + t.byteLength;
    parameters += t.ne.reduce((p, d) => p * d, 1);
  }
  const { dim, ffnDim, heads, kvHeads, headDim, layers, vocabSize } = config;
  const weightBytes = parameters * 4 + headDim * headDim * 4;
  const projectionBytes = source.tensors
    .filter((t) => t.ne.length === 2 && t.name.startsWith("blk."))
    .reduce((sum, t) => sum + t.ne[0]! * t.ne[1]! * 4, 0);
  const logits = tokens * vocabSize * 4 * 3; // logits [V, N], transposed, log-softmax
  const perLayer =
    tokens * (3 * ffnDim + 8 * dim) * 4 + 2 * heads * tokens * Math.min(tokens, config.contextLength) * 4;
  const kvCache = 2 * layers * kvHeads * headDim * tokens * 4;
  const workingBytes = logits + perLayer + kvCache;
  const limitBytes = backend === "wasm" ? WASM_HEAP_LIMIT_BYTES : totalmem();
  const packedBytes = backend === "wasm" ? projectionBytes : 0;
  const subtotal = weightBytes + packedBytes + workingBytes;
  const totalBytes = backend === "wasm" ? Math.round(subtotal * (1 + WASM_ALLOCATOR_OVERHEAD)) : subtotal;
  return {
    backend,
    fileBytesByType,
    parameters,
    weightBytes,
    packedBytes,
    workingBytes,
    totalBytes,
    limitBytes,
    fits: totalBytes <= limitBytes,
  };
}

/** Throws {@link InsufficientMemoryError} (with the numbers and a way out) when the report does not fit. */
export function assertFits(report: MemoryReport, location: string): void {
  if (report.fits) return;
  const hint =
    report.backend === "wasm"
      ? "Hint: install @tensorflow/tfjs-node (native, no heap cap) on a machine that can download libtensorflow, or use a smaller model."
      : "Hint: use a smaller model or fewer tokens per forward pass.";
  throw new InsufficientMemoryError(
    `${location}: ${formatBytes(report.weightBytes)} of float32 weights (${report.parameters.toLocaleString("en-US")} parameters) ` +
      `+ ${formatBytes(report.packedBytes)} packed matmul weights + ${formatBytes(report.workingBytes)} working memory exceeds the ${report.backend} backend's ${formatBytes(report.limitBytes)}. ${hint}`,
  );
}

export function formatBytes(bytes: number): string {
  if (bytes >= 2 ** 30) return `${(bytes / 2 ** 30).toFixed(2)} GiB`;
  if (bytes >= 2 ** 20) return `${(bytes / 2 ** 20).toFixed(1)} MiB`;
  return `${(bytes / 1024).toFixed(1)} KiB`;
}
