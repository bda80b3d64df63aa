import { describe, expect, it } from "vitest";
import { EvaluationAbortedError } from "./errors.js";
import { evaluateSuggestions, evaluateSuggestionsAsync, type SuggestionItem } from "./evaluateSuggestions.js";
import { MetricJudge } from "./judge/MetricJudge.js";
import { WordNet } from "./lexicon/WordNet.js";
import type { Progress } from "./steps.js";

const judge = MetricJudge.create({ wordnet: WordNet.load(), safety: { check: () => ({ blocked: false }) } });
const items: SuggestionItem[] = Array.from({ length: 120 }, (_, i) => ({
  id: `item-${i}`,
  category: i % 2 ? "plain" : "edge",
  description: "Fresh bread and pastries for neighbourhood cafes",
  suggestions: [`bread${i}.com`, "crumbandco.com"],
}));

describe("evaluateSuggestionsAsync", () => {
  it("reports progress and gives the same result as evaluateSuggestions", async () => {
    const events: Progress[] = [];
    const result = await evaluateSuggestionsAsync({ judge, items, onProgress: (p) => events.push(p) });
    expect(events.map((e) => e.done)).toEqual([50, 100]);
    expect(result).toEqual(evaluateSuggestions({ judge, items }));
  });

  it("rejects with EvaluationAbortedError when aborted after the first progress event", async () => {
    const controller = new AbortController();
    const events: Progress[] = [];
    const run = evaluateSuggestionsAsync({
      judge,
      items,
      signal: controller.signal,
      onProgress: (p) => {
        events.push(p);
        controller.abort();
      },
    });
    await expect(run).rejects.toThrow(EvaluationAbortedError);
    expect(events).toHaveLength(1);
  });

  it("lets timers run while it scores (the event loop is not blocked)", async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    await evaluateSuggestionsAsync({ judge, items });
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(0);
  });
});
