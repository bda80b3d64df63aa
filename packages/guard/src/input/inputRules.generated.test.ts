import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as generated from "./inputRules.generated.js";
import { INPUT_RULES } from "./inputRules.js";
import { SLUR_WORDS } from "./lexicon/hate.js";
import { GENERATED_RULES_PATH, renderInputRules } from "./renderInputRules.js";
import { buildSlurDataset } from "./slurMatcher.js";

describe("inputRules.generated.ts", () => {
  it("is in sync with the lexicon (run `pnpm --filter @nomen/guard generate:rules` if not)", () => {
    const committed = readFileSync(new URL(`../../${GENERATED_RULES_PATH}`, import.meta.url), "utf8");
    expect(
      committed === renderInputRules(INPUT_RULES, SLUR_WORDS, buildSlurDataset(SLUR_WORDS)),
      "stale generated rules",
    ).toBe(true);
    expect(generated.INPUT_RULES).toEqual(INPUT_RULES);
    expect(generated.SLUR_WORDS).toEqual(SLUR_WORDS);
    expect(generated.SLUR_DATASET).toEqual(buildSlurDataset(SLUR_WORDS));
  });

  it("renders text that parses back to the same rules, quotes and backslashes included", () => {
    const rules = [{ id: "test/quote", category: "fraud-scams" as const, terms: ["it's", "a\\b", 'say "hi"'] }];
    const source = renderInputRules(rules, ["x'y"], { blacklistedTerms: [], whitelistedTerms: ["o'k"] });
    const [rulesLiteral, slursLiteral, datasetLiteral] = [...source.matchAll(/JSON\.parse\(\n {2}('.*'),\n\)/g)].map(
      (m) => m[1]!,
    );
    // The literals are single-quoted JavaScript strings; evaluate them the way the module would.
    expect(JSON.parse(new Function(`return ${rulesLiteral}`)())).toEqual(rules);
    expect(JSON.parse(new Function(`return ${slursLiteral}`)())).toEqual(["x'y"]);
    expect(JSON.parse(new Function(`return ${datasetLiteral}`)())).toEqual({
      blacklistedTerms: [],
      whitelistedTerms: ["o'k"],
    });
  });
});
