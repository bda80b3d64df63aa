import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { InvalidWordVectorsError } from "../errors.js";

/** The file `scripts/build-word-vectors.ts` writes and the package ships: GloVe 6B (PDDL) for WordNet words. */
export const DEFAULT_WORD_VECTORS_PATH = new URL("../../data/word-vectors.bin", import.meta.url);

const MAGIC = "NWV1";

/** Cluster sizes stored with the vectors: coarse to fine (5-fold CV of the judge: 0.7342 with 64/256/1024, 0.7296 without 64, 0.7331 with 16 added). */
export const WORD_CLUSTER_SIZES = [64, 256, 1024] as const;

/**
 * Unit-length word vectors, one per dictionary word: the distributional link between words that
 * WordNet's relations miss ("floors" and "office", "grid" and "construction"). Stored as int8 with one
 * float32 scale per word (`encodeWordVectors`), so the shipped table is 4 MB instead of 16.
 */
export class WordVectors {
  readonly #index: Map<string, number>;

  private constructor(
    readonly words: readonly string[],
    readonly dimensions: number,
    private readonly values: Float32Array,
    /** Per cluster size, the cluster of each word (spherical k-means over the vectors). */
    readonly clusters: ReadonlyMap<number, Uint16Array>,
    /** SHA-256 of the encoded table, hex (what a cached model trained on these vectors is keyed by). */
    readonly sha256: string,
  ) {
    this.#index = new Map(words.map((word, i) => [word, i]));
  }

  /** Reads a table written by {@link encodeWordVectors}. `path` defaults to the shipped table. */
  static load(path: string | URL = DEFAULT_WORD_VECTORS_PATH): WordVectors {
    return WordVectors.decode(readFileSync(path));
  }

  /** Decodes the binary table; throws `InvalidWordVectorsError` on another format. */
  static decode(bytes: Uint8Array): WordVectors {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const magic = new TextDecoder().decode(bytes.subarray(0, 4));
    if (magic !== MAGIC || bytes.byteLength < 16)
      throw new InvalidWordVectorsError(
        `Word-vector table starts with "${magic}", expected "${MAGIC}". Hint: rebuild it with scripts/build-word-vectors.ts.`,
      );
    const count = view.getUint32(4, true);
    const dimensions = view.getUint32(8, true);
    const wordBytes = view.getUint32(12, true);
    const words = new TextDecoder().decode(bytes.subarray(16, 16 + wordBytes)).split("\n");
    const scalesAt = 16 + wordBytes;
    const codesAt = scalesAt + 4 * count;
    const clustersAt = codesAt + count * dimensions;
    const levels = clustersAt + 4 <= bytes.byteLength ? view.getUint32(clustersAt, true) : -1;
    const expected = clustersAt + 4 + levels * (4 + 2 * count);
    if (words.length !== count || levels < 0 || expected !== bytes.byteLength)
      throw new InvalidWordVectorsError(
        `Word-vector table holds ${words.length} words and ${bytes.byteLength} bytes, expected ${count} words and ${Math.max(expected, clustersAt + 4)} bytes. Hint: the file is truncated; rebuild it.`,
      );
    const clusters = new Map<number, Uint16Array>();
    for (let level = 0, at = clustersAt + 4; level < levels; level++, at += 4 + 2 * count) {
      const ids = new Uint16Array(count);
      for (let i = 0; i < count; i++) ids[i] = view.getUint16(at + 4 + 2 * i, true);
      clusters.set(view.getUint32(at, true), ids);
    }
    const values = new Float32Array(count * dimensions);
    for (let i = 0; i < count; i++) {
      const scale = view.getFloat32(scalesAt + 4 * i, true);
      for (let d = 0; d < dimensions; d++)
        values[i * dimensions + d] = view.getInt8(codesAt + i * dimensions + d) * scale;
    }
    return new WordVectors(words, dimensions, values, clusters, createHash("sha256").update(bytes).digest("hex"));
  }

  /** The vector of `word` (a view, do not modify), or undefined when the table lacks it. */
  vector(word: string): Float32Array | undefined {
    const i = this.#index.get(word);
    return i === undefined ? undefined : this.values.subarray(i * this.dimensions, (i + 1) * this.dimensions);
  }

  /** The word's cluster at each stored size as feature keys ("c64:17", "c256:3", …); empty when the table lacks it. */
  clusterKeys(word: string): string[] {
    const i = this.#index.get(word);
    if (i === undefined) return [];
    return [...this.clusters].map(([size, ids]) => `c${size}:${ids[i]}`);
  }

  /** The unit-length mean of the vectors of `words` that the table has; all zeros when it has none. */
  meanVector(words: Iterable<string>): Float64Array {
    const mean = new Float64Array(this.dimensions);
    for (const word of words) {
      const vector = this.vector(word);
      if (vector) for (let d = 0; d < this.dimensions; d++) mean[d] = (mean[d] as number) + (vector[d] as number);
    }
    let norm = 0;
    for (const v of mean) norm += v * v;
    if (norm > 0) for (let d = 0; d < this.dimensions; d++) mean[d] = (mean[d] as number) / Math.sqrt(norm);
    return mean;
  }
}

let shipped: WordVectors | undefined;

/** The shipped table, loaded once per process (~40 ms). */
export function defaultWordVectors(): WordVectors {
  shipped ??= WordVectors.load();
  return shipped;
}

/**
 * The table's format: unit-length vectors quantized to int8 with a per-word scale, then the word clusters
 * (`clusters`: size → cluster of each entry, see {@link sphericalKMeans}). Defaults to no clusters.
 */
export function encodeWordVectors(
  entries: readonly { word: string; vector: ArrayLike<number> }[],
  clusters: ReadonlyMap<number, ArrayLike<number>> = new Map(),
): Uint8Array {
  const dimensions = entries[0]?.vector.length ?? 0;
  const wordBytes = new TextEncoder().encode(entries.map((e) => e.word).join("\n"));
  const codesAt = 16 + wordBytes.byteLength + 4 * entries.length;
  const clustersAt = codesAt + entries.length * dimensions;
  const bytes = new Uint8Array(clustersAt + 4 + clusters.size * (4 + 2 * entries.length));
  const view = new DataView(bytes.buffer);
  bytes.set(new TextEncoder().encode(MAGIC), 0);
  view.setUint32(4, entries.length, true);
  view.setUint32(8, dimensions, true);
  view.setUint32(12, wordBytes.byteLength, true);
  bytes.set(wordBytes, 16);
  for (const [i, { vector }] of entries.entries()) {
    let norm = 0;
    let largest = 0;
    for (let d = 0; d < dimensions; d++) norm += (vector[d] as number) ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let d = 0; d < dimensions; d++) largest = Math.max(largest, Math.abs((vector[d] as number) / norm));
    const scale = largest / 127 || 1;
    view.setFloat32(16 + wordBytes.byteLength + 4 * i, scale, true);
    for (let d = 0; d < dimensions; d++)
      view.setInt8(codesAt + i * dimensions + d, Math.round((vector[d] as number) / norm / scale));
  }
  view.setUint32(clustersAt, clusters.size, true);
  let at = clustersAt + 4;
  for (const [size, ids] of clusters) {
    view.setUint32(at, size, true);
    for (let i = 0; i < entries.length; i++) view.setUint16(at + 4 + 2 * i, ids[i] as number, true);
    at += 4 + 2 * entries.length;
  }
  return bytes;
}
