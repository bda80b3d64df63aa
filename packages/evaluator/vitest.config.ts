import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "@nomen/evaluator",
    include: ["src/**/*.test.{ts,tsx}"],
    exclude: ["**/*.slow.test.ts", "**/node_modules/**"],
  },
});
