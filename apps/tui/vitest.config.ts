import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "nomen",
    include: ["src/**/*.test.{ts,tsx}"],
    // Needs Debian's chromium: `pnpm --filter nomen test:chromium` (vitest.chromium.config.ts).
    exclude: ["src/**/*.chromium.test.{ts,tsx}", "**/node_modules/**"],
    setupFiles: ["src/testing/cleanupTempDirs.ts"],
  },
});
