import { defineProject } from "vitest/config";

export default defineProject({
  test: { name: "@nomen/core-tokenizer", include: ["src/**/*.test.{ts,tsx}"] },
});
