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

  it("then drops function words and words already said, keeping the content words in order", () => {
    const { text, step } = shortenDescription(description, within(150));
    expect(step).toBe("stopwords");
    expect(text).toBe(
      "small organic coffee shop downtown area Portland. roast beans morning. pastries baked house team. host live jazz Fridays.",
    );
  });

  it("then keeps the leading sentences, then the leading words", () => {
    expect(shortenDescription(description, within(80))).toEqual({
      text: "small organic coffee shop downtown area Portland. roast beans morning.",
      step: "leading-sentences",
    });
    expect(shortenDescription(description, within(30))).toEqual({
      text: "small organic coffee shop",
      step: "leading-words",
    });
    expect(shortenDescription(description, within(1)).text).toBe("small");
  });

  it("is extractive and deterministic, and fits whenever a word can (inputs up to 2,000 characters)", () => {
    const word = fc.stringMatching(/^[A-Za-z]{1,12}[.,!?]?$/);
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 400 }),
        fc.integer({ min: 13, max: 2000 }),
        (words, max) => {
          const input = words.join(" ").slice(0, 2000).trim() || "bakery";
          const once = shortenDescription(input, within(max));
          expect(shortenDescription(input, within(max))).toEqual(once);
          const inputWords = new Set(input.split(" ").map((w) => w.replace(/[.,!?;]+$/, "")));
          for (const kept of once.text.split(" ")) expect(inputWords.has(kept.replace(/[.,!?;]+$/, ""))).toBe(true);
          // Every word is at most 13 characters, so one word always fits.
          expect(once.text.length).toBeLessThanOrEqual(max);
        },
      ),
      { numRuns: 200 },
    );
  });
});
