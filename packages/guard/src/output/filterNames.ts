import type { GuardLogger } from "../logger.js";
import { findImpersonation } from "./findImpersonation.js";
import { findTrademark } from "./findTrademark.js";
import { nameParts } from "./nameLabel.js";
import { findProfanity } from "./profanity.js";

/** A name the output filter removed, and why. */
export interface DroppedName {
  readonly domain: string;
  /** For people: what is wrong with the name (never repeats a profane word). */
  readonly reason: string;
  /** Stable rule id, e.g. `profanity/english`, `trademark/typosquat`, `impersonation/government`. */
  readonly rule: string;
}

export interface FilterNamesResult {
  readonly kept: string[];
  readonly dropped: DroppedName[];
}

export interface FilterNamesOptions {
  /** Where drops are logged (rule and domain). Defaults to no logging. */
  readonly logger?: GuardLogger;
}

/**
 * Removes generated names that are profane (any substring or word split, several languages),
 * use or imitate famous trademarks (exact, look-alike characters, typos, mark + word), or
 * impersonate banks, governments and support desks. Every dropped name carries a reason.
 *
 * @example filterNames(["brightbakery.com", "paypa1-login.com"]) // {kept: ["brightbakery.com"], dropped: [{domain: "paypa1-login.com", rule: "trademark/lookalike", ...}]}
 */
export function filterNames(domains: readonly string[], options: FilterNamesOptions = {}): FilterNamesResult {
  const kept: string[] = [];
  const dropped: DroppedName[] = [];
  for (const domain of domains) {
    const verdict = judgeName(domain);
    if (!verdict) {
      kept.push(domain);
      continue;
    }
    dropped.push({ domain, ...verdict });
    options.logger?.warn(
      { event: "guard.output.dropped", domain, rule: verdict.rule },
      "name dropped by output filter",
    );
  }
  return { kept, dropped };
}

function judgeName(domain: string): { reason: string; rule: string } | undefined {
  if (typeof domain !== "string" || domain.trim() === "") return { rule: "output/empty", reason: "is empty" };
  const name = nameParts(domain);
  const language = findProfanity(name);
  if (language)
    return { rule: `profanity/${language}`, reason: `contains profanity or explicit language (${language})` };
  return findImpersonation(name) ?? findTrademark(name);
}
