import type { SafetyCheck } from "./checks.js";

/**
 * Memoizes a safety check by domain (the output filter is the judge's costliest step, and A-vs-B
 * evaluations score the same domains again). Keeps at most `size` entries. Defaults to 50,000.
 */
export function cachedSafety(check: SafetyCheck, size = 50_000): SafetyCheck {
  const cache = new Map<string, ReturnType<SafetyCheck["check"]>>();
  return {
    check(domain, description) {
      const key = domain.toLowerCase();
      let verdict = cache.get(key);
      if (!verdict) {
        verdict = check.check(domain, description);
        if (cache.size >= size) cache.delete(cache.keys().next().value as string);
        cache.set(key, verdict);
      }
      return verdict;
    },
  };
}
