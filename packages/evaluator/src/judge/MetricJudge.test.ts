import { describe, expect, it } from "vitest";
import { WordNet } from "../lexicon/WordNet.js";
import { segmentLabel } from "../text/segmentLabel.js";
import { MetricJudge } from "./MetricJudge.js";
import { RELEVANCE_FEATURE_NAMES, RelevanceModel } from "./relevance/RelevanceModel.js";

const wordnet = WordNet.load();

describe("segmentLabel", () => {
  it.each([
    ["plangrid", "plan grid"],
    ["42floors", "42 floors"],
    ["taptolearn", "tap to learn"],
    ["wire-over", "wire over"],
  ])("splits %s into %s", (label, expected) => {
    const lexicon = { isWord: (t: string) => wordnet.baseForm(t) !== undefined };
    expect(
      segmentLabel(label, lexicon)
        .map((m) => m.text)
        .join(" "),
    ).toBe(expected);
  });
});

describe("MetricJudge", () => {
  const judge = MetricJudge.create({ wordnet });
  it("prefers a fitting, well-formed name and zeroes unusable ones", () => {
    const [fit, random, invalid, impersonation] = judge.scoreList("Payments API for online businesses", [
      "paystream.com",
      "gravelmoth.com",
      "pay stream.com",
      "paypa1-login.com",
    ]);
    expect(fit?.scores.relevance).toBeGreaterThan(random?.scores.relevance ?? 10);
    expect(invalid?.valid).toBe(false);
    expect(invalid?.overall).toBe(0);
    expect(impersonation).toMatchObject({ blocked: true, overall: 0 });
    expect(impersonation?.scores.safety).toBe(0);
    for (const s of [fit, random]) for (const v of Object.values(s?.scores ?? {})) expect(v).toBeGreaterThanOrEqual(0);
  });
  it("penalises repeats, digits, hyphens and length", () => {
    const [a, b, c, d] = judge.scoreList("Bakery delivery", [
      "breadly.com",
      "breadly.com",
      "bread-4-u.biz",
      "thebestbakerydeliveryintown.com",
    ]);
    expect(b?.scores.diversity).toBe(0);
    expect(c?.scores.professionalism).toBeLessThan(a?.scores.professionalism ?? 0);
    expect(d?.scores.length).toBeLessThan(a?.scores.length ?? 0);
  });
  it("uses a safety check when wired", () => {
    const guarded = MetricJudge.create({
      wordnet,
      safety: { check: (d) => ({ blocked: d.startsWith("bad"), category: "profanity" }) },
    });
    const [s] = guarded.scoreList("x", ["badword.com"]);
    expect(s).toMatchObject({ blocked: true, blockedCategory: "profanity", overall: 0 });
  });
});

describe("RelevanceModel", () => {
  it("learns associations from examples and ranks real pairs above shuffled ones", () => {
    const themes = [
      ["bakery bread pastry shop", "bread"],
      ["payments invoices banking", "pay"],
      ["robots warehouse automation", "robo"],
      ["doctors clinic patients health", "med"],
    ] as const;
    const examples = Array.from({ length: 120 }, (_, i) => {
      const [text, stem] = themes[i % themes.length] as readonly [string, string];
      const suffix = ["hub", "base", "nest", "line", "wave", "core", "spot", "lab", "box", "kit"][
        Math.floor(i / themes.length) % 10
      ];
      return {
        description: `${text} number ${i}`,
        domain: `${stem}${suffix}.${["com", "io", "co"][i % 3]}`,
        sector: stem,
      };
    });
    const model = RelevanceModel.train({ wordnet, examples, seed: 2 });
    expect(model.score("fresh bread for cafes", "breadplus.com")).toBeGreaterThan(
      model.score("fresh bread for cafes", "medplus.com"),
    );
    const right = model.features("clinic software for patients", "medplus.com");
    const wrong = model.features("clinic software for patients", "paywell.com");
    expect(right).toHaveLength(RELEVANCE_FEATURE_NAMES.length);
    const at = (name: (typeof RELEVANCE_FEATURE_NAMES)[number]) => RELEVANCE_FEATURE_NAMES.indexOf(name);
    expect(right[at("crossAssociation")]).toBeGreaterThan(wrong[at("crossAssociation")] ?? 0);
    expect(right[at("sectorMatch")]).toBeGreaterThan(wrong[at("sectorMatch")] ?? 0);
  }, 60_000);
});

describe("cachedSafety", () => {
  it("asks the wrapped check once per domain", async () => {
    const { cachedSafety } = await import("./cachedSafety.js");
    let calls = 0;
    const check = cachedSafety(
      {
        check: (domain) => {
          calls++;
          return { blocked: domain.includes("bad") };
        },
      },
      2,
    );
    expect(check.check("bad.com", "x").blocked).toBe(true);
    expect(check.check("BAD.com", "y").blocked).toBe(true);
    expect(calls).toBe(1);
    check.check("a.com", "x");
    check.check("b.com", "x");
    check.check("bad.com", "x");
    expect(calls).toBe(4);
  });
});
