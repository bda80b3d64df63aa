import { defineProject } from "vitest/config";

export default defineProject({
  test: { name: "nomen", include: ["src/**/*.test.{ts,tsx}"], setupFiles: ["src/testing/cleanupTempDirs.ts"] },
});
