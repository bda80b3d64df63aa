import { defineProject } from "vitest/config";

export default defineProject({
  test: { name: "@nomen/domains", include: ["src/**/*.test.{ts,tsx}"] },
});
