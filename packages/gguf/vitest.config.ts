import { defineProject } from "vitest/config";

export default defineProject({
  test: { name: "@nomen/gguf", include: ["src/**/*.test.{ts,tsx}"], exclude: ["src/**/*.slow.test.ts"] },
});
