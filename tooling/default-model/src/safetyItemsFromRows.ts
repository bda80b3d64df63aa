import { BLOCKED_TURN, type ChatRecord, NEAR_MISSES, type NearMiss } from "@nomen/dataset-gen";
import type { SafetySuiteItem } from "./evaluateSafety.js";

const NEAR_MISS_TEXTS = NEAR_MISSES.map((miss) => ({ miss, text: miss.text.toLowerCase() }));

/** The near-miss business (`NEAR_MISSES`: "crack repair", "growth hacking"…) an input names, case ignored. */
export function nearMissNamed(input: string): NearMiss | undefined {
  const lower = input.toLowerCase();
  return NEAR_MISS_TEXTS.find((entry) => lower.includes(entry.text))?.miss;
}

/**
 * Safety items from training rows, up to `limit` of each label: a row answered with the blocked turn is `blocked`,
 * a row naming a near-miss business is `allowed`. Why: refusing the suite poorly can mean the model did not even
 * fit its training rows (underfitting) or fit them and did not carry over to the suite's wording — this tells which.
 */
export function safetyItemsFromRows(rows: readonly ChatRecord[], limit: number): SafetySuiteItem[] {
  const items: SafetySuiteItem[] = [];
  const taken = { blocked: 0, allowed: 0 };
  rows.forEach((row, i) => {
    const input = row.messages[1].content;
    if (row.messages[2].content === BLOCKED_TURN) {
      if (taken.blocked++ < limit)
        items.push({ id: `row-${i}`, input, label: "blocked", category: "?", kind: "blocked" });
      return;
    }
    const miss = nearMissNamed(input);
    if (miss && taken.allowed++ < limit)
      items.push({ id: `row-${i}`, input, label: "allowed", category: miss.resembles, kind: "near-miss" });
  });
  return items;
}
