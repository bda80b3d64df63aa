/**
 * Validation throughput beside its parts: node:url's UTS-46 mapping and tldts' public-suffix parse
 * (the peers `validateDomain` builds on). Run: `pnpm --filter @nomen/domains bench`.
 */
import { domainToASCII } from "node:url";
import { BenchSuite } from "@nomen/bench";
import { parse } from "tldts";
import { validateDomain } from "../src/index.js";

const words = [
  "bright",
  "lunar",
  "cedar",
  "harbor",
  "pixel",
  "bücher",
  "straße",
  "пример",
  "例え",
  "nova",
  "ember",
  "summit",
];
const tlds = ["com", "io", "co.uk", "de", "shop", "рф", "みんな", "app"];
const inputs = Array.from({ length: 2000 }, (_, i) => {
  const name = `${words[i % words.length]}${words[(i * 7) % words.length]}.${tlds[i % tlds.length]}`;
  return i % 5 === 0 ? `https://www.${name.toUpperCase()}/` : name;
});
const work = { amount: inputs.length, unit: "names" };

const suite = new BenchSuite("domains");
await suite.add({
  name: "url.domainToASCII (peer)",
  backend: "node:url",
  work,
  fn: () => inputs.map((d) => domainToASCII(d)),
});
await suite.add({ name: "tldts.parse (peer)", backend: "tldts", work, fn: () => inputs.map((d) => parse(d)) });
await suite.add({ name: "validateDomain", backend: "ours", work, fn: () => inputs.map((d) => validateDomain(d)) });
console.log(suite.table({ baseline: "url.domainToASCII (peer)" }));
