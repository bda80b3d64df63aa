import { defineProject } from "vitest/config";

export default defineProject({
  test: { name: "@nomen/default-model", include: ["src/**/*.test.ts"], testTimeout: 120_000 },
});
