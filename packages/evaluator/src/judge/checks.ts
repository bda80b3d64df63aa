/**
 * Integration points: @nomen/domains owns validity and @nomen/guard owns safety. Until their
 * exports land, the metric judge takes these small interfaces; `syntaxOnlyValidity` is a
 * stand-in that checks LDH syntax and lengths only, and `noSafetyCheck` passes everything.
 */

/** Verdict of a domain validity check. */
export interface ValidityVerdict {
  valid: boolean;
  /** Why it is invalid, e.g. "missing TLD", "label too long", "non-ASCII". */
  reason?: string;
}

/** What the metric judge needs from @nomen/domains. */
export interface DomainValidity {
  validate(domain: string): ValidityVerdict;
}

/** What the metric judge needs from @nomen/guard's output filter. */
export interface SafetyCheck {
  check(domain: string, description: string): { blocked: boolean; category?: string };
}

/** LDH syntax, lengths (RFC 1035/1123), ASCII and presence of a TLD; no IANA list. */
export const syntaxOnlyValidity: DomainValidity = {
  validate(domain) {
    if (/[^\x00-\x7f]/.test(domain)) return { valid: false, reason: "non-ASCII" };
    const labels = domain.toLowerCase().split(".");
    if (labels.length < 2 || labels.at(-1) === "") return { valid: false, reason: "missing TLD" };
    if (domain.length > 253) return { valid: false, reason: "name too long" };
    for (const label of labels) {
      if (label.length === 0) return { valid: false, reason: "empty label" };
      if (label.length > 63) return { valid: false, reason: "label too long" };
      if (!/^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/.test(label)) return { valid: false, reason: "invalid characters" };
    }
    if (!/^[a-z]{2,63}$/.test(labels.at(-1) as string)) return { valid: false, reason: "invalid TLD" };
    return { valid: true };
  },
};

/** Passes everything: use only until @nomen/guard is wired. */
export const noSafetyCheck: SafetyCheck = { check: () => ({ blocked: false }) };
