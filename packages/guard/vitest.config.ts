import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "@nomen/guard",
    include: ["src/**/*.test.{ts,tsx}"],
    // Heavy suites (10,000-case evasion sweep, obfuscator pass, dataset-gen suite, 3,000 names): `test:slow`.
    exclude: ["**/*.slow.test.ts", "**/node_modules/**"],
  },
});
