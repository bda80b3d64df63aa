/**
 * Writes the evaluator suites:
 *   pnpm --filter @nomen/dataset-gen suites --out ../../datasets/suites --version v1 --seed 1
 */
import { parseArgs } from "node:util";
import { writeSuites } from "../src/index.js";

const { values } = parseArgs({
  // pnpm may pass a bare "--" through; it is not an option.
  args: process.argv.slice(2).filter((arg) => arg !== "--"),
  options: {
    out: { type: "string", default: "../../datasets/suites" },
    version: { type: "string", default: "v1" },
    seed: { type: "string", default: "1" },
  },
});
const cards = writeSuites({ dir: values.out, version: values.version, seed: values.seed });
console.log(JSON.stringify({ edgeCases: cards.edgeCases.counts, safety: cards.safety.counts }));
