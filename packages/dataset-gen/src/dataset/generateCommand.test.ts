import { describe, expect, it } from "vitest";
import { generateCommand } from "./generateCommand.js";

describe("generateCommand", () => {
  it("writes only the options that differ from their defaults", () => {
    expect(generateCommand({ size: 2000, seed: 7, outDir: "datasets/demo" })).toBe(
      "nomen dataset generate --size 2000 --seed 7 --out datasets/demo",
    );
    expect(generateCommand({ size: 20, seed: "a", outDir: "d", requestShare: 0, benignEvasionShare: 0 })).toBe(
      "nomen dataset generate --size 20 --seed a --out d",
    );
  });

  it("states every option given, in the CLI's order; an explicit evasion share of 0 is kept", () => {
    expect(
      generateCommand({
        size: 100,
        seed: 3,
        outDir: "out",
        requestShare: 0.5,
        evasionShare: 0,
        extraBlockedPhrases: true,
        benignEvasionShare: 0.2,
      }),
    ).toBe(
      "nomen dataset generate --size 100 --seed 3 --request-share 0.5 --evasion-share 0 --extra-blocked-phrases --benign-evasion-share 0.2 --out out",
    );
  });
});
