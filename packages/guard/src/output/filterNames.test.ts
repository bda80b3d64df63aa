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

describe("filterNames: ordinary names", () => {
  // Two common words per name, the way a name generator combines them; none is a brand on purpose.
  const words =
    "bright lunar green swift blue river stone oak maple cedar pine harbor harvest golden silver iron copper coral ember maple north south east west urban rural sunny cloud spark bloom petal leaf root seed field meadow valley summit peak ridge canyon prairie ocean tide wave shore coast island bay creek brook lake pond rain storm thunder snow frost breeze wind fire flame glow light shadow dawn dusk night star moon sun sky orbit comet nova pixel byte code data logic mind brain smart wise clever quick rapid fast bold brave true pure fresh clean clear simple honest happy merry jolly cozy warm home nest hive den lodge cabin house studio works lab forge mill craft maker build stack layer block cube sphere circle square line point path road trail route bridge gate door key lock vault safe shield guard care kind heart soul spirit zen calm peace haven oasis garden grove orchard farm ranch barn market bazaar shop store cart basket box crate bag pack kit tool gear wheel engine motor drive ride fleet cargo freight parcel post mail note page book story tale word verse song tune beat rhythm melody chord bakery bistro cafe kitchen pantry spice salt pepper honey sugar cocoa coffee tea brew bean grain bread crust dough pie cake cookie candy treat snack feast dish plate bowl cup mug glass bottle barrel cask vine grape berry apple peach plum cherry lemon lime mango melon olive basil mint sage thyme rose lily daisy tulip iris fern moss ivy willow birch elm ash aspen".split(
      " ",
    );

  it("drops at most 1% of 3,000 ordinary two-word names", () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    const names = Array.from({ length: 3000 }, (_, i) => {
      const a = words[Math.floor(random() * words.length)]!;
      const b = words[Math.floor(random() * words.length)]!;
      const tld = ["com", "io", "co", "shop", "app"][i % 5];
      return i % 3 === 0 ? `${a}-${b}.${tld}` : `${a}${b}.${tld}`;
    });
    const { dropped } = filterNames(names);
    console.info(
      `guard output filter: dropped ${dropped.length}/3000 ordinary names: ${dropped.map((d) => d.domain).join(" ")}`,
    );
    expect(dropped.length / names.length).toBeLessThanOrEqual(0.01);
  }, 60_000);
});
