/**
 * Records the output filter's verdicts (kept, or dropped with rule and reason) for a large
 * realistic name set into `src/fixtures/filter-verdicts.tsv.gz`, which `filterNames.diff.test.ts`
 * replays: a faster filter must reproduce every verdict exactly.
 * Run (only when verdicts change on purpose): `pnpm --filter @nomen/guard exec tsx scripts/recordVerdicts.ts [datasetDir]`.
 */
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { applyEvasions, filterNames } from "../src/index.js";
import { verdictNames } from "./verdictNames.js";

const [dir = "../../datasets/v1"] = process.argv.slice(2);
const targets = new Set<string>();
for (const split of ["train", "validation", "test"]) {
  const lines = readFileSync(join(dir, `${split}.jsonl`), "utf8")
    .split("\n")
    .filter(Boolean);
  for (const line of lines) {
    const { messages } = JSON.parse(line) as { messages: Array<{ role: string; content: string }> };
    const reply = messages.find((m) => m.role === "assistant")?.content ?? "";
    try {
      const parsed = JSON.parse(reply) as { suggestions?: unknown };
      if (Array.isArray(parsed.suggestions))
        for (const s of parsed.suggestions) if (typeof s === "string") targets.add(s);
    } catch {
      // Refusals and other non-JSON replies carry no names.
    }
  }
}
const names = [...new Set([...targets, ...verdictNames(applyEvasions)])];
const started = performance.now();
const { dropped } = filterNames(names);
const ms = performance.now() - started;
const byDomain = new Map(dropped.map((d) => [d.domain, d]));
const rows = names.map((domain) => {
  const drop = byDomain.get(domain);
  return drop ? `${domain}\t${drop.rule}\t${drop.reason}` : domain;
});
const out = new URL("../src/fixtures/filter-verdicts.tsv.gz", import.meta.url);
const tmp = new URL("../src/fixtures/filter-verdicts.tsv.gz.tmp", import.meta.url);
writeFileSync(tmp, gzipSync(`${rows.join("\n")}\n`, { level: 9 }));
renameSync(tmp, out);
console.log(
  JSON.stringify({
    names: names.length,
    datasetTargets: targets.size,
    dropped: dropped.length,
    usPerName: (ms * 1000) / names.length,
  }),
);
