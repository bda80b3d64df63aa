import type { RdapOutcome } from "./queryRdap.js";

/** The availability states. `available` is only ever reported on an authoritative "not found". */
export type AvailabilityState = "available" | "taken" | "reserved-or-premium" | "unknown";

const RESERVED = /\b(reserved|premium|blocked|restricted)\b/i;

/**
 * Reads an RDAP outcome as availability. 404 → available; a domain object for the same name →
 * taken, or reserved-or-premium when its status or remarks say reserved/premium; anything else
 * (errors, rate limits, an unexpected body) → unknown.
 */
export function interpretRdap(domain: string, outcome: RdapOutcome): { state: AvailabilityState; detail: string } {
  if (outcome.kind === "not-found") return { state: "available", detail: "rdap-404" };
  if (outcome.kind === "rate-limited") return { state: "unknown", detail: `rdap-${outcome.status}-rate-limited` };
  if (outcome.kind === "error") return { state: "unknown", detail: outcome.detail };
  const body = outcome.body as {
    objectClassName?: unknown;
    ldhName?: unknown;
    status?: unknown;
    remarks?: Array<{ title?: unknown; description?: unknown }>;
  } | null;
  const sameName = typeof body?.ldhName === "string" && body.ldhName.toLowerCase().replace(/\.$/, "") === domain;
  if (body?.objectClassName !== "domain" || !sameName) return { state: "unknown", detail: "rdap-unexpected-body" };
  const statuses = Array.isArray(body.status) ? body.status.filter((s): s is string => typeof s === "string") : [];
  const remarks = Array.isArray(body.remarks)
    ? body.remarks.flatMap((r) => [r.title, ...(Array.isArray(r.description) ? r.description : [])])
    : [];
  const words = [...statuses, ...remarks.filter((r): r is string => typeof r === "string")];
  if (words.some((word) => RESERVED.test(word))) return { state: "reserved-or-premium", detail: "rdap-200-reserved" };
  return { state: "taken", detail: "rdap-200" };
}
