/**
 * Regenerates src/input/inputRules.generated.ts from the lexicon. Runs before `tsc` in `build`;
 * writes only when the content changed (atomically), so an unchanged lexicon leaves the file alone.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { INPUT_RULES } from "../src/input/inputRules.js";
import { SLUR_WORDS } from "../src/input/lexicon/hate.js";
import { GENERATED_RULES_PATH, renderInputRules } from "../src/input/renderInputRules.js";
import { buildSlurDataset } from "../src/input/slurMatcher.js";

const path = new URL(`../${GENERATED_RULES_PATH}`, import.meta.url);
const text = renderInputRules(INPUT_RULES, SLUR_WORDS, buildSlurDataset(SLUR_WORDS));
if (!existsSync(path) || readFileSync(path, "utf8") !== text) {
  const temp = new URL(`${path.href}.${process.pid}.tmp`);
  writeFileSync(temp, text);
  renameSync(temp, path);
  console.log(`wrote ${GENERATED_RULES_PATH} (${INPUT_RULES.length} rules)`);
}
