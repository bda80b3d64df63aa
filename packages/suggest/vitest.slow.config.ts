import { defineProject } from "vitest/config";

// `pnpm test:slow`: the 1,000-request property run (about 5–10 minutes on 2 shared cores).
export default defineProject({
  test: {
    name: "@nomen/suggest:slow",
    include: ["src/pipeline.property.test.ts"],
    env: { NOMEN_PROPERTY_RUNS: "1000" },
    testTimeout: 1_800_000,
  },
});
