import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { shortenDescription } from "./shortenDescription.js";

const within = (chars: number) => (text: string) => text.length <= chars;

const description =
  "We are a small organic coffee shop in the downtown area of Portland. We roast our own beans every morning. " +
  "We are a small organic coffee shop in the downtown area of Portland. Our pastries are baked in house by our team. " +
  "We also host live jazz on Fridays.";

describe("shortenDescription", () => {
  it("returns the description untouched when it fits", () => {
    expect(shortenDescription(description, within(10_000))).toEqual({ text: description, step: "none" });
  });

  it("drops a repeated sentence first", () => {
    const { text, step } = shortenDescription(description, within(description.length - 10));
    expect(step).toBe("duplicate-sentences");
    expect(text.match(/organic coffee shop/g)).toHaveLength(1);
    expect(text).toContain("We also host live jazz on Fridays.");
  });

  it("then keeps the leading sentences as written", () => {
    expect(shortenDescription(description, within(150))).toEqual({
      text: "We are a small organic coffee shop in the downtown area of Portland. We roast our own beans every morning.",
      step: "leading-sentences",
    });
    expect(shortenDescription(description, within(80))).toEqual({
      text: "We are a small organic coffee shop in the downtown area of Portland.",
      step: "leading-sentences",
    });
  });

  it("when not even the first sentence fits, drops function words and words already said, then keeps leading words", () => {
    expect(shortenDescription(description, within(60))).toEqual({
      text: "small organic coffee shop downtown area Portland.",
      step: "stopwords",
    });
    const runOn = "we are a small shop and we roast our own beans and we bake bread and we host jazz";
    expect(shortenDescription(runOn, within(60))).toEqual({
      text: "small shop roast beans bake bread host jazz",
      step: "stopwords",
    });
    expect(shortenDescription(description, within(30))).toEqual({
      text: "small organic coffee shop",
      step: "leading-words",
    });
    expect(shortenDescription(description, within(3))).toEqual({ text: "sma", step: "leading-characters" });
    expect(shortenDescription(description, within(0)).text).toBe("s");
    // Text without spaces is cut by characters (code points: an emoji or CJK character is never split).
    expect(shortenDescription("有機咖啡店🌱位於市中心", within(4))).toEqual({
      text: "有機咖啡",
      step: "leading-characters",
    });
    expect(shortenDescription("🌱🌱🌱", (text) => text.length <= 3).text).toBe("🌱");
  });

  it("is extractive and deterministic, and always fits a budget of one character or more (inputs up to 2,000 characters)", () => {
    const word = fc.stringMatching(/^[A-Za-z]{1,12}[.,!?]?$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 400 }), fc.integer({ min: 1, max: 2000 }), (words, max) => {
        const input = words.join(" ").slice(0, 2000).trim() || "bakery";
        const once = shortenDescription(input, within(max));
        expect(shortenDescription(input, within(max))).toEqual(once);
        const inputWords = new Set(input.split(" ").map((w) => w.replace(/[.,!?;]+$/, "")));
        const strip = (word: string) => word.replace(/[.,!?;]+$/, "");
        if (once.step === "leading-characters") {
          expect([...inputWords].some((word) => word.startsWith(strip(once.text)))).toBe(true);
        } else {
          for (const kept of once.text.split(" ")) expect(inputWords.has(strip(kept))).toBe(true);
        }
        // Every word is at most 13 characters, so one word always fits.
        expect(once.text.length).toBeLessThanOrEqual(max);
      }),
      { numRuns: 200 },
    );
  });

  it("never returns empty or broken text for any Unicode input", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme", minLength: 1, maxLength: 200 }),
        fc.integer({ min: 2, max: 300 }),
        (raw, max) => {
          const input = raw.replace(/\s+/g, " ").trim();
          fc.pre(input !== "");
          const { text } = shortenDescription(input, within(max));
          expect(text.length).toBeGreaterThan(0);
          expect(text.length).toBeLessThanOrEqual(Math.max(max, 2));
          // No lone surrogate: a character was never cut in half.
          expect(text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
        },
      ),
      { numRuns: 300 },
    );
  });
});
