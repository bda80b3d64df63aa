/**
 * Guard throughput: our input policy and output filter beside obscenity's matcher (the peer that
 * covers only profanity). Run: `pnpm --filter @nomen/guard bench`.
 */
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
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
// The recorded-verdicts fixture starts with datasets/v1's target names: 5,000 of them, evenly spread.
const recorded = gunzipSync(readFileSync(new URL("../src/fixtures/filter-verdicts.tsv.gz", import.meta.url)))
  .toString("utf8")
  .split("\n")
  .slice(0, 134_918)
  .map((row) => row.split("\t")[0]!);
const targets = recorded.filter((_, i) => i % Math.floor(recorded.length / 5000) === 0).slice(0, 5000);
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
await suite.add({
  name: "filterNames dataset targets",
  backend: "ours",
  work: { amount: targets.length, unit: "names" },
  fn: () => filterNames(targets),
});
suite.table({ baseline: "obscenity hasMatch (peer)" });
for (const result of suite.results) {
  const amount = result.work?.amount ?? 1;
  console.log(
    `${result.name}: ${Math.round(result.perSecond ?? 0)} ${result.work?.unit}/s, ${((result.medianMs * 1000) / amount).toFixed(1)} µs each`,
  );
}
