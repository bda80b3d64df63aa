import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "@nomen/lora-trainer",
    include: ["src/**/*.test.{ts,tsx}"],
    // Multi-process and long runs live in `pnpm test:slow` (vitest.slow.config.ts).
    exclude: ["src/**/*.slow.test.ts", "**/node_modules/**"],
  },
});
