import words from "../../data/lexicon/context.json" with { type: "json" };

/*
 * Context words shared by several categories' near-miss rules; the words live in
 * src/data/lexicon/context.json.
 */

/** Opposition, prevention and victim support ("anti-trafficking", "survivor shelter"). */
export const ANTI: readonly string[] = words.anti;

/** Selling and supplying ("buy", "for sale", "delivery"): what turns a substance into a sale. */
export const SELLING: readonly string[] = words.selling;

/** Medicine, treatment and harm reduction ("rehab", "pharmacy", "clinic"). */
export const CARE: readonly string[] = words.care;

/** Security and fraud prevention ("anti-phishing", "fraud detection", "scam alerts"). */
export const PROTECTION: readonly string[] = words.protection;
