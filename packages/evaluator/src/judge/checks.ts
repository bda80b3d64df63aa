/**
 * Injection points of the metric judge: @nomen/domains owns validity and @nomen/guard owns safety
 * (wired in `siblingChecks.ts`); a caller may pass its own implementation, e.g. to measure the judge
 * without the output filter.
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
