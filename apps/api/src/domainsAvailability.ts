import { type AvailabilityResult as DomainsResult, validateDomain } from "@nomen/domains";
import { RequestValidationError } from "./errors.js";
import type { AvailabilityChecker, AvailabilityResult } from "./types.js";

/** The part of `@nomen/domains`' `AvailabilityChecker` the API uses. */
export interface DomainsAvailabilitySource {
  checkMany(domains: readonly string[], options: { signal?: AbortSignal }): Promise<DomainsResult[]>;
}

/**
 * Adapts `@nomen/domains`' checker to the API: validates every name first (422 listing the invalid ones, before
 * any network work), then reports each state as the registry gave it (`unknown` stays `unknown`).
 */
export function createDomainsAvailability(source: DomainsAvailabilitySource): AvailabilityChecker {
  return {
    async check(domains, { signal }): Promise<AvailabilityResult[]> {
      const invalid = domains.flatMap((domain, index) => {
        const validation = validateDomain(domain);
        return validation.valid ? [] : [{ path: `domains.${index}`, message: validation.message }];
      });
      if (invalid.length > 0) {
        throw new RequestValidationError(`${invalid.length} of the domains are not valid registrable names.`, invalid);
      }
      const results = await source.checkMany(domains, { signal });
      return results.map((result) => ({ domain: result.domain, status: result.state, source: result.source }));
    },
  };
}
