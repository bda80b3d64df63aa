import { defineConfig } from "vitest/config";

// One vitest process for the whole workspace (much faster on 2 cores than one per package).
export default defineConfig({
  test: { projects: ["packages/*", "apps/*", "tooling/bench", "tooling/default-model"] },
});
