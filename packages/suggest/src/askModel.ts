import { type AdapterSpec, type GenerationResult, loadRuntime } from "@nomen/metal-runtime";
import type { ResolvedRequest } from "./request.js";
import { fitPrompt } from "./stages/fitPrompt.js";

/** Options for {@link askModel}. */
export interface AskModelOptions {
  /** Base GGUF. */
  modelPath: string;
  /** LoRA adapters to apply. Defaults to none. */
  adapters?: readonly AdapterSpec[];
  descriptions: readonly string[];
  /** Domains asked per description. Defaults to 5. */
  count?: number;
  /** Defaults to 160 (byte tokens: five ~25-character domains plus the JSON). */
  maxTokens?: number;
  /** Defaults to 0 (greedy). */
  temperature?: number;
  /** Defaults to ["com", "io", "co", "net", "org", "app", "shop"]. */
  tlds?: readonly string[];
  /** Whether the grammar lets the model refuse (`{"suggestions":[],"status":"blocked"}`). Defaults to false. */
  allowBlocked?: boolean;
  signal?: AbortSignal;
  /** Tokens per sequence. Defaults to 1024 (the default model's declared context). */
  contextSize?: number;
  /**
   * Record a failed generation (e.g. a context too small for the system prompt) as an empty answer and go on, instead
   * of throwing. Defaults to false.
   */
  continueOnError?: boolean;
  /** Called after each answer, in order. */
  onAnswer?: (index: number, result: GenerationResult) => void;
}

/** The model's answers in order, the generations that failed (by index), the backend and the wall time. */
export interface AskModelResult {
  results: GenerationResult[];
  errors: Map<number, string>;
  backend: string;
  seconds: number;
}

/**
 * Asks the model itself — llama.cpp through `@nomen/metal-runtime`, CPU, 1 thread, the suggestion grammar, none of
 * the pipeline's judging stages (no input guard, output filter, validation or ranking) — for each description, in
 * order, with the training-time system prompt. The prompt is the one `nomen suggest` sends: a description too long for
 * the context or for the model's trained prompt length is shortened by the pipeline's `fitPrompt`. For evaluating
 * what a model does on its own.
 */
export async function askModel(options: AskModelOptions): Promise<AskModelResult> {
  const started = performance.now();
  await using runtime = await loadRuntime({ gpu: false, threads: 1 });
  const model = await runtime.loadModel({ modelPath: options.modelPath, signal: options.signal });
  const generator = await model.createGenerator({
    adapters: options.adapters,
    threads: 1,
    contextSize: options.contextSize ?? 1024,
  });
  const results: GenerationResult[] = [];
  const errors = new Map<number, string>();
  for (const [index, description] of options.descriptions.entries()) {
    options.signal?.throwIfAborted();
    const request = evaluationRequest(description, options);
    const result = await Promise.resolve()
      .then(() => fitPrompt(request, { generator, maxTokens: options.maxTokens ?? 160 }))
      .then(({ messages, maxTokens }) =>
        generator.generateSuggestions({
          messages,
          count: request.count,
          maxTokens,
          temperature: options.temperature ?? 0,
          tlds: request.tlds,
          allowBlocked: options.allowBlocked ?? false,
          seed: 1,
          signal: options.signal,
        }),
      )
      .catch((error: unknown): GenerationResult => {
        if (!options.continueOnError || options.signal?.aborted) throw error;
        errors.set(index, (error as Error).message);
        return { suggestions: [], blocked: false, text: "", tokens: 0, finishReason: "stop" };
      });
    results.push(result);
    options.onAnswer?.(index, result);
  }
  return { results, errors, backend: runtime.backend.name, seconds: (performance.now() - started) / 1000 };
}

/** The request `fitPrompt` sizes the answer budget from: the description as given (no length check), no constraints. */
function evaluationRequest(description: string, options: AskModelOptions): ResolvedRequest {
  return {
    description,
    count: options.count ?? 5,
    tlds: [...(options.tlds ?? ["com", "io", "co", "net", "org", "app", "shop"])],
    style: "any",
    maxLength: 63,
    include: [],
    exclude: [],
    allowHyphens: false,
    allowDigits: false,
    language: "en",
    checkAvailability: false,
  };
}
