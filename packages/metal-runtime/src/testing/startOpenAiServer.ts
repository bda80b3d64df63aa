import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { getLlama, type LlamaGrammar, LlamaGrammarEvaluationState, type Token } from "node-llama-cpp";
import { renderPrompt } from "../renderPrompt.js";
import type { ChatMessage } from "../types.js";

/** Options for {@link startOpenAiServer}. */
export interface StartOpenAiServerOptions {
  modelPath: string;
  /** When set, requests must send `Authorization: Bearer <apiKey>`. Defaults to none. */
  apiKey?: string;
  /** Answer the first N requests with 503 and `Retry-After: 0`, to exercise retries. Defaults to 0. */
  failFirst?: number;
  /** Milliseconds to wait before each token, to exercise timeouts. Defaults to 0. */
  tokenDelayMs?: number;
}

/** A running server; `close()` stops it and frees the model. */
export interface OpenAiServer extends AsyncDisposable {
  /** e.g. `http://127.0.0.1:41234/v1` */
  baseUrl: string;
  /** Requests received, failed ones included. */
  readonly requests: number;
  close(): Promise<void>;
}

/**
 * A small OpenAI-compatible server on 127.0.0.1 over real llama.cpp (node-llama-cpp): `/v1/chat/completions`
 * and `/v1/completions`, SSE streaming, `logprobs`, llama-server's `grammar` field and OpenAI
 * `response_format` JSON schemas. For tests of remote clients; one generation at a time.
 */
export async function startOpenAiServer(options: StartOpenAiServerOptions): Promise<OpenAiServer> {
  const llama = await getLlama({ gpu: false, build: "never", logLevel: "error" as never, progressLogs: false });
  const model = await llama.loadModel({ modelPath: options.modelPath });
  const context = await model.createContext({ threads: 1, sequences: 1, contextSize: 2048 });
  const sequence = context.getSequence();
  let requests = 0;
  let queue: Promise<unknown> = Promise.resolve();

  async function grammarFor(body: Record<string, unknown>): Promise<LlamaGrammar | undefined> {
    if (typeof body.grammar === "string") return llama.createGrammar({ grammar: body.grammar });
    const format = body.response_format as { type?: string; json_schema?: { schema?: object } } | undefined;
    if (format?.type === "json_schema" && format.json_schema?.schema) {
      return llama.createGrammarForJsonSchema(format.json_schema.schema as never);
    }
    return undefined;
  }

  async function complete(body: Record<string, unknown>, chat: boolean, res: ServerResponse): Promise<void> {
    const prompt: Token[] = chat
      ? renderPrompt(model, { messages: body.messages as ChatMessage[] })
      : renderPrompt(model, { prompt: String(body.prompt ?? "") });
    const grammar = await grammarFor(body);
    const maxTokens = Number(body.max_tokens ?? 256);
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
    await sequence.clearHistory();
    const evaluation = sequence.evaluateWithMetadata(
      prompt,
      { confidence: true },
      {
        temperature: Number(body.temperature ?? 0),
        seed: typeof body.seed === "number" ? body.seed : undefined,
        grammarEvaluationState: grammar ? new LlamaGrammarEvaluationState({ model, grammar }) : undefined,
      },
    );
    let count = 0;
    let finish = "stop";
    const last: Token[] = [];
    for await (const { token, confidence } of evaluation) {
      if (options.tokenDelayMs) await new Promise((r) => setTimeout(r, options.tokenDelayMs));
      if (res.destroyed) break;
      const text = model.detokenize([token], false, last.slice(-4));
      last.push(token);
      const logprob = Math.log(Math.max(confidence ?? 1, 1e-12));
      const choice = chat
        ? { index: 0, delta: { content: text }, logprobs: { content: [{ token: text, logprob }] }, finish_reason: null }
        : { index: 0, text, logprobs: { content: [{ token: text, logprob }] }, finish_reason: null };
      res.write(
        `data: ${JSON.stringify({ object: chat ? "chat.completion.chunk" : "text_completion", choices: [choice] })}\n\n`,
      );
      if (++count >= maxTokens) {
        finish = "length";
        break;
      }
    }
    const end = chat ? { index: 0, delta: {}, finish_reason: finish } : { index: 0, text: "", finish_reason: finish };
    res.end(`data: ${JSON.stringify({ choices: [end] })}\n\ndata: [DONE]\n\n`);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    requests++;
    const chat = req.url === "/v1/chat/completions";
    if (req.method !== "POST" || (!chat && req.url !== "/v1/completions")) return json(res, 404, "not found");
    if (options.apiKey && req.headers.authorization !== `Bearer ${options.apiKey}`)
      return json(res, 401, "bad api key");
    if (requests <= (options.failFirst ?? 0)) return json(res, 503, "warming up", { "retry-after": "0" });
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
    } catch {
      return json(res, 400, "body is not JSON");
    }
    const run = queue.then(() => complete(body, chat, res));
    queue = run.catch(() => {});
    await run.catch((error: Error) => (res.headersSent ? res.destroy(error) : json(res, 500, error.message)));
  }

  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const close = async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await queue;
    await llama.dispose();
  };
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    get requests() {
      return requests;
    },
    close,
    [Symbol.asyncDispose]: close,
  };
}

function json(res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify({ error: { message } }));
}
