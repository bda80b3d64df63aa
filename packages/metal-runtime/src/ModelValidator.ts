/** What the runtime needs to know about a model file once it has been checked. */
export interface ModelFileSummary {
  path: string;
  architecture: string;
  /** The context length the model was trained with (`{arch}.context_length`). */
  contextLength: number;
  /** The longest prompt the model was trained on (`nomen.prompt.max_tokens`); absent when the file does not say. */
  promptTokenLimit?: number;
  /** Tensor name → ggml shape (`ne` order), to check adapters against. */
  tensorShapes: ReadonlyMap<string, readonly number[]>;
}

/** What the runtime reads from an adapter file once it has been checked. */
export interface AdapterFileSummary {
  path: string;
  /** The adapter's decision threshold (`nomen.decision.refusal_bias`); absent when the file does not set it. */
  refusalBias?: number;
}

/**
 * Checks GGUF files before llama.cpp sees them: some defects (a missing head count, a u32 LoRA alpha,
 * a truncated file) abort the process from native code, where no `catch` can help.
 */
export interface ModelValidator {
  /** Throws `ModelFileError` for a file llama.cpp must not load. */
  validateModel(path: string, signal?: AbortSignal): Promise<ModelFileSummary>;
  /** Throws `AdapterMismatchError` for an adapter that does not fit `base`. A validator may return nothing. */
  validateAdapter(path: string, base: ModelFileSummary, signal?: AbortSignal): Promise<AdapterFileSummary | undefined>;
}
