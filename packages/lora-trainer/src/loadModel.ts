import type { TfBackendName } from "./backend/loadTf.js";
import { DecoderModel } from "./models/DecoderModel.js";
import { openGgufSource } from "./models/ggufSource.js";

/** Options for {@link loadModel}. */
export interface LoadModelOptions {
  /** Path of a Llama or Qwen2 GGUF (F32, F16, BF16, Q8_0, Q4_K, Q5_K or Q6_K weights). */
  path: string;
  /** Force a TF.js backend. Defaults to the best available: tensorflow → wasm → cpu. */
  backend?: TfBackendName;
  /** Positions one forward pass is sized for in the memory check. Defaults to 512. */
  plannedTokens?: number;
  /** Receives the backend line and the memory report. Defaults to `console.error`. */
  log?: (line: string) => void;
  /** Round matmul inputs as ggml's CPU backend does for F16/BF16/Q8_0 weights (llama.cpp parity). Defaults to true. */
  matchGgmlRounding?: boolean;
  signal?: AbortSignal;
}

/**
 * Loads a GGUF model into TF.js as float32: header and metadata first, every tensor's presence, shape and type
 * checked, memory checked against the backend's limit, and only then the weights read and dequantized.
 * Bad files reject with a named error (from `@nomen/gguf` or this package's `errors.ts`); nothing aborts the process.
 *
 * @example
 * await using model = await loadModel({ path: "tiny.gguf" });
 * const logProbs = await model.logProbs([[1, 2, 3]]);
 */
export async function loadModel(options: LoadModelOptions): Promise<DecoderModel> {
  const { path, signal, ...rest } = options;
  const source = await openGgufSource(path, { signal });
  return DecoderModel.fromSource(source, { ...rest, signal });
}
