import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "@nomen/dataset-gen",
    include: ["src/**/*.test.{ts,tsx}"],
    // 50k-example checks run with `pnpm test:slow` (vitest.slow.config.ts), not in CI.
    exclude: ["src/**/*.slow.test.ts", "**/node_modules/**"],
  },
});
