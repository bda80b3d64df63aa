import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { GENERATOR_VERSION } from "../card/DatasetCard.js";
import { writeFileAtomic } from "../dataset/writeFileAtomic.js";
import { formatJsonl } from "../format/jsonl.js";
import { packageInfo } from "../packageInfo.js";

/** The card beside a suite: version, seed, counts per category and label, file hash. */
export interface SuiteCard {
  name: string;
  version: string;
  seed: string;
  generator: { package: string; version: string; generatorVersion: string };
  items: number;
  counts: Record<string, number>;
  file: { name: string; sha256: string; bytes: number };
}

/**
 * Writes a suite as `<dir>/<name>.jsonl` plus `<dir>/<name>.card.json` (atomically).
 * `countBy` picks the fields the card counts (e.g. category, label).
 */
export function writeSuite<T extends object>(options: {
  dir: string;
  name: string;
  version: string;
  seed: number | string;
  items: readonly T[];
  countBy: (item: T) => string[];
}): SuiteCard {
  const { dir, name, version, seed, items, countBy } = options;
  mkdirSync(dir, { recursive: true });
  const content = formatJsonl(items);
  const fileName = `${name}.jsonl`;
  const sha256 = writeFileAtomic(join(dir, fileName), content);
  const counts: Record<string, number> = {};
  for (const item of items) for (const key of countBy(item)) counts[key] = (counts[key] ?? 0) + 1;
  const card: SuiteCard = {
    name,
    version,
    seed: String(seed),
    generator: { package: packageInfo.name, version: packageInfo.version, generatorVersion: GENERATOR_VERSION },
    items: items.length,
    counts: Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : 1))),
    file: { name: fileName, sha256, bytes: Buffer.byteLength(content) },
  };
  writeFileAtomic(join(dir, `${name}.card.json`), `${JSON.stringify(card, null, 2)}\n`);
  return card;
}
