import type { AnalyzedDescription, AnalyzedDomain, DomainAnalyzer } from "./DomainAnalyzer.js";
import type { RelevanceExample } from "./trainingPairs.js";

type SparseVector = Map<string, number>;

/** The examples whose vector has a key, with their value for it (so ranking needs no map lookups). */
interface Posting {
  indices: number[];
  values: number[];
}

/**
 * Naming style of similar companies: finds the reference descriptions nearest to the
 * query (TF-IDF cosine) and measures how much the candidate domain looks like their
 * domains (TLD, morphemes, trigrams) beyond how much it looks like domains in general.
 */
export class NeighbourStyle {
  readonly #documentFrequency = new Map<string, number>();
  readonly #descriptions: SparseVector[];
  readonly #domains: SparseVector[];
  readonly #postings = new Map<string, Posting>();
  readonly #meanDomain: SparseVector = new Map();
  readonly #neighbourCache = new Map<string, [number, number][]>();
  readonly #domainPostings = new Map<string, Posting>();
  /** Scratch accumulators for ranking, one slot per example, zero between calls. */
  readonly #scores: Float64Array;
  readonly #touched: Uint8Array;
  readonly #domainNeighbourCache = new Map<string, [number, number][]>();
  readonly #styleCentroids = new WeakMap<AnalyzedDescription, SparseVector>();
  readonly #reverseCentroids = new WeakMap<AnalyzedDomain, SparseVector>();
  readonly #queries = new WeakMap<AnalyzedDescription, SparseVector>();

