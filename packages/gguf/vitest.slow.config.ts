import { defineProject } from "vitest/config";

// Slow suite (`pnpm test:slow`): spawns llama.cpp processes that are expected to abort.
export default defineProject({
  test: { name: "@nomen/gguf:slow", include: ["src/**/*.slow.test.ts"], testTimeout: 60_000 },
});
