import type { LlamaContext, LlamaContextSequence, LlamaGrammar, LlamaModel } from "node-llama-cpp";
import { type Calibrate, type CalibratorSpec, createCalibrator } from "./calibration/calibrator.js";
import { type Deadline, startDeadline } from "./deadline.js";
import { decodeSuggestions } from "./decodeSuggestions.js";
import { AdapterMismatchError, DisposedError, EngineError, InvalidOptionsError, MetalRuntimeError } from "./errors.js";
import { resolveConstraints } from "./grammar/resolveConstraints.js";
import { buildSuggestionGbnf } from "./grammar/suggestionGrammar.js";
import type { RuntimeBackend } from "./loadRuntime.js";
import type { ModelFileSummary } from "./ModelValidator.js";
import { refusalLogOdds, requireDecisionTokens } from "./refusalDecision.js";
import { renderPrompt } from "./renderPrompt.js";
import { SlotPool } from "./SlotPool.js";
import { markTiming } from "./timing.js";
import type { GenerateSuggestionsOptions, GenerationResult, PromptInput, SuggestionGenerator } from "./types.js";

/** A LoRA adapter GGUF and its strength. */
export interface AdapterSpec {
  path: string;
  /** Multiplies the adapter's alpha/r. Defaults to 1. */
  scale?: number;
}

/** Options for {@link LocalModel.createGenerator}. */
export interface CreateGeneratorOptions {
  /** LoRA adapters fixed for this context. Defaults to none (the base model). */
  adapters?: readonly AdapterSpec[];
  /** Generations that decode in parallel (one context sequence each). Defaults to 1. */
  sequences?: number;
  /** Callers that may wait for a sequence before `BusyError`. Defaults to 8 × sequences. */
  maxQueue?: number;
  /** CPU threads for this context. Defaults to the runtime's (see `recommendThreads`). */
  threads?: number;
  /** Tokens per sequence (prompt + answer). Defaults to the model's trained length, at most 2048. */
  contextSize?: number;
  /** Maps raw token-probability confidence to calibrated confidence. Defaults to identity. */
  calibrator?: CalibratorSpec;
  /**
   * Logit added to the blocked answer where the answer chooses between a list and a refusal (the model's decision
   * threshold; see `REFUSAL_BIAS_KEY`). Defaults to the sum of the adapters' `nomen.decision.refusal_bias` (adapters at
   * scale 1), else 0.
   */
  refusalBias?: number;
  signal?: AbortSignal;
}

/** Generates suggestion lists with llama.cpp on this machine; one context, a pool of sequences. */
export class LocalGenerator implements SuggestionGenerator {
  readonly backend: string;
  /** Logit added to the refusal at the decision point (0: plain argmax). */
  readonly refusalBias: number;
  /** The longest prompt the model was trained on, from its GGUF (`PROMPT_TOKEN_LIMIT_KEY`); undefined when unset. */
  readonly promptTokenLimit?: number;
  readonly #model: LlamaModel;
  readonly #context: LlamaContext;
  readonly #pool: SlotPool<LlamaContextSequence>;
  readonly #grammars = new Map<string, Promise<LlamaGrammar>>();
  readonly #calibrate: Calibrate;
  readonly #onDispose: (() => void)[] = [];
  #disposed = false;

  private constructor(
    model: LlamaModel,
    context: LlamaContext,
    backend: string,
    file: ModelFileSummary,
    options: CreateGeneratorOptions,
  ) {
    this.#model = model;
    if (file.promptTokenLimit !== undefined) this.promptTokenLimit = file.promptTokenLimit;
    this.#context = context;
    this.backend = backend;
    const sequences = Array.from({ length: context.totalSequences }, () => context.getSequence());
    this.#pool = new SlotPool(sequences, options.maxQueue ?? 8 * sequences.length);
    this.#calibrate = createCalibrator(options.calibrator);
    this.refusalBias = options.refusalBias ?? 0;
  }

  /** @internal */
  static async create(
    model: LlamaModel,
    backend: RuntimeBackend,
    file: ModelFileSummary,
    options: CreateGeneratorOptions,
  ): Promise<LocalGenerator> {
    const { sequences = 1, threads = backend.threads, adapters = [] } = options;
    const contextSize = options.contextSize ?? Math.min(file.contextLength, 2048);
    if (!Number.isInteger(sequences) || sequences < 1 || sequences > 64) {
      throw new InvalidOptionsError(`sequences must be an integer from 1 to 64, got ${sequences}`);
    }
    if (options.refusalBias !== undefined && !Number.isFinite(options.refusalBias)) {
      throw new InvalidOptionsError(`refusalBias must be a finite number, got ${options.refusalBias}`);
    }
    if (options.maxQueue !== undefined && !(Number.isInteger(options.maxQueue) && options.maxQueue >= 0)) {
      throw new InvalidOptionsError(`maxQueue must be a non-negative integer, got ${options.maxQueue}`);
    }
    let context: LlamaContext;
    try {
      context = await model.createContext({
        sequences,
        threads,
        contextSize,
        createSignal: options.signal,
        lora: adapters.length
          ? { adapters: adapters.map((a) => ({ filePath: a.path, scale: a.scale ?? 1 })) }
          : undefined,
      });
    } catch (cause) {
      options.signal?.throwIfAborted();
      const message = (cause as Error).message;
      if (adapters.length) throw new AdapterMismatchError(adapters.map((a) => a.path).join(", "), message, { cause });
      throw new EngineError(`llama.cpp could not create a context: ${message}`, { cause });
    }
    markTiming("context:ready", { contextSize: context.contextSize, sequences, threads });
    if (options.refusalBias) {
      try {
        requireDecisionTokens(model);
      } catch (error) {
        await context.dispose();
        throw error;
      }
    }
    const name = `${backend.name}${adapters.length ? ` + ${adapters.length} LoRA` : ""}`;
    return new LocalGenerator(model, context, name, file, options);
  }

