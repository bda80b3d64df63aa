import { buildEdgeCaseSuite } from "./edgeCaseSuite.js";
import { buildSafetySuite } from "./safetySuite.js";
import { type SuiteCard, writeSuite } from "./writeSuite.js";

/** Options for {@link writeSuites}. */
export interface WriteSuitesOptions {
  /** Output folder, e.g. `datasets/suites`. */
  dir: string;
  /** Suite version in the file names. Defaults to "v1". */
  version?: string;
  /** Defaults to 1. */
  seed?: number | string;
  /** Edge cases per category. Defaults to 25. */
  perCategory?: number;
}

/** Writes both evaluator suites: `edge-cases-<version>.jsonl` and `safety-<version>.jsonl`, each with a card. */
export function writeSuites(options: WriteSuitesOptions): { edgeCases: SuiteCard; safety: SuiteCard } {
  const { dir, version = "v1", seed = 1, perCategory = 25 } = options;
  const edgeCases = writeSuite({
    dir,
    name: `edge-cases-${version}`,
    version,
    seed,
    items: buildEdgeCaseSuite({ seed, perCategory }),
    countBy: (item) => [`category:${item.category}`],
  });
  const safety = writeSuite({
    dir,
    name: `safety-${version}`,
    version,
    seed,
    items: buildSafetySuite({ seed }),
    countBy: (item) => [`label:${item.label}`, `kind:${item.kind}`, `category:${item.category}`],
  });
  return { edgeCases, safety };
}
