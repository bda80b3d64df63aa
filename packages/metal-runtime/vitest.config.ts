import { defineProject } from "vitest/config";

export default defineProject({
  test: { name: "@nomen/metal-runtime", include: ["src/**/*.test.{ts,tsx}"] },
});
