import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    name: "@nomen/dataset-gen (slow)",
    include: ["src/**/*.slow.test.ts"],
    testTimeout: 1_200_000,
    hookTimeout: 1_200_000,
  },
});