  constructor(
    readonly analyzer: DomainAnalyzer,
    readonly examples: readonly RelevanceExample[],
    readonly neighbours = 100,
  ) {
    for (const example of examples) {
      for (const token of analyzer.description(example.description).tokens) {
        this.#documentFrequency.set(token.stem, (this.#documentFrequency.get(token.stem) ?? 0) + 1);
      }
    }
    this.#descriptions = examples.map((e) => this.#describe(analyzer.description(e.description)));
    this.#domains = examples.map((e) => domainVector(analyzer.domain(e.domain)));
    this.#scores = new Float64Array(examples.length);
    this.#touched = new Uint8Array(examples.length);
    for (const [index, vector] of this.#descriptions.entries()) addPostings(this.#postings, index, vector);
    for (const vector of this.#domains) {
      for (const [key, value] of vector)
        this.#meanDomain.set(key, (this.#meanDomain.get(key) ?? 0) + value / examples.length);
    }
    for (const [index, vector] of this.#domains.entries()) addPostings(this.#domainPostings, index, vector, "t:");
    const common = Math.max(50, examples.length / 10);
    for (const [key, posting] of this.#domainPostings)
      if (posting.indices.length > common) this.#domainPostings.delete(key);
  }

  /**
   * The reverse view: reference domains nearest to the candidate (morphemes, trigrams)
   * and how similar their descriptions are to the query.
   */
  reverseScore(description: AnalyzedDescription, domain: AnalyzedDomain): number {
    // Σ wᵢ·(query·descriptionᵢ) / Σ wᵢ = query · (Σ wᵢ·descriptionᵢ / Σ wᵢ): one dot with a cached centroid.
    let centroid = this.#reverseCentroids.get(domain);
    if (!centroid) {
      centroid = weightedCentroid(this.#nearestDomains(domain), this.#descriptions);
      this.#reverseCentroids.set(domain, centroid);
    }
    return dot(this.#describe(description), centroid);
  }

  #nearestDomains(domain: AnalyzedDomain): [number, number][] {
    const cached = this.#domainNeighbourCache.get(domain.domain);
    if (cached) return cached;
    const nearest = this.#rank(
      domainVector(domain),
      this.#domainPostings,
      (index) => (this.examples[index] as RelevanceExample).domain !== domain.domain,
      30,
    );
    if (this.#domainNeighbourCache.size > 20_000) this.#domainNeighbourCache.clear();
    this.#domainNeighbourCache.set(domain.domain, nearest);
    return nearest;
  }

  /** Style score; a reference example with exactly this description is left out (no self-match). */
  score(description: AnalyzedDescription, domain: AnalyzedDomain): number {
    // Σ wᵢ·(candidate·domainᵢ) / Σ wᵢ = candidate · centroid: two small dots per item instead of one per neighbour.
    let centroid = this.#styleCentroids.get(description);
    if (!centroid) {
      centroid = weightedCentroid(this.#nearest(description), this.#domains);
      this.#styleCentroids.set(description, centroid);
    }
    const candidate = domainVector(domain);
    return dot(candidate, centroid) - dot(candidate, this.#meanDomain);
  }

  #nearest(description: AnalyzedDescription): [number, number][] {
    const cached = this.#neighbourCache.get(description.text);
    if (cached) return cached;
    const nearest = this.#rank(
      this.#describe(description),
      this.#postings,
      (index) => (this.examples[index] as RelevanceExample).description !== description.text,
      this.neighbours,
    );
    if (this.#neighbourCache.size > 20_000) this.#neighbourCache.clear();
    this.#neighbourCache.set(description.text, nearest);
    return nearest;
  }

  /**
   * The `limit` examples most similar to `query` (dot product over shared keys) that `keep` accepts, best first;
   * ties keep first-touch order. Accumulates in typed scratch arrays instead of a Map (the judge's hottest loop).
   */
  #rank(
    query: SparseVector,
    postings: ReadonlyMap<string, Posting>,
    keep: (index: number) => boolean,
    limit: number,
  ): [number, number][] {
    const scores = this.#scores;
    const touchedMarks = this.#touched;
    const touched: number[] = [];
    for (const [key, weight] of query) {
      const posting = postings.get(key);
      if (!posting) continue;
      const { indices, values } = posting;
      for (let p = 0; p < indices.length; p++) {
        const index = indices[p] as number;
        if (!touchedMarks[index]) {
          touchedMarks[index] = 1;
          touched.push(index);
        }
        scores[index] = (scores[index] as number) + weight * (values[p] as number);
      }
    }
    const ranked: [number, number][] = [];
    for (const index of touched) {
      if (keep(index)) ranked.push([index, scores[index] as number]);
      scores[index] = 0;
      touchedMarks[index] = 0;
    }
    return ranked.sort((a, b) => b[1] - a[1]).slice(0, limit);
  }

  #describe(description: AnalyzedDescription): SparseVector {
    let vector = this.#queries.get(description);
    if (!vector) {
      vector = this.#tfidf(description);
      this.#queries.set(description, vector);
    }
    return vector;
  }

  #tfidf(description: AnalyzedDescription): SparseVector {
    const n = this.examples.length;
    const vector: SparseVector = new Map();
    const idf = (stem: string) => Math.log((n + 1) / ((this.#documentFrequency.get(stem) ?? 0) + 1));
    for (const token of description.tokens) vector.set(token.stem, idf(token.stem));
    return normalize(vector);
  }
}

function addPostings(postings: Map<string, Posting>, index: number, vector: SparseVector, skipPrefix?: string): void {
  for (const [key, value] of vector) {
    if (skipPrefix && key.startsWith(skipPrefix)) continue;
    let posting = postings.get(key);
    if (!posting) {
      posting = { indices: [], values: [] };
      postings.set(key, posting);
    }
    posting.indices.push(index);
    posting.values.push(value);
  }
}

/** Σ wᵢ·vectorᵢ / Σ wᵢ over neighbours (index, similarity), with wᵢ = similarity². */
function weightedCentroid(neighbours: readonly [number, number][], vectors: readonly SparseVector[]): SparseVector {
  const centroid: SparseVector = new Map();
  let total = 0;
  for (const [, similarity] of neighbours) total += similarity * similarity;
  if (!total) return centroid;
  for (const [index, similarity] of neighbours) {
    const weight = (similarity * similarity) / total;
    for (const [key, value] of vectors[index] as SparseVector)
      centroid.set(key, (centroid.get(key) ?? 0) + weight * value);
  }
  return centroid;
}

const domainVectors = new WeakMap<AnalyzedDomain, SparseVector>();

function domainVector(domain: AnalyzedDomain): SparseVector {
  let vector = domainVectors.get(domain);
  if (!vector) {
    vector = buildDomainVector(domain);
    domainVectors.set(domain, vector);
  }
  return vector;
}

function buildDomainVector(domain: AnalyzedDomain): SparseVector {
  const vector: SparseVector = new Map([[`t:${domain.tld}`, 1]]);
  for (const stem of domain.stems) vector.set(`m:${stem}`, 1);
  const padded = `^${domain.label}$`;
  for (let i = 0; i + 3 <= padded.length; i++) vector.set(`g:${padded.slice(i, i + 3)}`, 0.5);
  return normalize(vector);
}

function normalize(vector: SparseVector): SparseVector {
  let sum = 0;
  for (const value of vector.values()) sum += value * value;
  const norm = Math.sqrt(sum) || 1;
  for (const [key, value] of vector) vector.set(key, value / norm);
  return vector;
}

function dot(a: SparseVector, b: SparseVector): number {
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const [key, value] of small) sum += value * (large.get(key) ?? 0);
  return sum;
}
