/**
 * Guard throughput: our input policy and output filter beside obscenity's matcher (the peer that
 * covers only profanity). Run: `pnpm --filter @nomen/guard bench`.
 */
import { readFileSync } from "node:fs";
import { BenchSuite } from "@nomen/bench";
import { englishDataset, englishRecommendedTransformers, RegExpMatcher } from "obscenity";
import { applyEvasions, checkInput, filterNames } from "../src/index.js";

const list = JSON.parse(readFileSync(new URL("../src/fixtures/safety-labelled.json", import.meta.url), "utf8")) as {
  blocked: Array<{ text: string }>;
  nearMisses: Array<{ text: string }>;
};
const texts = [...list.blocked, ...list.nearMisses].map((item) => item.text);
const disguised = texts.map((text, i) => applyEvasions(text, { seed: i + 1 }));
const names = texts.flatMap((text) => {
  const words = text
    .toLowerCase()
    .replace(/[^a-z ]/g, "")
    .split(" ")
    .filter((w) => w.length > 3);
  return words.length > 1 ? [`${words[0]}${words[1]}.com`] : [];
});
const obscenity = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });

const suite = new BenchSuite("guard");
const work = { amount: texts.length, unit: "texts" };
await suite.add({
  name: "obscenity hasMatch (peer)",
  backend: "obscenity",
  work,
  fn: () => texts.map((t) => obscenity.hasMatch(t)),
});
await suite.add({ name: "checkInput plain", backend: "ours", work, fn: () => texts.map((t) => checkInput(t)) });
await suite.add({ name: "checkInput disguised", backend: "ours", work, fn: () => disguised.map((t) => checkInput(t)) });
await suite.add({
  name: "filterNames",
  backend: "ours",
  work: { amount: names.length, unit: "names" },
  fn: () => filterNames(names),
});
console.log(suite.table({ baseline: "obscenity hasMatch (peer)" }));
