import type { Llama, LlamaModel } from "node-llama-cpp";
import { DisposedError, ModelFileError } from "./errors.js";
import { ggufModelValidator } from "./ggufModelValidator.js";
import { type CreateGeneratorOptions, LocalGenerator } from "./LocalGenerator.js";
import type { RuntimeBackend } from "./loadRuntime.js";
import type { ModelFileSummary, ModelValidator } from "./ModelValidator.js";
import { markTiming } from "./timing.js";

/** Options for {@link Runtime.loadModel}. */
export interface LoadModelOptions {
  /** Path to a base model GGUF (Llama or Qwen2 family). */
  modelPath: string;
  signal?: AbortSignal;
  /** Checks files before llama.cpp opens them. Defaults to the `@nomen/gguf` validator. */
  validator?: ModelValidator;
}

/** A loaded base model: create one generator (context) per adapter set; `dispose()` frees them all. */
export class LocalModel implements AsyncDisposable {
  readonly #model: LlamaModel;
  readonly #backend: RuntimeBackend;
  readonly #validator: ModelValidator;
  readonly #generators = new Set<LocalGenerator>();
  readonly #onDispose: (() => void)[] = [];
  #disposed = false;

  private constructor(
    model: LlamaModel,
    readonly file: ModelFileSummary,
    backend: RuntimeBackend,
    validator: ModelValidator,
  ) {
    this.#model = model;
    this.#backend = backend;
    this.#validator = validator;
  }

  /** @internal */
  static async load(llama: Llama, backend: RuntimeBackend, options: LoadModelOptions): Promise<LocalModel> {
    const validator = options.validator ?? ggufModelValidator;
    const file = await validator.validateModel(options.modelPath, options.signal);
    options.signal?.throwIfAborted();
    markTiming("model:validated");
    try {
      const model = await llama.loadModel({ modelPath: options.modelPath, loadSignal: options.signal });
      markTiming("model:loaded");
      return new LocalModel(model, file, backend, validator);
    } catch (cause) {
      options.signal?.throwIfAborted();
      throw new ModelFileError(options.modelPath, `llama.cpp refused it: ${(cause as Error).message}`, { cause });
    }
  }

  get disposed(): boolean {
    return this.#disposed;
  }

  /**
   * Creates a context with its own sequences, optionally with LoRA adapters (validated against this model first).
   * The adapters' refusal biases (`nomen.decision.refusal_bias`, of adapters at scale 1) add up unless `refusalBias`
   * is given.
   */
  async createGenerator(options: CreateGeneratorOptions = {}): Promise<LocalGenerator> {
    if (this.#disposed) throw new DisposedError("Model");
    let adapterBias = 0;
    for (const adapter of options.adapters ?? []) {
      const summary = await this.#validator.validateAdapter(adapter.path, this.file, options.signal);
      // The bias was fitted with the adapter at full strength; at another scale it does not apply (refit it).
      if ((adapter.scale ?? 1) === 1) adapterBias += summary?.refusalBias ?? 0;
    }
    const generator = await LocalGenerator.create(this.#model, this.#backend, this.file, {
      ...options,
      refusalBias: options.refusalBias ?? adapterBias,
    });
    this.#generators.add(generator);
    generator.onDispose(() => this.#generators.delete(generator));
    return generator;
  }

  /** @internal Called once, after this model is freed. */
  onDispose(listener: () => void): void {
    this.#onDispose.push(listener);
  }

  async dispose(): Promise<void> {
    if (this.#disposed) return;
    this.#disposed = true;
    await Promise.all([...this.#generators].map((generator) => generator.dispose()));
    await this.#model.dispose();
    for (const listener of this.#onDispose.splice(0)) listener();
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.dispose();
  }
}
