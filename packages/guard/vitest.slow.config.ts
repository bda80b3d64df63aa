import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "@nomen/guard (slow)",
    include: ["src/**/*.slow.test.ts"],
    testTimeout: 600_000,
  },
});
