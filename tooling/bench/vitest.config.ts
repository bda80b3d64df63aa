import { defineProject } from "vitest/config";

export default defineProject({
  test: { name: "@nomen/bench", include: ["src/**/*.test.ts"] },
});
