/**
 * The server the load bench drives, in its own process (so its RSS is the server's alone). Prints one JSON line
 * `{url, backend}` once it listens. The suggest pipeline is the fake from `@nomen/api/testing` with a fixed
 * per-suggestion delay, until `@nomen/suggest` and a shipped default model exist (see README).
 */
import { pino } from "pino";
import { startServer } from "../src/server.js";
import { createFakeAvailability, createFakeSuggester } from "../src/testing.js";

const msPerSuggestion = Number(process.env.BENCH_MS_PER_SUGGESTION ?? 5);
const server = await startServer({
  suggester: createFakeSuggester({ msPerSuggestion }),
  availability: createFakeAvailability(),
  ready: () => true,
  logger: pino({ level: "warn" }),
  config: {
    port: 0,
    queue: { concurrency: 4, maxQueued: 64 },
    rateLimit: { perMinute: Number(process.env.BENCH_RATE_PER_MINUTE ?? 60_000), burst: 200 },
  },
});
console.log(JSON.stringify({ url: server.url, backend: `fake suggester (${msPerSuggestion} ms per suggestion)` }));
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    void server.close().then(() => process.exit(0));
  });
}
