import { describe, expect, it } from "vitest";
import { basicValidate, createTargetChecker, guardUnsafe, strictValidate } from "./checkTarget.js";

describe("checkTarget", () => {
  const check = createTargetChecker();

  it.each(["brightbakery.com", "kypimyrtrepair.io", "lyonboulangerie.fr", "dog-grooming.shop"])(
    "keeps %s",
    (domain) => {
      expect(check(domain)).toEqual({ ok: true });
    },
  );

  it.each([
    ["Bakery.com", "invalid"],
    ["bakery.notatld", "invalid"],
    ["-bakery.com", "invalid"],
    ["ab--bakery.com", "invalid"],
    ["shop.bakery.com", "invalid"],
    ["averyverylongbakeryname.com", "too-long"],
    ["nikeshoes.com", "unsafe"],
    ["paypa1-login.com", "unsafe"],
  ])("rejects %s as %s", (domain, reason) => {
    const verdict = check(domain);
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.reason).toBe(reason);
  });

  it("uses @nomen/domains and @nomen/guard by default, and can run without the safety filter", () => {
    expect(strictValidate("Bakery.com")).toEqual({ valid: false, reason: "not-normalized" });
    expect(basicValidate("bakery.com")).toEqual({ valid: true });
    expect(guardUnsafe("nikeshoes.com")).toMatch(/^trademark\//);
    expect(createTargetChecker({ isUnsafe: () => undefined })("nikeshoes.com")).toEqual({ ok: true });
  });
});
