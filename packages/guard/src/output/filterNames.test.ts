import { describe, expect, it } from "vitest";
import { filterNames } from "./filterNames.js";

describe("filterNames: profanity in any substring or word split", () => {
  it.each([
    ["fuckingfast.com", "profanity/english"],
    ["sh1tshow.io", "profanity/english"],
    ["penisland.net", "profanity/english"],
    ["expertsexchange.com", "profanity/english"],
    ["pornhub-clone.com", "profanity/english"],
    ["mierda-cafe.es", "profanity/spanish"],
    ["putain-bistro.fr", "profanity/french"],
    ["scheisse.de", "profanity/german"],
    ["cazzobar.it", "profanity/italian"],
    ["caralho.com.br", "profanity/portuguese"],
    ["kurwa.pl", "profanity/polish"],
    ["blyatbox.com", "profanity/russian"],
    ["ｆｕｃｋ.com", "profanity/english"],
  ])("drops %s (%s) with a reason that does not repeat the word", (domain, rule) => {
    const { kept, dropped } = filterNames([domain]);
    expect(kept).toEqual([]);
    expect(dropped[0]).toMatchObject({ domain, rule });
    expect(dropped[0]!.reason).not.toMatch(
      /fuck|shit|penis|sex|porn|mierda|putain|scheisse|cazzo|caralho|kurwa|blyat/i,
    );
  });

  it.each([
    "scunthorpeplumbing.co.uk",
    "therapistfinder.com",
    "essexbakery.co.uk",
    "sussexcounty.org",
    "cocktailhour.com",
    "cockpitcoffee.com",
    "cumin-kitchen.com",
    "grapevine.com",
    "analyticsco.com",
    "classicglass.com",
    "assistant.ai",
    "dickensbooks.com",
    "shitakefarm.com",
    "reputationpro.com",
    "merdeka-coffee.com",
    "documentflow.io",
    "compassionate.care",
    "sextantnavigation.com",
    "bassfishing.com",
  ])("keeps the Scunthorpe-style near-miss %s", (domain) => {
    expect(filterNames([domain])).toEqual({ kept: [domain], dropped: [] });
  });
});

describe("filterNames: trademarks and look-alikes", () => {
  it.each([
    ["google.com", "trademark/exact"],
    ["paypal.net", "trademark/exact"],
    ["аррӏе.com", "trademark/lookalike"],
    ["xn--80ak6aa92e.com", "trademark/lookalike"],
    ["goog1e.com", "trademark/lookalike"],
    ["amaz0n.shop", "trademark/lookalike"],
    ["figmа.com", "trademark/lookalike"],
    ["gooogle.com", "trademark/typosquat"],
    ["amazom.com", "trademark/typosquat"],
    ["facebok.com", "trademark/typosquat"],
    ["netlfix.com", "trademark/typosquat"],
    ["netflixdeals.com", "trademark/brand-plus-word"],
    ["mygithub.io", "trademark/brand-plus-word"],
    ["tesla-parts.com", "trademark/brand-plus-word"],
    ["nikeshoes.com", "trademark/brand-plus-word"],
    ["microsoft-support.com", "impersonation/brand-support"],
    ["apple-id-verify.com", "impersonation/brand-support"],
    ["chase-login.com", "impersonation/brand-support"],
    ["wellsfargo-secure.com", "impersonation/brand-support"],
  ])("drops %s (%s)", (domain, rule) => {
    const { dropped } = filterNames([domain]);
    expect(dropped).toHaveLength(1);
    expect(dropped[0]).toMatchObject({ domain, rule });
    expect(dropped[0]!.reason).toMatch(/trademark/);
  });

  it.each([
    "apple.farm",
    "chaseoutdoors.com",
    "target-deals.com",
    "sigma.com",
    "notion.so",
    "orionbakery.com",
    "phoenixfit.com",
    "swiftshop.com",
    "hyper-fitness.com",
    "brightlane.io",
    "googolplex-math.com",
  ])("keeps %s: an ordinary word, not a brand look-alike", (domain) => {
    expect(filterNames([domain]).kept).toEqual([domain]);
  });
});

describe("filterNames: impersonation of banks, governments and support desks", () => {
  it.each([
    ["irs-refund.com", "impersonation/government"],
    ["taxrefundgov.com", "impersonation/government"],
    ["mygov.au", "impersonation/government"],
    ["nhs-appointment.com", "impersonation/government"],
    ["hmrc-taxrefund.co.uk", "impersonation/government"],
    ["usps-delivery.com", "impersonation/government"],
    ["secure-bank-login.com", "impersonation/phishing-pattern"],
    ["wallet-verify.io", "impersonation/phishing-pattern"],
    ["account-suspended-billing.com", "impersonation/phishing-pattern"],
  ])("drops %s (%s)", (domain, rule) => {
    expect(filterNames([domain]).dropped[0]).toMatchObject({ domain, rule });
  });

  it.each([
    "govtech.io",
    "governance-advisors.com",
    "bankside-bakery.co.uk",
    "securelock-doors.com",
    "walletmakers.com",
  ])("keeps %s", (domain) => {
    expect(filterNames([domain]).kept).toEqual([domain]);
  });
});

describe("filterNames: result shape", () => {
  it("keeps order, gives every dropped name a reason and rule, and logs rule and domain only", () => {
    const logged: unknown[] = [];
    const result = filterNames(["brightbakery.com", "gooogle.com", "", "lunarcoffee.co"], {
      logger: { warn: (fields) => void logged.push(fields) },
    });
    expect(result.kept).toEqual(["brightbakery.com", "lunarcoffee.co"]);
    expect(result.dropped.map((d) => d.rule)).toEqual(["trademark/typosquat", "output/empty"]);
    for (const drop of result.dropped) expect(drop.reason.length).toBeGreaterThan(3);
    expect(logged).toEqual([
      { event: "guard.output.dropped", domain: "gooogle.com", rule: "trademark/typosquat" },
      { event: "guard.output.dropped", domain: "", rule: "output/empty" },
    ]);
  });
});
