import { u32 } from "@nomen/gguf";
import { FullModel, type FullModelOptions, writeFullModelGguf } from "@nomen/lora-trainer";
import { PROMPT_TOKEN_LIMIT_KEY } from "@nomen/metal-runtime";
import { BASE_MODEL_SHAPE, BASE_PROMPT_TOKEN_LIMIT } from "./baseModelConfig.js";
import { copyGgufWithMetadata } from "./copyGgufWithMetadata.js";
import { PipelineInputError } from "./errors.js";
import { loadCheckpointWeights } from "./loadCheckpointWeights.js";
import { loadRunTokenizer } from "./loadRunTokenizer.js";
import type { RunPaths } from "./runPaths.js";

/** Options for {@link exportBase}. */
export interface ExportBaseOptions {
  paths: RunPaths;
  /** A trained model; otherwise the weights come from `checkpoint`. */
  model?: FullModel;
  /** Checkpoint file to export when no `model` is given. */
  checkpoint?: string;
  /** Shape overrides matching the trained model. Defaults to {@link BASE_MODEL_SHAPE}. */
  shape?: Partial<Omit<FullModelOptions, "vocabSize">>;
  /** Matrix type. Defaults to "F16" (about 1.7 MB for the v1 base). */
  type?: "F32" | "F16" | "Q8_0";
  /** `<arch>.context_length` written to the GGUF. Defaults to `BASE_MODEL_SHAPE.contextLength` (1024). */
  contextLength?: number;
  /** `nomen.prompt.max_tokens` written to the GGUF. Defaults to {@link BASE_PROMPT_TOKEN_LIMIT} (384). */
  promptTokenLimit?: number;
  /** Defaults to `paths.baseGguf`. */
  path?: string;
  signal?: AbortSignal;
}

/** Writes the base GGUF (weights + byte vocabulary + ChatML template) and returns its size in bytes. */
export async function exportBase(options: ExportBaseOptions): Promise<{ path: string; bytes: number }> {
  const { paths } = options;
  const tokenizer = await loadRunTokenizer(paths.vocabulary);
  const path = options.path ?? paths.baseGguf;
  let model = options.model;
  const owned = !model;
  if (!model) {
    if (!options.checkpoint)
      throw new PipelineInputError("exportBase: pass model or checkpoint. Hint: train first, or give --checkpoint.");
    model = await FullModel.create({
      ...BASE_MODEL_SHAPE,
      ...options.shape,
      vocabSize: tokenizer.vocabulary.tokens.length,
      log: () => {},
    });
    await loadCheckpointWeights(model, options.checkpoint).catch((error: unknown) => {
      model?.dispose();
      throw error;
    });
  }
  try {
    // writeFullModelGguf takes the context length from model.config; a view with another config changes only the
    // metadata (it reads nothing else but `parameters`). Integration point: a `contextLength` option upstream.
    const contextLength = options.contextLength ?? BASE_MODEL_SHAPE.contextLength;
    const view: FullModel = Object.create(model, { config: { value: { ...model.config, contextLength } } });
    await writeFullModelGguf(view, {
      path,
      tokenizer,
      name: `nomen base ${paths.run}`,
      type: options.type ?? "F16",
      signal: options.signal,
    });
    const promptTokenLimit = options.promptTokenLimit ?? BASE_PROMPT_TOKEN_LIMIT;
    const bytes = await copyGgufWithMetadata({
      from: path,
      to: path,
      metadata: { [PROMPT_TOKEN_LIMIT_KEY]: u32(promptTokenLimit) },
    });
    return { path, bytes };
  } finally {
    if (owned) model.dispose();
  }
}
