import { describe, expect, it } from "vitest";
import { foldText, normalizeViews } from "./normalizeText.js";

describe("foldText", () => {
  it.each([
    ["ＮＵＤＥ", "nude"],
    ["\u0430\u0440\u0440\u04cf\u0435", "apple"],
    ["Straße", "strasse"],
    ["crème brûlée", "creme brulee"],
    ["p\u200bo\u200br\u200bn", "porn"],
    ["⒫⒪⒭⒩", "porn"],
    ["🇸🇪🇽", "sex"],
  ])("%j → %j", (text, folded) => {
    expect(foldText(text)).toBe(folded);
  });
});

describe("normalizeViews", () => {
  it("joins separated letters and decodes leetspeak only inside words", () => {
    expect(normalizeViews("N.U.D.E pics, 24/7").joined).toBe("nude pics 247");
    expect(normalizeViews("n u d e").joined).toBe("nude");
    expect(normalizeViews("c0c@ine for sale").plain).toBe("cocaine for sale");
    expect(normalizeViews("top 500s and $100b+ funds").plain).toBe("top 500s and 100b funds");
    expect(normalizeViews("Hello now! 420").plain).toBe("hello now 420");
  });

  it("leaves 1 and | undecided between i and l in the ambiguous view", () => {
    expect(normalizeViews("a1coho1 and k1ds").joinedAmbiguous).toBe("a1coho1 and k1ds");
  });
});
