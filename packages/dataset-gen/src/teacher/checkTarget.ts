import { validateDomain } from "@nomen/domains";
import { filterNames } from "@nomen/guard";
import { IANA_TLDS } from "./pickTld.js";

/** Why a target domain was rejected. */
export type TargetRejection = "invalid" | "too-long" | "unsafe";

/** Verdict on one target domain. */
export type TargetVerdict = { ok: true } | { ok: false; reason: TargetRejection; detail: string };

/** The longest second-level label the teacher emits (a length check, not the RFC limit). Defaults to 20 (the evaluator counts longer labels as "too long"). */
export const MAX_TARGET_LABEL = 20;

/**
 * Checks one teacher output: validity (RFC 1035/1123 LDH label, IANA TLD), length, then profanity/trademarks
 * through an injected output filter. The integration point for `@nomen/domains` (`validateDomain`) and
 * `@nomen/guard` (`filterNames`): `createTargetChecker` takes them as options.
 */
export type TargetChecker = (domain: string) => TargetVerdict;

/** Options for {@link createTargetChecker}. */
export interface TargetCheckerOptions {
  /**
   * Validity check. Defaults to {@link strictValidate}: `@nomen/domains` `validateDomain` (RFC 1035/1123, IANA TLD,
   * public suffix) and the name must already be in normalized form (no scheme, case or `www.` to fix).
   */
  validate?: (domain: string) => { valid: boolean; reason?: string };
  /**
   * Safety check: returns why a name is unsafe, or undefined. Must judge the second-level label only (results are
   * cached per label), as `@nomen/guard` does for one-label names. Defaults to {@link guardUnsafe} (`@nomen/guard`
   * `filterNames`: profanity in any substring, famous trademarks and look-alikes, impersonation).
   */
  isUnsafe?: (domain: string) => string | undefined;
  /** Longest second-level label. Defaults to {@link MAX_TARGET_LABEL}. */
  maxLabelLength?: number;
}

const LDH_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** The rule of `@nomen/guard` `filterNames` that drops the name, or undefined when it is kept. */
export function guardUnsafe(domain: string): string | undefined {
  return filterNames([domain]).dropped[0]?.rule;
}

/** `@nomen/domains` `validateDomain`, plus: the target must already be the normalized ASCII name, with one label. */
export function strictValidate(domain: string): { valid: boolean; reason?: string } {
  const result = validateDomain(domain);
  if (!result.valid) return { valid: false, reason: result.reason };
  if (result.domain !== domain) return { valid: false, reason: "not-normalized" };
  if (result.label !== domain.slice(0, domain.indexOf("."))) return { valid: false, reason: "multi-label" };
  return { valid: true };
}

/** A dependency-free fallback check: one LDH label (no `--` at 3–4), dot, an IANA TLD. */
export function basicValidate(domain: string): { valid: boolean; reason?: string } {
  const dot = domain.lastIndexOf(".");
  const label = domain.slice(0, dot);
  const tld = domain.slice(dot + 1);
  if (dot <= 0 || !LDH_LABEL.test(label)) return { valid: false, reason: "label" };
  if (label.slice(2, 4) === "--") return { valid: false, reason: "reserved-hyphens" };
  if (!IANA_TLDS.has(tld)) return { valid: false, reason: "tld" };
  return { valid: true };
}

export function createTargetChecker(options: TargetCheckerOptions = {}): TargetChecker {
  const { validate = strictValidate, isUnsafe = guardUnsafe, maxLabelLength = MAX_TARGET_LABEL } = options;
  // The safety filter is the costly part (~0.3 ms a name) and labels repeat (≈20% of targets, more across TLDs).
  // Cached by label: for a one-label name the guard judges only the label left of the public suffix.
  const unsafeCache = new Map<string, string | undefined>();
  const unsafeOf = (domain: string, label: string): string | undefined => {
    if (!isUnsafe) return undefined;
    if (unsafeCache.has(label)) return unsafeCache.get(label);
    const verdict = isUnsafe(domain);
    if (unsafeCache.size < 1_000_000) unsafeCache.set(label, verdict);
    return verdict;
  };
  return (domain) => {
    const verdict = validate(domain);
    if (!verdict.valid) return { ok: false, reason: "invalid", detail: verdict.reason ?? "invalid" };
    const label = domain.slice(0, domain.lastIndexOf("."));
    if (label.length > maxLabelLength || label.length < 2) {
      return { ok: false, reason: "too-long", detail: `label length ${label.length}, expected 2–${maxLabelLength}` };
    }
    const unsafe = unsafeOf(domain, label);
    if (unsafe) return { ok: false, reason: "unsafe", detail: unsafe };
    return { ok: true };
  };
}
