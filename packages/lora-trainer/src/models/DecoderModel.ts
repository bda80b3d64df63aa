import type { Tensor2D, Tensor3D } from "@tensorflow/tfjs";
import { type LoadedTf, loadTf, type Tf, type TfBackendName } from "../backend/loadTf.js";
import { DisposedError, InvalidInputError } from "../errors.js";
import { assertFits, estimateMemory, type MemoryReport } from "../memory.js";
import { type DecoderConfig, decoderConfigFromMetadata } from "./DecoderConfig.js";
import { type DecoderForwardOptions, decoderForward } from "./decoder.js";
import {
  type GgmlCpuOptions,
  type GgmlCpuProfile,
  ggmlCpuLogits,
  ggmlWeightsFromDecoder,
  logSoftmax,
} from "./ggmlCpuForward.js";
import { KvCache } from "./kvCache.js";
import type { ModelSource } from "./ModelSource.js";
import { rotationMatrix } from "./rope.js";
import { type DecoderWeights, disposeDecoderWeights, loadDecoderWeights, validateTensors } from "./weights.js";

/** Options for {@link DecoderModel.fromSource}. */
export interface FromSourceOptions {
  /** Force a backend. Defaults to the best available (see `loadTf`). */
  backend?: TfBackendName;
  /** Positions one forward pass is sized for in the memory check. Defaults to 512. */
  plannedTokens?: number;
  /** Receives the backend line and the memory report. Defaults to `console.error`. */
  log?: (line: string) => void;
  /**
   * Round matmul inputs the way ggml's CPU backend does for F16, BF16 and Q8_0 weights, so log-probs match llama.cpp
   * (F32 weights are unaffected; gradients pass straight through). Defaults to true.
   */
  matchGgmlRounding?: boolean;
  signal?: AbortSignal;
}

/** Options for {@link DecoderModel.logProbs}. */
export interface LogProbsOptions {
  /**
   * Compute with a float32 re-enactment of llama.cpp's CPU graph for this ggml-cpu variant (see ggmlCpuForward.ts)
   * instead of TF.js: matches llama.cpp to ≤ 8e-6 on F32, F16 and BF16 weights, where the TF.js pass can differ by
   * up to ~1e-1 on F16/BF16 files. Pure JS, for parity checks and evaluation of small models only (2–3×10⁸
   * multiply-adds per second), no gradients; each row starts at position 0. Get the profile with `ggmlCpuProfile(variant)`.
   */
  ggmlCpu?: GgmlCpuProfile;
  /** Details of the re-enactment (defaults are the measured ones). */
  ggmlCpuOptions?: GgmlCpuOptions;
}

/** A Llama/Qwen2 decoder with float32 weights on a TF.js backend. Dispose it to free the weights. */
export class DecoderModel {
  #disposed = false;

  private constructor(
    readonly tf: Tf,
    readonly backend: TfBackendName,
    readonly config: DecoderConfig,
    readonly weights: DecoderWeights,
    readonly rotation: Tensor2D,
    readonly memory: MemoryReport,
  ) {}

  /** Validates metadata, tensors and memory (before reading any weight data), then uploads the weights. */
  static async fromSource(source: ModelSource, options: FromSourceOptions = {}): Promise<DecoderModel> {
    const log = options.log ?? ((line: string) => console.error(line));
    const embd = source.tensors.find((t) => t.name === "token_embd.weight");
    const config = decoderConfigFromMetadata(source.metadata, source.location, embd?.ne[1]);
    validateTensors(source, config);
    const loaded: LoadedTf = await loadTf({ backend: options.backend, log });
    const memory = estimateMemory(source, config, { backend: loaded.backend, tokens: options.plannedTokens });
    log(
      `lora-trainer: ${source.location}: ${config.architecture}, ${memory.parameters.toLocaleString("en-US")} parameters; ` +
        `file ${Object.entries(memory.fileBytesByType)
          .map(([type, bytes]) => `${type} ${bytes.toLocaleString("en-US")} B`)
          .join(", ")}; needs ~${(memory.totalBytes / 2 ** 20).toFixed(0)} MiB on ${loaded.backend}`,
    );
    assertFits(memory, source.location);
    const weights = await loadDecoderWeights(loaded.tf, source, config, options);
    const rotation = rotationMatrix(loaded.tf, config.ropeStyle, config.headDim);
    return new DecoderModel(loaded.tf, loaded.backend, config, weights, rotation, memory);
  }

