/**
 * Opens a GGUF (and optional LoRA adapter) straight into the exact path, without TF.js: the cheapest way to get
 * llama.cpp's log-probs bit for bit when only the numbers are needed (evaluation, parity checks, served scores).
 */
import { type DecoderConfig, decoderConfigFromMetadata } from "./DecoderConfig.js";
import type { GgmlCpuOptions } from "./ggmlCpuContext.js";
import { ggmlCpuLogits } from "./ggmlCpuLogits.js";
import type { GgmlCpuProfile } from "./ggmlCpuProfile.js";
import { withGgufLora } from "./ggmlLora.js";
import { logSoftmax } from "./ggmlMath.js";
import { type GgmlWeights, ggmlWeightsFromSource } from "./ggmlWeights.js";
import { openGgufSource } from "./ggufSource.js";

/** A GGUF model (and optional LoRA adapter) read for {@link ggmlCpuLogits}, without TF.js. */
export interface GgmlCpuModel {
  config: DecoderConfig;
  weights: GgmlWeights;
  /** Natural-log next-token distributions [T][V] for one sequence, as llama.cpp computes them on this CPU variant. */
  logProbs(tokens: readonly number[], profile: GgmlCpuProfile, options?: GgmlCpuOptions): Float32Array[];
}

/**
 * Opens a Llama/Qwen2 GGUF for the exact ggml-cpu path, with a GGUF LoRA adapter applied as
 * `createContext({ lora: { adapters: [{ filePath: adapterPath, scale: adapterScale }] } })` would.
 * No adapter by default; `adapterScale` defaults to 1.
 *
 * @example
 * const model = await openGgmlCpuModel("nomen-base.gguf", { adapterPath: "nomen-lora.gguf" });
 * const logProbs = model.logProbs(ids, ggmlCpuProfile("zen4")!);
 */
export async function openGgmlCpuModel(
  path: string,
  options: { adapterPath?: string; adapterScale?: number } = {},
): Promise<GgmlCpuModel> {
  const source = await openGgufSource(path);
  const embd = source.tensors.find((t) => t.name === "token_embd.weight");
  const config = decoderConfigFromMetadata(source.metadata, source.location, embd?.ne[1]);
  let weights = await ggmlWeightsFromSource(source, config);
  if (options.adapterPath) weights = await withGgufLora(weights, options.adapterPath, options.adapterScale);
  return {
    config,
    weights,
    logProbs: (tokens, profile, logitsOptions) =>
      ggmlCpuLogits(config, weights, tokens, profile, logitsOptions).map(logSoftmax),
  };
}
