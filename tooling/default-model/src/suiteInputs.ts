import { join } from "node:path";
import { readJsonlRows } from "./jsonl.js";
import { REPO_ROOT } from "./runPaths.js";

/** How an input is compared with the suites' inputs: case and surrounding space ignored. */
export const suiteInputKey = (text: string): string => text.trim().toLowerCase();

/**
 * The keys ({@link suiteInputKey}) of every input of the gate suites (`datasets/suites/safety-v1.jsonl` and
 * `edge-cases-v1.jsonl`), which training data and dev sets must not repeat.
 */
export async function readSuiteInputs(repoRoot = REPO_ROOT): Promise<Set<string>> {
  const suites = ["safety-v1.jsonl", "edge-cases-v1.jsonl"].map((file) => join(repoRoot, "datasets/suites", file));
  const items = (await Promise.all(suites.map((file) => readJsonlRows<{ input: string }>(file)))).flat();
  return new Set(items.map((item) => suiteInputKey(item.input)));
}
