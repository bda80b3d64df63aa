import { fnv1a32 } from "../../data/fnv1a.js";

/** Hashes feature strings into `2^bits` buckets (the hashing trick). */
export function hashFeature(feature: string, bits: number): number {
  return fnv1a32(feature) & ((1 << bits) - 1);
}

/** Logistic function. */
export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}
