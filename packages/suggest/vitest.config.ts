import { defineProject } from "vitest/config";

export default defineProject({
  test: { name: "@nomen/suggest", include: ["src/**/*.test.{ts,tsx}"] },
});
