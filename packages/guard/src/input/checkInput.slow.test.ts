import { obfuscate } from "confusables";
import { describe, expect, it, vi } from "vitest";
import { EVASION_KINDS } from "../applyEvasions.js";
import { formatSweep, sweepEvasions } from "../testing/evasionSweep.js";
import { readSafetyList } from "../testing/safetyLists.js";
import { checkInput } from "./checkInput.js";

const labelled = readSafetyList("safety-labelled.json");
const heldOut = readSafetyList("safety-heldout.json");

describe("checkInput against evasions (slow: pnpm --filter @nomen/guard test:slow)", () => {
  it("catches ≥ 95% of 10,000 blocked phrases disguised with random evasions, and of each evasion kind", () => {
    const sweep = sweepEvasions(
      labelled.blocked.map((b) => b.text),
      10_000,
    );
    console.info(`guard evasion property (10,000): ${formatSweep(sweep)}`);
    const failure = `escaped e.g.: ${sweep.escaped.join(" || ")}`;
    expect(sweep.caught / sweep.runs, failure).toBeGreaterThanOrEqual(0.95);
    for (const kind of EVASION_KINDS) {
      const { runs, caught } = sweep.byKind[kind];
      expect(runs, `${kind} is barely exercised`).toBeGreaterThanOrEqual(1000);
      expect(caught / runs, `${kind}: ${failure}`).toBeGreaterThanOrEqual(0.95);
    }
  });

  it("catches ≥ 95% of blocked phrases with every letter swapped by the confusables library's obfuscator", () => {
    // obfuscate() draws from Math.random: seed it so the test is repeatable.
    let state = 12_345;
    const random = vi.spyOn(Math, "random").mockImplementation(() => {
      state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
      return state / 2_147_483_648;
    });
    try {
      const disguised = [...labelled.blocked, ...heldOut.blocked].map(({ text }) => obfuscate(text));
      const caught = disguised.filter((text) => !checkInput(text).allowed).length;
      console.info(`guard confusables-obfuscated: caught ${caught}/${disguised.length}`);
      expect(caught / disguised.length).toBeGreaterThanOrEqual(0.95);
    } finally {
      random.mockRestore();
    }
  });
});
