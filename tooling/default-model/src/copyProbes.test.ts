import { describe, expect, it } from "vitest";
import { buildCopyProbes, REAL_WORD_CANDIDATES } from "./copyProbes.js";

describe("buildCopyProbes", () => {
  it("uses only words absent from the training text, in descriptions that contain them", () => {
    const trainingText = "A TAXI company. Pharmacy in Lyon. kiln";
    const probes = buildCopyProbes({ trainingText, invented: 20, real: 200, seed: 3 });
    const invented = probes.filter((p) => p.kind === "invented");
    const real = probes.filter((p) => p.kind === "real");
    expect(invented).toHaveLength(20);
    expect(new Set(invented.map((p) => p.word)).size).toBe(20);
    expect(real.map((p) => p.word)).not.toContain("taxi");
    expect(real.map((p) => p.word)).not.toContain("kiln");
    expect(new Set(real.map((p) => p.word)).size).toBe(REAL_WORD_CANDIDATES.length - 3);
    for (const p of probes) {
      expect(trainingText.toLowerCase()).not.toContain(p.word);
      expect(p.description.toLowerCase()).toContain(p.word);
    }
    expect(buildCopyProbes({ trainingText, invented: 20, real: 0, seed: 3 })).toEqual(invented);
  });
});
