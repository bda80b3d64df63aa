import { defineProject } from "vitest/config";

/** The report render check in headless Chromium (`apt-get install -y chromium`), out of CI. */
export default defineProject({
  test: {
    name: "nomen-chromium",
    include: ["src/**/*.chromium.test.{ts,tsx}"],
    env: { NOMEN_CHROMIUM: "1" },
    setupFiles: ["src/testing/cleanupTempDirs.ts"],
  },
});
