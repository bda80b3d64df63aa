/**
 * The server the load bench drives, in its own process (so its RSS is the server's alone). Prints one JSON line
 * `{url, backend}` once it listens.
 *
 * BENCH_BACKEND=default (the default when models/nomen-base.gguf exists): the real pipeline (`@nomen/suggest`, the
 * settings `nomen serve` uses) on the embedded default model, models/nomen-base.gguf + models/nomen-lora.gguf.
 * BENCH_BACKEND=tiny (the default otherwise): the real pipeline (`@nomen/suggest`: guard → llama.cpp → domains → rank) on
 * `@nomen/metal-runtime/testing`'s tiny random-weight model, because the embedded default model has not shipped.
 * It emits garbage, so model refusals are not trusted (every request goes through generation, validation and
 * ranking), one round per request, at most 200 tokens.
 * BENCH_BACKEND=fake: `@nomen/api/testing`'s fake pipeline with BENCH_MS_PER_SUGGESTION ms per suggestion.
 */
import { existsSync } from "node:fs";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { pino } from "pino";
import { startServer } from "../src/server.js";
import { createFakeAvailability, createFakeSuggester } from "../src/testing.js";
import type { Suggester } from "../src/types.js";

const modelsDir = fileURLToPath(new URL("../../../models/", import.meta.url));
const defaultBase = join(modelsDir, "nomen-base.gguf");
const defaultAdapter = join(modelsDir, "nomen-lora.gguf");

async function openSuggester(): Promise<{ suggester: Suggester; backend: string; dispose: () => Promise<void> }> {
  const kind = process.env.BENCH_BACKEND ?? (existsSync(defaultBase) ? "default" : "tiny");
  if (kind === "default") {
    const { createSuggester } = await import("@nomen/suggest");
    const adapter = existsSync(defaultAdapter) ? defaultAdapter : undefined;
    // As `nomen serve` runs it: the embedded model's own refusals are not trusted (the guard decides; models/README.md).
    const suggester = await createSuggester({ model: defaultBase, adapter, gpu: false, trustModelRefusals: false });
    return {
      suggester,
      backend: `@nomen/suggest on ${suggester.backend}, default model ${basename(defaultBase)}${adapter ? ` + ${basename(adapter)}` : ""}`,
      dispose: () => suggester.dispose(),
    };
  }
  if (kind === "fake") {
    const ms = Number(process.env.BENCH_MS_PER_SUGGESTION ?? 5);
    return {
      suggester: createFakeSuggester({ msPerSuggestion: ms }),
      backend: `fake pipeline (${ms} ms per suggestion)`,
      dispose: async () => {},
    };
  }
  const { writeTinyModel } = await import("@nomen/metal-runtime/testing");
  const { createSuggester } = await import("@nomen/suggest");
  const tiny = await writeTinyModel();
  const suggester = await createSuggester({
    model: tiny.path,
    gpu: false,
    sequences: 2,
    trustModelRefusals: false,
    maxRounds: 1,
    maxTokens: 200,
  });
  return {
    suggester,
    backend: `@nomen/suggest on ${suggester.backend}, tiny random model (metal-runtime/testing)`,
    dispose: async () => {
      await suggester.dispose();
      await tiny.dispose();
    },
  };
}

const { suggester, backend, dispose } = await openSuggester();
const server = await startServer({
  suggester,
  availability: createFakeAvailability(),
  ready: () => true,
  logger: pino({ level: "warn" }),
  config: {
    port: 0,
    queue: {
      concurrency: Number(process.env.BENCH_QUEUE_CONCURRENCY ?? 2),
      maxQueued: 64,
      maxWaitMs: Number(process.env.BENCH_MAX_WAIT_MS ?? 10_000),
    },
    rateLimit: { perMinute: Number(process.env.BENCH_RATE_PER_MINUTE ?? 60_000), burst: 200 },
  },
});
console.log(JSON.stringify({ url: server.url, backend }));
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    void server
      .close()
      .then(dispose)
      .then(() => process.exit(0));
  });
}
