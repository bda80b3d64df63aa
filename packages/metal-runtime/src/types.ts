/** One chat turn. The local backend renders turns with the model's own chat template. */
export interface ChatMessage {
  role: "system" | "user" | "assistant";
  content: string;
}

/** Shape constraints for the suggestion list; the grammar enforces them token by token. */
export interface SuggestionConstraints {
  /** Most items in the list, 1–20. Defaults to 5. */
  count?: number;
  /**
   * Fewest items in the list, 1–`count`. Defaults to 1. A model that would close the list early is kept
   * writing until it has this many (only `,` is offered before that), which saves a second round when a
   * caller needs a number of names.
   */
  minCount?: number;
  /** Allowed TLDs without the leading dot (e.g. `["com", "io", "co.uk"]`). Defaults to {@link DEFAULT_TLDS}. */
  tlds?: readonly string[];
  /** Longest name label (the part before the TLD), 1–63. Defaults to 63. */
  maxLabelLength?: number;
  /** Whether labels may contain hyphens (never leading or trailing). Defaults to `true`. */
  allowHyphens?: boolean;
  /** Whether labels may contain digits. Defaults to `true`. */
  allowDigits?: boolean;
  /** When set, every label contains at least one of these words (lowercase letters/digits). Defaults to none. */
  mustInclude?: readonly string[];
  /** Whether the model may answer `{"suggestions":[],"status":"blocked"}`. Defaults to `true`. */
  allowBlocked?: boolean;
}

/** What a generation is asked: chat `messages` (rendered with the model's template) or a raw `prompt`. Give one. */
export interface PromptInput {
  messages?: readonly ChatMessage[];
  prompt?: string;
}

/** Options for {@link SuggestionGenerator.generateSuggestions}. Give `messages` (chat) or `prompt` (raw text). */
export interface GenerateSuggestionsOptions extends SuggestionConstraints, PromptInput {
  /** Hard cap on generated tokens; an item cut off by it is dropped, never returned half-made. Defaults to 256. */
  maxTokens?: number;
  /** Sampling temperature; 0 is greedy. Defaults to 0.7. */
  temperature?: number;
  /** Sampling seed, for reproducible runs. Defaults to a random seed. */
  seed?: number;
  /** Aborts the generation (queue wait included) with `GenerationAbortedError`. */
  signal?: AbortSignal;
  /** Fails with `GenerationTimeoutError` after this many ms, queue wait included. Defaults to 30000. */
  timeoutMs?: number;
  /** Called as soon as each suggestion is complete, before the list is finished. */
  onSuggestion?: (suggestion: GeneratedSuggestion) => void;
}

/** One domain as the model wrote it. */
export interface GeneratedSuggestion {
  /** Position in the model's list, from 0. */
  index: number;
  domain: string;
  /** Calibrated confidence in [0, 1] (see the README's "Confidence" section). */
  confidence: number;
  /** Geometric mean of the model's own probabilities for the domain's tokens, in [0, 1]; `null` when the backend gave none. */
  rawConfidence: number | null;
}

/** Why a generation stopped. */
export type FinishReason = "stop" | "maxTokens";

/** The whole answer of one generation. */
export interface GenerationResult {
  suggestions: GeneratedSuggestion[];
  /** The model answered with the blocked form. */
  blocked: boolean;
  /** The raw text the model produced. */
  text: string;
  /** Tokens generated. */
  tokens: number;
  finishReason: FinishReason;
}

/** What both backends (local llama.cpp, remote OpenAI-compatible) implement. */
export interface SuggestionGenerator extends AsyncDisposable {
  /** Human-readable backend, e.g. `"llama.cpp cpu"` or `"remote http://127.0.0.1:8080/v1"`. */
  readonly backend: string;
  /** Tokens per sequence, prompt and answer together; absent when the backend cannot say (remote engines). */
  readonly contextSize?: number;
  /**
   * The longest prompt, in tokens, the model was trained on (a GGUF's `nomen.prompt.max_tokens`): longer prompts fit
   * the context but are outside what the model learned. Absent when the model does not say, or the backend cannot.
   */
  readonly promptTokenLimit?: number;
  /**
   * The prompt's length in the model's own tokens, exactly as `generateSuggestions` renders it, so callers can
   * fit `prompt + maxTokens` into {@link contextSize}. Absent when the backend has no tokenizer here (remote).
   */
  countPromptTokens?(input: PromptInput): number;
  generateSuggestions(options: GenerateSuggestionsOptions): Promise<GenerationResult>;
  dispose(): Promise<void>;
}
