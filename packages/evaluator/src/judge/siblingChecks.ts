import { validateDomain } from "@nomen/domains";
import { filterNames } from "@nomen/guard";
import { cachedSafety } from "./cachedSafety.js";
import type { DomainValidity, SafetyCheck } from "./checks.js";

const REASONS: Record<string, string> = {
  "missing-tld": "missing TLD",
  "label-too-long": "label too long",
  "name-too-long": "name too long",
  "invalid-character": "invalid characters",
  "unknown-tld": "invalid TLD",
  "numeric-tld": "invalid TLD",
};

/** Validity from @nomen/domains (RFC 1035/1123, UTS-46, IANA TLDs, public suffixes). */
export const domainsValidity: DomainValidity = {
  validate(domain) {
    const verdict = validateDomain(domain);
    if (verdict.valid) return { valid: true };
    return { valid: false, reason: REASONS[verdict.reason] ?? verdict.reason };
  },
};

/** Output safety from @nomen/guard's name filter (profanity, trademarks, look-alikes, impersonation), memoized by domain. */
export const guardSafety: SafetyCheck = cachedSafety({
  check(domain) {
    const { dropped } = filterNames([domain]);
    const hit = dropped[0];
    return hit ? { blocked: true, category: hit.rule } : { blocked: false };
  },
});
