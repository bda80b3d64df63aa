/**
 * Runs the input policy over a dataset-gen dataset split (prompts + meta) and prints recall on its
 * blocked prompts and the refusal rate on the rest, with examples.
 * Run: `pnpm --filter @nomen/guard run eval:dataset ../../datasets/v1 train`.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { checkInput } from "../src/index.js";

const [dir = "../../datasets/v1", split = "train"] = process.argv.slice(2);
const read = (file: string) =>
  readFileSync(join(dir, file), "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
const prompts = read(`${split}.completion.jsonl`) as Array<{ prompt: string }>;
const meta = read(`${split}.meta.jsonl`) as Array<{ category: string }>;
let benign = 0;
let refused = 0;
let blocked = 0;
let caught = 0;
const examples: string[] = [];
prompts.forEach(({ prompt }, i) => {
  const verdict = checkInput(prompt);
  if (meta[i]?.category === "blocked") {
    blocked++;
    if (!verdict.allowed) caught++;
    else if (examples.length < 20) examples.push(`missed: ${prompt}`);
  } else {
    benign++;
    if (!verdict.allowed) {
      refused++;
      if (examples.length < 20) examples.push(`refused (${verdict.rule}, ${meta[i]?.category}): ${prompt}`);
    }
  }
});
console.log(examples.join("\n"));
console.log(
  JSON.stringify({ dir, split, blocked, recall: caught / blocked, benign, refused, refusalRate: refused / benign }),
);
