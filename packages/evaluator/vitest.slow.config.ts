import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "@nomen/evaluator (slow)",
    include: ["src/**/*.slow.test.ts", "test/**/*.slow.test.ts"],
    testTimeout: 600_000,
  },
});
