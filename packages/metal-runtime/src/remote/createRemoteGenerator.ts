import { type CalibratorSpec, createCalibrator } from "../calibration/calibrator.js";
import { startDeadline } from "../deadline.js";
import { DisposedError, InvalidOptionsError, MetalRuntimeError, RemoteBackendError } from "../errors.js";
import { resolveConstraints } from "../grammar/resolveConstraints.js";
import { buildSuggestionGbnf } from "../grammar/suggestionGrammar.js";
import { SlotPool } from "../SlotPool.js";
import type { GenerateSuggestionsOptions, GenerationResult, SuggestionGenerator } from "../types.js";
import { streamCompletion } from "./streamCompletion.js";
import { suggestionJsonSchema } from "./suggestionJsonSchema.js";

/** How the request constrains the server's output. */
export type RemoteConstraint = "json_schema" | "grammar" | "none";

/** Options for {@link createRemoteGenerator}. */
export interface RemoteGeneratorOptions {
  /** The server's OpenAI-compatible base URL, with the version path, e.g. `http://127.0.0.1:8080/v1`. */
  baseUrl: string;
  /** The model name the server expects. */
  model: string;
  /** Bearer token. Defaults to the environment variable named by `apiKeyEnv`, else none. */
  apiKey?: string;
  /** Defaults to `"NOMEN_REMOTE_API_KEY"`. */
  apiKeyEnv?: string;
  /**
   * `"json_schema"` sends OpenAI `response_format` (vLLM, Ollama, llama-server); `"grammar"` sends our GBNF
   * in llama-server's `grammar` field; `"none"` trusts the prompt. Items are re-checked either way.
   * Defaults to `"json_schema"`.
   */
  constraint?: RemoteConstraint;
  /** Retries after a network error, 408, 429 or 5xx before any output arrived. Defaults to 3. */
  maxRetries?: number;
  /** First backoff delay; doubles per retry, with jitter; `Retry-After` wins. Defaults to 250. */
  retryBaseMs?: number;
  /** Requests in flight at once. Defaults to 8. */
  maxConcurrent?: number;
  /** Requests that may wait for a slot before `BusyError`. Defaults to 64. */
  maxQueue?: number;
  /** Maps raw confidence (from `logprobs`, when the server sends them) to calibrated. Defaults to identity. */
  calibrator?: CalibratorSpec;
  /** Defaults to the global `fetch`. */
  fetch?: typeof fetch;
}

/**
 * A {@link SuggestionGenerator} backed by any OpenAI-compatible server: streams the answer, reports
 * each domain as soon as it is complete, retries with backoff, and times out like the local one.
 */
export function createRemoteGenerator(options: RemoteGeneratorOptions): SuggestionGenerator {
  let baseUrl: URL;
  try {
    baseUrl = new URL(options.baseUrl.replace(/\/?$/, "/"));
  } catch (cause) {
    throw new InvalidOptionsError(
      `baseUrl must be an absolute URL like http://127.0.0.1:8080/v1, got ${JSON.stringify(options.baseUrl)}`,
      { cause },
    );
  }
  // fetch refuses URLs with credentials: send `user:pass@` as Basic auth and keep them out of every URL.
  const authorization = basicAuthorization(baseUrl);
  baseUrl = new URL(redactCredentials(baseUrl));
  const apiKey = options.apiKey ?? process.env[options.apiKeyEnv ?? "NOMEN_REMOTE_API_KEY"];
  const { constraint = "json_schema", maxRetries = 3, retryBaseMs = 250, maxConcurrent = 8, maxQueue = 64 } = options;
  // 0 concurrent slots would park every call in the queue forever; negative or fractional counts make no sense.
  checkCount("maxConcurrent", maxConcurrent, 1);
  checkCount("maxQueue", maxQueue, 0);
  checkCount("maxRetries", maxRetries, 0);
  if (!(Number.isFinite(retryBaseMs) && retryBaseMs >= 0)) {
    throw new InvalidOptionsError(
      `retryBaseMs must be a finite number of milliseconds ≥ 0, got ${retryBaseMs}. Hint: leave it unset for 250.`,
    );
  }
  const pool = new SlotPool(
    Array.from({ length: maxConcurrent }, (_, i) => i),
    maxQueue,
  );
  const calibrate = createCalibrator(options.calibrator);
  let disposed = false;

  async function generateSuggestions(request: GenerateSuggestionsOptions): Promise<GenerationResult> {
    if (disposed) throw new DisposedError("Remote generator");
    const { maxTokens = 256, temperature = 0.7, timeoutMs = 30_000 } = request;
    if ((request.messages === undefined) === (request.prompt === undefined)) {
      throw new InvalidOptionsError("give exactly one of messages (chat turns) or prompt (raw text)");
    }
    const constraints = resolveConstraints(request);
    const chat = request.messages !== undefined;
    const body: Record<string, unknown> = {
      model: options.model,
      stream: true,
      max_tokens: maxTokens,
      temperature,
      ...(request.seed === undefined ? {} : { seed: request.seed }),
      ...(chat ? { messages: request.messages, logprobs: true } : { prompt: request.prompt, logprobs: 1 }),
    };
    if (constraint === "grammar") body.grammar = buildSuggestionGbnf(constraints);
    if (constraint === "json_schema") {
      const schema = suggestionJsonSchema(constraints);
      body.response_format = { type: "json_schema", json_schema: { name: "suggestions", strict: true, schema } };
    }
    const deadline = startDeadline(timeoutMs, request.signal);
    let slot: number | undefined;
    try {
      slot = await pool.acquire(deadline.signal);
      return await streamCompletion({
        url: new URL(chat ? "chat/completions" : "completions", baseUrl),
        body,
        apiKey,
        authorization,
        maxRetries,
        retryBaseMs,
        signal: deadline.signal,
        constraints,
        calibrate,
        onSuggestion: request.onSuggestion,
        fetch: options.fetch ?? fetch,
      });
    } catch (error) {
      const typed = deadline.wrap(error);
      if (typed !== error || error instanceof MetalRuntimeError) throw typed;
      throw new RemoteBackendError(`remote generation failed: ${(error as Error).message}`, undefined, {
        cause: error,
      });
    } finally {
      deadline.clear();
      if (slot !== undefined) pool.release(slot);
    }
  }

  const dispose = async () => {
    disposed = true;
    pool.dispose();
  };
  return {
    backend: `remote ${baseUrl.href.replace(/\/$/, "")}`,
    generateSuggestions,
    dispose,
    [Symbol.asyncDispose]: dispose,
  };
}

function checkCount(name: string, value: number, min: number): void {
  if (!(Number.isInteger(value) && value >= min)) {
    throw new InvalidOptionsError(
      `${name} must be an integer ≥ ${min}, got ${value}. Hint: leave it unset for the default.`,
    );
  }
}

/** The URL without `user:pass@`, so logs and `/health` never show secrets. */
function redactCredentials(url: URL): string {
  if (url.username === "" && url.password === "") return url.href;
  const shown = new URL(url.href);
  shown.username = "";
  shown.password = "";
  return shown.href;
}

function basicAuthorization(url: URL): string | undefined {
  if (url.username === "" && url.password === "") return undefined;
  const user = decodeURIComponent(url.username);
  const password = decodeURIComponent(url.password);
  return `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;
}
