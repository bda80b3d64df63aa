import type { Example } from "../dataset/Example.js";
import { SPLITS, type Split } from "../dataset/Example.js";
import { SYSTEM_PROMPT } from "../format/assistantTurn.js";
import { packageInfo } from "../packageInfo.js";
import { type Counts, type DatasetCard, GENERATOR_VERSION, type Histogram } from "./DatasetCard.js";

const DESCRIPTION_EDGES = [0, 10, 20, 40, 80, 160, 320, 640];
const ASSISTANT_EDGES = [0, 40, 80, 120, 160, 200, 250, 300];

/** Counts, histograms and diversity figures of a set of examples (the card without files and leakage). */
export function buildCard(
  examples: readonly Example[],
  info: { name: string; seed: string; command: string },
): Omit<DatasetCard, "files" | "leakage"> {
  const count = (key: (e: Example) => string | undefined, from: readonly Example[] = examples): Counts => {
    const out: Counts = {};
    for (const e of from) {
      const k = key(e);
      if (k !== undefined) out[k] = (out[k] ?? 0) + 1;
    }
    return sortKeys(out);
  };
  const splits = Object.fromEntries(SPLITS.map((s) => [s, examples.filter((e) => e.split === s).length])) as Record<
    Split,
    number
  >;
  const domains = examples.flatMap((e) => e.meta.domains);
  const labels = new Set(domains.map((d) => d.slice(0, d.lastIndexOf("."))));
  const tld: Counts = {};
  for (const d of domains) {
    const t = d.slice(d.lastIndexOf(".") + 1);
    tld[t] = (tld[t] ?? 0) + 1;
  }
  const strategy: Counts = {};
  for (const e of examples) for (const s of e.meta.strategies) strategy[s] = (strategy[s] ?? 0) + 1;
  const businessTypes = new Set(examples.filter((e) => e.meta.category === "business").map((e) => e.meta.businessType));
  return {
    name: info.name,
    generator: { package: packageInfo.name, version: packageInfo.version, generatorVersion: GENERATOR_VERSION },
    seed: info.seed,
    size: examples.length,
    command: info.command,
    systemPrompt: SYSTEM_PROMPT,
    splits,
    counts: {
      category: count((e) => e.meta.category),
      industry: count((e) => e.meta.industry),
      tier: count((e) => e.meta.tier),
      language: count((e) => e.meta.language),
      safetyCategory: count((e) => (e.meta.safetyCategory ? `${e.meta.category}:${e.meta.safetyCategory}` : undefined)),
      constrained: examples.filter((e) => e.meta.constrained).length,
      splitByCategory: Object.fromEntries(
        SPLITS.map((s) => [
          s,
          count(
            (e) => e.meta.category,
            examples.filter((e) => e.split === s),
          ),
        ]),
      ) as Record<Split, Counts>,
    },
    diversity: {
      businessTypes: businessTypes.size,
      targetDomains: domains.length,
      distinctLabels: labels.size,
      distinctLabelRatio: round(labels.size / Math.max(1, domains.length)),
      tld: sortKeys(tld),
      topTldShare: round(Math.max(0, ...Object.values(tld)) / Math.max(1, domains.length)),
      strategy: sortKeys(strategy),
    },
    lengths: {
      descriptionChars: histogram(
        examples.map((e) => e.text.length),
        DESCRIPTION_EDGES,
      ),
      assistantChars: histogram(
        examples.map((e) => e.assistant.length),
        ASSISTANT_EDGES,
      ),
      domainsPerExample: count((e) => String(e.meta.domains.length)),
    },
  };
}

export function histogram(values: readonly number[], edges: readonly number[]): Histogram {
  const bins = new Array<number>(edges.length).fill(0);
  for (const v of values) {
    let i = edges.length - 1;
    while (i > 0 && v < edges[i]!) i--;
    bins[i]!++;
  }
  return { edges: [...edges], bins };
}

function sortKeys(counts: Counts): Counts {
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}
