import { defineProject } from "vitest/config";

export default defineProject({
  test: { name: "@nomen/guard", include: ["src/**/*.test.{ts,tsx}"] },
});
