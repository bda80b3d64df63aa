import type { Calibrate } from "./calibration/calibrator.js";
import { matchesConstraints, type ResolvedConstraints } from "./grammar/resolveConstraints.js";
import type { ParsedItem } from "./grammar/SuggestionStreamParser.js";
import type { GeneratedSuggestion } from "./types.js";

interface TokenSpan {
  start: number;
  end: number;
  logProbability: number;
}

/**
 * Turns parsed items into suggestions: drops what breaks the constraints (remote output, or the two
 * rules a grammar cannot count), computes raw confidence from the token spans that overlap the
 * item, calibrates it, and streams each one out.
 */
export class SuggestionCollector {
  readonly suggestions: GeneratedSuggestion[] = [];
  readonly #spans: TokenSpan[] = [];
  #index = 0;

  constructor(
    readonly constraints: ResolvedConstraints,
    readonly calibrate: Calibrate,
    readonly onSuggestion?: (suggestion: GeneratedSuggestion) => void,
  ) {}

  /** Records one generated token: its text starts at `start` in the full answer; `probability` may be missing. */
  addToken(start: number, length: number, probability: number | undefined | null): void {
    if (probability === undefined || probability === null || !Number.isFinite(probability)) return;
    this.#spans.push({ start, end: start + length, logProbability: Math.log(Math.max(probability, 1e-12)) });
  }

  addItem(item: ParsedItem): void {
    const index = this.#index++;
    const domain = item.value;
    if (!matchesConstraints(domain, this.constraints)) return;
    // A remote server that ignores the schema may list more than asked for.
    if (this.suggestions.length >= this.constraints.count) return;
    if (this.suggestions.some((s) => s.domain === domain)) return;
    const rawConfidence = this.#rawConfidence(item.start, item.end);
    const suggestion = { index, domain, confidence: this.calibrate(rawConfidence), rawConfidence };
    this.suggestions.push(suggestion);
    this.onSuggestion?.(suggestion);
  }

  #rawConfidence(start: number, end: number): number | null {
    let sum = 0;
    let count = 0;
    for (const span of this.#spans) {
      if (span.start < end && span.end > start) {
        sum += span.logProbability;
        count++;
      }
    }
    return count === 0 ? null : Math.exp(sum / count);
  }
}
