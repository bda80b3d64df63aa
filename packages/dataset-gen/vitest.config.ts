import { defineProject } from "vitest/config";

export default defineProject({
  test: { name: "@nomen/dataset-gen", include: ["src/**/*.test.{ts,tsx}"] },
});
