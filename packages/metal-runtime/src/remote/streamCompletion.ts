import type { Calibrate } from "../calibration/calibrator.js";
import { RemoteBackendError } from "../errors.js";
import type { ResolvedConstraints } from "../grammar/resolveConstraints.js";
import { SuggestionStreamParser } from "../grammar/SuggestionStreamParser.js";
import { SuggestionCollector } from "../SuggestionCollector.js";
import type { GeneratedSuggestion, GenerationResult } from "../types.js";
import { readSse } from "./readSse.js";
import { backoffMs, isRetryableStatus, sleep } from "./retry.js";

/** One streamed request to an OpenAI-compatible endpoint, retried until output starts. */
export interface StreamCompletionInput {
  url: URL;
  body: Record<string, unknown>;
  apiKey?: string;
  /** `Authorization` header to send when there is no `apiKey` (Basic auth from `user:pass@` in the base URL). */
  authorization?: string;
  maxRetries: number;
  retryBaseMs: number;
  signal: AbortSignal;
  constraints: ResolvedConstraints;
  calibrate: Calibrate;
  onSuggestion?: (suggestion: GeneratedSuggestion) => void;
  fetch: typeof fetch;
}

interface StreamChoice {
  delta?: { content?: string | null };
  text?: string;
  finish_reason?: string | null;
  logprobs?: { content?: { token: string; logprob: number }[] | null; token_logprobs?: number[] } | null;
}

/** POSTs with `stream: true`, then feeds each SSE delta (and its logprobs) to the suggestion parser. */
export async function streamCompletion(input: StreamCompletionInput): Promise<GenerationResult> {
  const response = await postWithRetries(input);
  if (!response.body) throw new RemoteBackendError(`${input.url.href} answered without a body`, response.status);
  const parser = new SuggestionStreamParser();
  const collector = new SuggestionCollector(input.constraints, input.calibrate, input.onSuggestion);
  let tokens = 0;
  let finishReason: GenerationResult["finishReason"] = "stop";
  for await (const payload of readSse(response.body)) {
    input.signal.throwIfAborted();
    let chunk: { choices?: StreamChoice[]; error?: { message?: string } };
    try {
      chunk = JSON.parse(payload);
    } catch (cause) {
      throw new RemoteBackendError(`server sent an event that is not JSON: ${payload.slice(0, 200)}`, response.status, {
        cause,
      });
    }
    if (chunk.error)
      throw new RemoteBackendError(`server error mid-stream: ${chunk.error.message ?? "unknown"}`, response.status);
    const choice = chunk.choices?.[0];
    if (!choice) continue;
    const text = choice.delta?.content ?? choice.text ?? "";
    const probabilities = tokenProbabilities(choice, text);
    let offset = parser.text.length;
    for (const { length, probability } of probabilities) {
      collector.addToken(offset, length, probability);
      offset += length;
      tokens++;
    }
    if (probabilities.length === 0 && text) tokens++;
    for (const item of parser.push(text)) collector.addItem(item);
    if (choice.finish_reason === "length") finishReason = "maxTokens";
  }
  return {
    suggestions: collector.suggestions,
    blocked: parser.status() === "blocked",
    text: parser.text,
    tokens,
    finishReason,
  };
}

function tokenProbabilities(choice: StreamChoice, text: string): { length: number; probability: number | null }[] {
  const content = choice.logprobs?.content;
  if (content?.length) return content.map((t) => ({ length: t.token.length, probability: Math.exp(t.logprob) }));
  return text ? [{ length: text.length, probability: null }] : [];
}

async function postWithRetries(input: StreamCompletionInput): Promise<Response> {
  const headers: Record<string, string> = { "content-type": "application/json", accept: "text/event-stream" };
  if (input.apiKey) headers.authorization = `Bearer ${input.apiKey}`;
  else if (input.authorization) headers.authorization = input.authorization;
  for (let attempt = 0; ; attempt++) {
    let response: Response;
    try {
      response = await input.fetch(input.url, {
        method: "POST",
        headers,
        body: JSON.stringify(input.body),
        signal: input.signal,
      });
    } catch (cause) {
      input.signal.throwIfAborted();
      if (attempt >= input.maxRetries) {
        throw new RemoteBackendError(
          `cannot reach ${input.url.href} after ${attempt + 1} attempts: ${(cause as Error).message}. Is the server running?`,
          undefined,
          { cause },
        );
      }
      await sleep(backoffMs(attempt + 1, input.retryBaseMs, 10_000), input.signal);
      continue;
    }
    if (response.ok) return response;
    const detail = (await response.text().catch(() => "")).slice(0, 300);
    if (!isRetryableStatus(response.status) || attempt >= input.maxRetries) {
      const hint =
        response.status === 401 || response.status === 403
          ? " Check the API key (apiKey or NOMEN_REMOTE_API_KEY)."
          : "";
      throw new RemoteBackendError(
        `${input.url.href} answered HTTP ${response.status} after ${attempt + 1} attempt(s): ${detail}.${hint}`,
        response.status,
      );
    }
    await sleep(backoffMs(attempt + 1, input.retryBaseMs, 10_000, response.headers.get("retry-after")), input.signal);
  }
}
