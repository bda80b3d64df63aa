/** One copy probe's outcome. */
export interface CopyOutcome {
  word: string;
  domains: readonly string[];
  /** The generation parsed into the API's JSON shape. */
  parsed: boolean;
  /** Domains the runtime judged valid (all of them, with the grammar). */
  valid: number;
}

/** Aggregate of {@link scoreCopies}. */
export interface CopyReport {
  probes: number;
  /** Share of probes where at least one domain contains the word (hyphens ignored). */
  copyRate: number;
  /** Probes whose domains copied the word. */
  copied: number;
  parseRate: number;
  validRate: number;
  /** Mean domains per probe. */
  meanDomains: number;
}

/** Whether some domain's label contains `word` (lowercased, hyphens removed: `taxi-co.com` copies "taxico"). */
export function copiesWord(word: string, domains: readonly string[]): boolean {
  const wanted = word.toLowerCase().replace(/[^a-z0-9]/g, "");
  return domains.some((domain) => (domain.split(".")[0] ?? "").replace(/-/g, "").includes(wanted));
}

/** Copy, parse and valid rates over probes. */
export function scoreCopies(outcomes: readonly CopyOutcome[]): CopyReport {
  const n = outcomes.length;
  const copied = outcomes.filter((o) => copiesWord(o.word, o.domains)).length;
  const domains = outcomes.reduce((sum, o) => sum + o.domains.length, 0);
  const valid = outcomes.reduce((sum, o) => sum + o.valid, 0);
  return {
    probes: n,
    copyRate: n === 0 ? 0 : copied / n,
    copied,
    parseRate: n === 0 ? 0 : outcomes.filter((o) => o.parsed).length / n,
    validRate: domains === 0 ? 0 : valid / domains,
    meanDomains: n === 0 ? 0 : domains / n,
  };
}
