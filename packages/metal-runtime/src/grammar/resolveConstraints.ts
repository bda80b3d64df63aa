import { InvalidOptionsError } from "../errors.js";
import type { SuggestionConstraints } from "../types.js";

/** TLDs used when a request names none. */
export const DEFAULT_TLDS: readonly string[] = Object.freeze(["com", "io", "ai", "co", "app", "dev", "net", "org"]);

/** {@link SuggestionConstraints} with every default filled in and every value checked. */
export interface ResolvedConstraints {
  count: number;
  minCount: number;
  tlds: string[];
  maxLabelLength: number;
  allowHyphens: boolean;
  allowDigits: boolean;
  mustInclude: string[];
  allowBlocked: boolean;
}

const TLD_PATTERN = /^[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;

/** Fills in defaults and rejects impossible constraints with `InvalidOptionsError` before any generation starts. */
export function resolveConstraints(constraints: SuggestionConstraints = {}): ResolvedConstraints {
  const { count = 5, maxLabelLength = 63, allowHyphens = true, allowDigits = true, allowBlocked = true } = constraints;
  if (!Number.isInteger(count) || count < 1 || count > 20) {
    throw new InvalidOptionsError(`count must be an integer from 1 to 20, got ${count}`);
  }
  const { minCount = 1 } = constraints;
  if (!Number.isInteger(minCount) || minCount < 1 || minCount > count) {
    throw new InvalidOptionsError(`minCount must be an integer from 1 to count (${count}), got ${minCount}`);
  }
  if (!Number.isInteger(maxLabelLength) || maxLabelLength < 1 || maxLabelLength > 63) {
    throw new InvalidOptionsError(`maxLabelLength must be an integer from 1 to 63 (RFC 1035), got ${maxLabelLength}`);
  }
  const tlds = [...new Set((constraints.tlds ?? DEFAULT_TLDS).map((t) => t.trim().toLowerCase().replace(/^\./, "")))];
  if (tlds.length === 0) throw new InvalidOptionsError("tlds must name at least one TLD, got an empty list");
  for (const tld of tlds) {
    if (!TLD_PATTERN.test(tld)) {
      throw new InvalidOptionsError(`tld ${JSON.stringify(tld)} is not a lowercase LDH suffix like "com" or "co.uk"`);
    }
  }
  const wordPattern = allowDigits ? /^[a-z0-9]+$/ : /^[a-z]+$/;
  const mustInclude = [...new Set((constraints.mustInclude ?? []).map((w) => w.trim().toLowerCase()))];
  for (const word of mustInclude) {
    if (!wordPattern.test(word) || word.length > maxLabelLength) {
      throw new InvalidOptionsError(
        `mustInclude word ${JSON.stringify(word)} must be 1–${maxLabelLength} ${allowDigits ? "letters or digits" : "letters"}`,
      );
    }
  }
  return { count, minCount, tlds, maxLabelLength, allowHyphens, allowDigits, mustInclude, allowBlocked };
}

/** Whether `domain` meets the constraints: the grammar guarantees this locally; remote output is checked with it. */
export function matchesConstraints(domain: string, c: ResolvedConstraints): boolean {
  const dot = domain.indexOf(".");
  if (dot < 1) return false;
  const label = domain.slice(0, dot);
  if (!c.tlds.includes(domain.slice(dot + 1))) return false;
  if (label.length > c.maxLabelLength) return false;
  const chars = c.allowDigits ? "a-z0-9" : "a-z";
  const pattern = c.allowHyphens ? new RegExp(`^[${chars}](?:[${chars}-]*[${chars}])?$`) : new RegExp(`^[${chars}]+$`);
  if (!pattern.test(label) || label.includes("--")) return false;
  return c.mustInclude.length === 0 || c.mustInclude.some((word) => label.includes(word));
}
