import type { Split } from "../dataset/Example.js";

/** Bumped whenever generated output changes for the same seed and size. */
export const GENERATOR_VERSION = "1.1.0";

/** Counts keyed by a label, sorted by key. */
export type Counts = Record<string, number>;

/** A histogram: `bins[i]` counts values in [edges[i], edges[i+1]) (last bin open-ended). */
export interface Histogram {
  edges: number[];
  bins: number[];
}

/** The card written beside every dataset (card.json); CARD.md renders it for people. */
export interface DatasetCard {
  name: string;
  generator: { package: string; version: string; generatorVersion: string };
  seed: string;
  size: number;
  /** The exact command that regenerates the files byte for byte. */
  command: string;
  systemPrompt: string;
  splits: Record<Split, number>;
  counts: {
    category: Counts;
    industry: Counts;
    tier: Counts;
    language: Counts;
    safetyCategory: Counts;
    constrained: number;
    splitByCategory: Record<Split, Counts>;
  };
  diversity: {
    businessTypes: number;
    targetDomains: number;
    distinctLabels: number;
    distinctLabelRatio: number;
    tld: Counts;
    topTldShare: number;
    strategy: Counts;
  };
  lengths: { descriptionChars: Histogram; assistantChars: Histogram; domainsPerExample: Counts };
  leakage: {
    /** Near-duplicate = Jaccard of character 5-gram sets at or above this. */
    threshold: number;
    crossSplitNearDuplicates: number;
    crossSplitExactDuplicates: number;
    /** Groups (business types, invented words, blocked phrases) with examples in more than one split: always 0. */
    crossSplitGroups: number;
    /** Groups merged with another group because some of their texts are near-duplicates (they share a split). */
    mergedGroups: number;
    /** Examples in a different split than their own group's hash gives, because their merged component's won. */
    movedWithMergedGroup: number;
  };
  files: Record<string, { sha256: string; bytes: number; lines: number }>;
}
