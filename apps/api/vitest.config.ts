import { defineProject } from "vitest/config";

export default defineProject({
  test: { name: "@nomen/api", include: ["src/**/*.test.{ts,tsx}"] },
});