  /** Context size per sequence, in tokens. */
  get contextSize(): number {
    return this.#context.contextSize;
  }

  /** The prompt's length in this model's tokens, rendered exactly as {@link generateSuggestions} renders it. */
  countPromptTokens(input: PromptInput): number {
    if (this.#disposed) throw new DisposedError("Generator");
    return renderPrompt(this.#model, input).length;
  }

  /** Callers waiting for a free sequence. */
  get queued(): number {
    return this.#pool.queued;
  }

  async generateSuggestions(options: GenerateSuggestionsOptions): Promise<GenerationResult> {
    if (this.#disposed) throw new DisposedError("Generator");
    const { maxTokens = 256, temperature = 0.7, timeoutMs = 30_000 } = options;
    if (!Number.isInteger(maxTokens) || maxTokens < 1) {
      throw new InvalidOptionsError(`maxTokens must be a positive integer, got ${maxTokens}`);
    }
    if (!(temperature >= 0)) throw new InvalidOptionsError(`temperature must be ≥ 0, got ${temperature}`);
    if (!(timeoutMs > 0)) throw new InvalidOptionsError(`timeoutMs must be > 0, got ${timeoutMs}`);
    const constraints = resolveConstraints(options);
    const promptTokens = renderPrompt(this.#model, options);
    if (promptTokens.length + maxTokens > this.#context.contextSize) {
      throw new InvalidOptionsError(
        `prompt (${promptTokens.length} tokens) + maxTokens (${maxTokens}) exceed the context size ${this.#context.contextSize}: ` +
          "shorten the prompt or lower maxTokens (countPromptTokens measures a prompt first)",
      );
    }
    const grammar = await this.#grammar(buildSuggestionGbnf(constraints));
    const deadline = startDeadline(timeoutMs, options.signal);
    return this.#onSequence(deadline, "generation failed", (sequence) => {
      markTiming("generate:start", { promptTokens: promptTokens.length, maxTokens });
      return decodeSuggestions({
        model: this.#model,
        sequence,
        grammar,
        promptTokens,
        constraints,
        maxTokens,
        temperature,
        seed: options.seed ?? Math.floor(Math.random() * 2 ** 31),
        signal: deadline.signal,
        calibrate: this.#calibrate,
        refusalBias: this.refusalBias,
        onSuggestion: options.onSuggestion,
      });
    });
  }

  /**
   * The model's own refusal log-odds for this prompt: ln p(blocked) − ln p(list) where the answer chooses between
   * them, before {@link refusalBias}. Greedy decoding with the refusal allowed refuses when `score + refusalBias > 0`.
   * Throws `InvalidOptionsError` for a tokenizer that merges across that point (byte-level never does).
   */
  async scoreRefusal(input: PromptInput & { signal?: AbortSignal }): Promise<number> {
    if (this.#disposed) throw new DisposedError("Generator");
    const promptTokens = renderPrompt(this.#model, input);
    // The prompt, the answer's opening and the one token scored must fit, as for generateSuggestions.
    if (promptTokens.length + requireDecisionTokens(this.#model).prefix.length + 1 > this.#context.contextSize) {
      throw new InvalidOptionsError(
        `prompt (${promptTokens.length} tokens) and the answer's opening exceed the context size ${this.#context.contextSize}: shorten the prompt`,
      );
    }
    return this.#onSequence(startDeadline(undefined, input.signal), "scoring the refusal failed", (sequence) =>
      refusalLogOdds(this.#model, sequence, promptTokens),
    );
  }

  /**
   * Runs `work` on a free sequence with a cleared history, then frees it. The deadline's abort or timeout becomes its
   * typed error, this package's errors pass through, and anything else from llama.cpp is an `EngineError`.
   */
  async #onSequence<T>(
    deadline: Deadline,
    failure: string,
    work: (sequence: LlamaContextSequence) => Promise<T>,
  ): Promise<T> {
    let sequence: LlamaContextSequence | undefined;
    try {
      sequence = await this.#pool.acquire(deadline.signal);
      await sequence.clearHistory();
      return await work(sequence);
    } catch (error) {
      const typed = deadline.wrap(error);
      if (typed !== error || error instanceof MetalRuntimeError) throw typed;
      throw new EngineError(`${failure} in llama.cpp: ${(error as Error).message}`, { cause: error });
    } finally {
      deadline.clear();
      if (sequence) this.#pool.release(sequence);
    }
  }

  #grammar(gbnf: string): Promise<LlamaGrammar> {
    let grammar = this.#grammars.get(gbnf);
    if (!grammar) {
      if (this.#grammars.size >= 64) this.#grammars.delete(this.#grammars.keys().next().value as string);
      grammar = this.#model.llama.createGrammar({ grammar: gbnf });
      grammar.catch(() => this.#grammars.delete(gbnf));
      this.#grammars.set(gbnf, grammar);
    }
    return grammar;
  }

  /** @internal Called once, after this generator is freed. */
  onDispose(listener: () => void): void {
    this.#onDispose.push(listener);
  }

  async dispose(): Promise<void> {
    if (this.#disposed) return;
    this.#disposed = true;
    this.#pool.dispose();
    await this.#context.dispose();
    for (const listener of this.#onDispose.splice(0)) listener();
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.dispose();
  }
}