  get disposed(): boolean {
    return this.#disposed;
  }

  /** int32 tokens [B, T] → logits [B, T, V]; not tidied, for use inside `tf.tidy` or gradient functions. */
  forward(tokens: Tensor2D, options: DecoderForwardOptions = {}): Tensor3D {
    this.#ensureAlive();
    return decoderForward(this, tokens, options);
  }

  /** Logits [B, T, V] for equal-length rows of token ids (right-pad shorter ones: causal, so padding never leaks back). */
  logits(tokens: readonly (readonly number[])[], options: { cache?: KvCache } = {}): Tensor3D {
    this.#ensureAlive();
    this.#validate(tokens, options.cache?.length ?? 0);
    return this.tf.tidy(() => {
      const ids = this.tf.tensor2d(tokens.flat(), [tokens.length, tokens[0]!.length], "int32");
      return decoderForward(this, ids, options);
    });
  }

  /** Natural-log next-token distributions at every position: result[b][t] is a Float32Array of V log-probs. */
  async logProbs(tokens: readonly (readonly number[])[], options: LogProbsOptions = {}): Promise<Float32Array[][]> {
    if (options.ggmlCpu) {
      this.#ensureAlive();
      this.#validate(tokens, 0);
      const weights = ggmlWeightsFromDecoder(this.weights);
      const profile = options.ggmlCpu;
      return tokens.map((row) =>
        ggmlCpuLogits(this.config, weights, row, profile, options.ggmlCpuOptions).map(logSoftmax),
      );
    }
    const logits = this.logits(tokens);
    const logProbs = this.tf.tidy(() => this.tf.logSoftmax(logits));
    logits.dispose();
    const flat = (await logProbs.data()) as Float32Array;
    logProbs.dispose();
    const [, steps, vocab] = logits.shape;
    return tokens.map((_, b) =>
      Array.from({ length: steps }, (_, t) => flat.subarray((b * steps + t) * vocab, (b * steps + t + 1) * vocab)),
    );
  }

  /** An empty KV cache for incremental decoding with {@link DecoderModel.logits}. */
  createCache(): KvCache {
    this.#ensureAlive();
    return new KvCache(this.tf, this.config.layers);
  }

  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    disposeDecoderWeights(this.weights);
    this.rotation.dispose();
  }

  [Symbol.dispose](): void {
    this.dispose();
  }

  async [Symbol.asyncDispose](): Promise<void> {
    this.dispose();
  }

  #ensureAlive(): void {
    if (this.#disposed) throw new DisposedError("DecoderModel was used after dispose()");
  }

  #validate(tokens: readonly (readonly number[])[], cached: number): void {
    const { vocabSize, contextLength } = this.config;
    const steps = tokens[0]?.length ?? 0;
    if (tokens.length === 0 || steps === 0) throw new InvalidInputError("tokens: expected at least one non-empty row");
    tokens.forEach((row, b) => {
      if (row.length !== steps) {
        throw new InvalidInputError(`tokens[${b}] has ${row.length} ids, row 0 has ${steps}; pad rows to one length`);
      }
      const bad = row.findIndex((id) => !Number.isInteger(id) || id < 0 || id >= vocabSize);
      if (bad >= 0)
        throw new InvalidInputError(`tokens[${b}][${bad}] = ${row[bad]} is outside the vocabulary [0, ${vocabSize})`);
    });
    if (cached + steps > contextLength) {
      throw new InvalidInputError(
        `${cached} cached + ${steps} new positions exceed the context length ${contextLength}`,
      );
    }
  }
}
