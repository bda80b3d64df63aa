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

/** Output-head slice width when the whole packed head does not fit the wasm heap. */
const HEAD_CHUNK_COLUMNS = 16384;

/** Bytes of the wasm backend's heap (it only grows); undefined on other backends. */
export function wasmHeapBytes(backend: unknown): number | undefined {
  return (backend as { wasm?: { HEAPU8?: Uint8Array } } | undefined)?.wasm?.HEAPU8?.length;
}

/** What a model will cost before any weight is read. */
export interface MemoryReport {
  backend: TfBackendName;
  /** Bytes of tensor data in the file, per ggml type (e.g. `{ Q8_0: 531e6, F32: 1.2e6 }`). */
  fileBytesByType: Record<string, number>;
  parameters: number;
  /** Resident float32 weights after loading. */
  weightBytes: number;
  /**
   * wasm only: XNNPACK packs a private copy of every matmul weight on first use and keeps it while the tensor lives
   * (measured: a 0.5B model's matmuls fail with xnn status 6, out of memory, without this in the budget).
   */
  packedBytes: number;
  /**
   * Vocabulary columns per output-head chunk when the packed head does not fit: the head is then multiplied in
   * slices whose packed copies are freed at once (slower, bounded memory). Undefined = one matmul.
   */
  headChunkColumns?: number;
  /** Activations, logits and KV cache for `tokens` positions in one forward pass (an estimate). */
  workingBytes: number;
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
  const headBytes = dim * vocabSize * 4;
  const projectionBytes = source.tensors
    .filter((t) => t.ne.length === 2 && t.name.startsWith("blk."))
    .reduce((sum, t) => sum + t.ne[0]! * t.ne[1]! * 4, 0);
  const logits = tokens * vocabSize * 4 * 3; // logits, log-softmax, one temporary
  const perLayer =
    tokens * (3 * ffnDim + 8 * dim) * 4 + 2 * heads * tokens * Math.min(tokens, config.contextLength) * 4;
  const kvCache = 2 * layers * kvHeads * headDim * tokens * 4;
  const workingBytes = logits + perLayer + kvCache;
  const limitBytes = backend === "wasm" ? WASM_HEAP_LIMIT_BYTES : totalmem();
  let packedBytes = backend === "wasm" ? projectionBytes + headBytes : 0;
  let headChunkColumns: number | undefined;
  if (backend === "wasm" && weightBytes + packedBytes + workingBytes > limitBytes) {
    headChunkColumns = Math.min(vocabSize, HEAD_CHUNK_COLUMNS);
    packedBytes = projectionBytes + 2 * dim * headChunkColumns * 4; // one slice and its packed copy at a time
  }
  const totalBytes = weightBytes + packedBytes + workingBytes;
  return {
    backend,
    fileBytesByType,
    parameters,
    weightBytes,
    packedBytes,
    ...(headChunkColumns ? { headChunkColumns } : {}),
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
