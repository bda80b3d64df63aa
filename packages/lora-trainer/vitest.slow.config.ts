import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    name: "@nomen/lora-trainer (slow)",
    include: ["src/**/*.slow.test.ts"],
    testTimeout: 600_000,
    hookTimeout: 300_000,
  },
});
