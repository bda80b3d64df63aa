import { type DomainValidation, validateDomain } from "@nomen/domains";
import type { ResolvedRequest } from "../request.js";

/** Validates a domain (RFC 1035/1123, IANA TLDs, public suffixes); `@nomen/domains`' `validateDomain` by default. */
export type ValidateDomain = (domain: string, options: { allowedTlds: readonly string[] }) => DomainValidation;

/** Why a generated domain was dropped (for counters and logs). */
export type DropReason = "invalid" | "too-long" | "hyphen" | "digit" | "missing-include" | "excluded-word";

/**
 * Normalizes and checks one generated domain against the domain rules and every request option.
 * Returns the ASCII domain, or why it was dropped.
 */
export function checkDomain(
  domain: string,
  request: ResolvedRequest,
  validate: ValidateDomain = validateDomain,
): { ok: true; domain: string; label: string } | { ok: false; reason: DropReason } {
  const result = validate(domain, { allowedTlds: request.tlds });
  if (!result.valid) return { ok: false, reason: "invalid" };
  const label = result.label;
  if (label.length > request.maxLength) return { ok: false, reason: "too-long" };
  if (!request.allowHyphens && label.includes("-")) return { ok: false, reason: "hyphen" };
  if (!request.allowDigits && /\d/.test(label)) return { ok: false, reason: "digit" };
  const compact = label.replaceAll("-", "");
  if (request.include.length && !request.include.some((w) => compact.includes(w))) {
    return { ok: false, reason: "missing-include" };
  }
  if (request.exclude.some((w) => compact.includes(w))) return { ok: false, reason: "excluded-word" };
  return { ok: true, domain: result.domain, label };
}
