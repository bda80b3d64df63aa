import { type Tokenizer, tokenizerGgufMetadata } from "@nomen/core-tokenizer";
import { f32, GgmlType, type GgufMetadata, type GgufTensorSpec, str, u32, writeGguf } from "@nomen/gguf";
import { InvalidInputError } from "../errors.js";
import { transpose } from "../models/weights.js";
import type { FullModel } from "./FullModel.js";

/** Options for {@link writeFullModelGguf}. */
export interface WriteFullModelGgufOptions {
  /** Written atomically (temp file + rename) by `@nomen/gguf`'s writer. */
  path: string;
  /** The vocabulary the model was trained with; its GGUF keys come from `tokenizerGgufMetadata`. */
  tokenizer?: Tokenizer;
  /** Tokenizer keys given directly (e.g. `byteLevelVocabMetadata()`), instead of `tokenizer`. */
  tokenizerMetadata?: GgufMetadata;
  /** `general.name`. Defaults to "nomen <arch> from scratch". */
  name?: string;
  /** Type of the matrices ("F32", "F16" or "Q8_0"; norms and biases stay F32). Defaults to "F32". */
  type?: "F32" | "F16" | "Q8_0";
  signal?: AbortSignal;
}

/**
 * Writes a trained {@link FullModel} as a llama.cpp-loadable GGUF: typed hyper-parameters under the architecture's
 * keys, the tokenizer's keys, and every weight in ggml layout (matrices as n_out rows of n_in). Returns bytes written.
 */
export async function writeFullModelGguf(model: FullModel, options: WriteFullModelGgufOptions): Promise<number> {
  const { config } = model;
  const arch = config.architecture;
  const tokenizerKeys = options.tokenizer ? tokenizerGgufMetadata(options.tokenizer) : options.tokenizerMetadata;
  if (!tokenizerKeys) throw new InvalidInputError("writeFullModelGguf: pass tokenizer or tokenizerMetadata");
  const matrixType = GgmlType[options.type ?? "F32"];
  const metadata: GgufMetadata = {
    "general.architecture": str(arch),
    "general.name": str(options.name ?? `nomen ${arch} from scratch`),
    [`${arch}.context_length`]: u32(config.contextLength),
    [`${arch}.embedding_length`]: u32(config.dim),
    [`${arch}.block_count`]: u32(config.layers),
    [`${arch}.feed_forward_length`]: u32(config.ffnDim),
    [`${arch}.attention.head_count`]: u32(config.heads),
    [`${arch}.attention.head_count_kv`]: u32(config.kvHeads),
    [`${arch}.attention.layer_norm_rms_epsilon`]: f32(config.rmsEps),
    [`${arch}.rope.freq_base`]: f32(config.ropeBase),
    ...(tokenizerKeys as GgufMetadata),
  };
  const tensors: GgufTensorSpec[] = [];
  for (const { name, variable } of model.parameters) {
    const data = (await variable.data()) as Float32Array;
    if (variable.rank === 1) {
      tensors.push({ name, shape: [variable.size], type: GgmlType.F32, data });
    } else if (name === "token_embd.weight" || name === "output.weight") {
      const [vocab, dim] = variable.shape as [number, number]; // already one row of D per token
      tensors.push({ name, shape: [dim, vocab], type: matrixType, data });
    } else {
      const [nIn, nOut] = variable.shape as [number, number]; // TF.js [in, out] → ggml n_out rows of n_in
      tensors.push({ name, shape: [nIn, nOut], type: matrixType, data: transpose(data, nIn, nOut) });
    }
  }
  return writeGguf(options.path, { metadata, tensors }, { signal: options.signal });
}
