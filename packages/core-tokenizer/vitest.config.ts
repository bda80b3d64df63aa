import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "@nomen/core-tokenizer",
    include: ["src/**/*.test.{ts,tsx}"],
    // The whole-corpus parity run lives in `pnpm test:slow` (vitest.slow.config.ts).
    exclude: ["src/**/*.slow.test.ts", "**/node_modules/**"],
  },
});
