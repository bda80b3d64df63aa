import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    name: "@nomen/core-tokenizer (slow)",
    include: ["src/**/*.slow.test.ts"],
    testTimeout: 600_000,
    hookTimeout: 300_000,
  },
});
