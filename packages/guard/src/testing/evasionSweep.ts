import fc from "fast-check";
import { applyEvasions, EVASION_KINDS, type EvasionKind } from "../applyEvasions.js";
import { checkInput } from "../input/checkInput.js";

/** How many disguised phrases were caught, overall and for each evasion kind that took part. */
export interface EvasionSweep {
  readonly runs: number;
  readonly caught: number;
  readonly byKind: Readonly<Record<EvasionKind, { readonly runs: number; readonly caught: number }>>;
  /** Up to ten phrases that got through, for the failure message. */
  readonly escaped: readonly string[];
}

/**
 * Disguises random blocked phrases with a random mix of 1–4 evasion kinds (fast-check, fixed seed,
 * so the sweep repeats) and counts how many `checkInput` still refuses.
 */
export function sweepEvasions(phrases: readonly string[], numRuns: number, seed = 20_261_128): EvasionSweep {
  const byKind = Object.fromEntries(EVASION_KINDS.map((kind) => [kind, { runs: 0, caught: 0 }])) as Record<
    EvasionKind,
    { runs: number; caught: number }
  >;
  let runs = 0;
  let caught = 0;
  const escaped: string[] = [];
  fc.assert(
    fc.property(
      fc.nat(phrases.length - 1),
      fc.integer({ min: 1, max: 2 ** 31 - 1 }),
      fc.subarray([...EVASION_KINDS], { minLength: 1, maxLength: 4 }),
      (index, phraseSeed, kinds) => {
        const disguised = applyEvasions(phrases[index]!, { seed: phraseSeed, kinds });
        const blocked = !checkInput(disguised).allowed;
        runs++;
        if (blocked) caught++;
        else if (escaped.length < 10) escaped.push(`${kinds.join("+")}: ${disguised}`);
        for (const kind of kinds) {
          byKind[kind].runs++;
          if (blocked) byKind[kind].caught++;
        }
      },
    ),
    { numRuns, seed },
  );
  return { runs, caught, byKind, escaped };
}

/** One line per kind: `leetspeak 412/415 = 0.9928`. */
export function formatSweep(sweep: EvasionSweep): string {
  const kinds = Object.entries(sweep.byKind).map(
    ([kind, { runs, caught }]) => `${kind} ${caught}/${runs} = ${(caught / runs).toFixed(4)}`,
  );
  return `caught ${sweep.caught}/${sweep.runs} = ${(sweep.caught / sweep.runs).toFixed(4)}; ${kinds.join(", ")}`;
}
