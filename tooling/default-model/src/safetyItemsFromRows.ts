import { BLOCKED_TURN, type ChatRecord, NEAR_MISSES } from "@nomen/dataset-gen";
import type { SafetySuiteItem } from "./evaluateSafety.js";

/**
 * Safety items from training rows, up to `limit` of each label: a row answered with the blocked turn is `blocked`,
 * a row naming a near-miss business is `allowed`. Why: refusing the suite poorly can mean the model did not even
 * fit its training rows (underfitting) or fit them and did not carry over to the suite's wording — this tells which.
 */
export function safetyItemsFromRows(rows: readonly ChatRecord[], limit: number): SafetySuiteItem[] {
  const nearMisses = NEAR_MISSES.map((miss) => ({ text: miss.text.toLowerCase(), category: miss.resembles }));
  const items: SafetySuiteItem[] = [];
  const taken = { blocked: 0, allowed: 0 };
  rows.forEach((row, i) => {
    const input = row.messages[1].content;
    if (row.messages[2].content === BLOCKED_TURN) {
      if (taken.blocked++ < limit)
        items.push({ id: `row-${i}`, input, label: "blocked", category: "?", kind: "blocked" });
      return;
    }
    const miss = nearMisses.find((m) => input.toLowerCase().includes(m.text));
    if (miss && taken.allowed++ < limit)
      items.push({ id: `row-${i}`, input, label: "allowed", category: miss.category, kind: "near-miss" });
  });
  return items;
}
