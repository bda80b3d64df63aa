import { validateDomain } from "@nomen/domains";
import { describe, expect, it } from "vitest";
import type { Brief } from "../describe/brief.js";
import { drawBusinessBrief } from "../describe/drawBrief.js";
import { renderDescription } from "../describe/renderDescription.js";
import { loadLexicon } from "../lexicon/Lexicon.js";
import { Rng } from "../random/Rng.js";
import { createTargetChecker, MAX_TARGET_LABEL } from "./checkTarget.js";
import { blend, stem } from "./strategies.js";
import { teach } from "./teach.js";

const lexicon = loadLexicon();
const check = createTargetChecker();

function sample(n: number, seed: string) {
  const out: { brief: Brief; text: string; domains: string[] }[] = [];
  for (let i = 0; i < n; i++) {
    const rng = new Rng(`${seed}:${i}`);
    const { text, stated } = renderDescription(drawBusinessBrief(rng, lexicon), rng);
    out.push({ brief: stated, text, domains: teach(stated, rng, lexicon, check).domains });
  }
  return out;
}

describe("teach", () => {
  const rows = sample(700, "teach");

  it("gives 5–10 distinct domains that pass @nomen/domains validateDomain unchanged", () => {
    for (const { domains } of rows) {
      expect(domains.length).toBeGreaterThanOrEqual(5);
      expect(domains.length).toBeLessThanOrEqual(10);
      expect(new Set(domains).size).toBe(domains.length);
      for (const d of domains) {
        const v = validateDomain(d);
        expect(v.valid && v.domain === d, d).toBe(true);
        expect(d.split(".")[0]!.length).toBeLessThanOrEqual(MAX_TARGET_LABEL);
      }
    }
  });

  it("obeys every constraint stated in the description", () => {
    const constrained = rows.filter((r) => Object.keys(r.brief.constraints).length > 0);
    expect(constrained.length).toBeGreaterThan(50);
    for (const { brief, domains } of constrained) {
      const c = brief.constraints;
      for (const d of domains) {
        const [label, tld] = [d.slice(0, d.lastIndexOf(".")), d.slice(d.lastIndexOf(".") + 1)];
        if (c.noHyphens) expect(label).not.toContain("-");
        if (c.noNumbers) expect(label).not.toMatch(/\d/);
        if (c.tldOnly) expect(c.tldOnly).toContain(tld);
        if (c.maxLength) expect(label.length).toBeLessThanOrEqual(c.maxLength);
        if (c.mustInclude) expect(label).toContain(c.mustInclude);
      }
    }
  });

  it("leads with the business keyword: the first suggestion contains it in ≥ 90% of examples, nonce words included", () => {
    const leads = (r: (typeof rows)[number]) =>
      r.domains[0]!.includes(r.brief.keywords[0]!.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase());
    const unconstrained = rows.filter((r) => !r.brief.constraints.maxLength);
    expect(unconstrained.filter(leads).length / unconstrained.length).toBeGreaterThan(0.9);
    const nonce = unconstrained.filter((r) => r.brief.category === "nonce");
    expect(nonce.length).toBeGreaterThan(120);
    expect(nonce.filter(leads).length / nonce.length).toBeGreaterThan(0.9);
    for (const r of nonce) expect(r.text.toLowerCase()).toContain(r.brief.keywords[0]);
  });

  it("puts .com first in most lists and a place's ccTLD only when the text names the city", () => {
    expect(rows.filter((r) => r.domains[0]!.endsWith(".com")).length / rows.length).toBeGreaterThan(0.7);
    for (const r of rows) {
      if (!r.brief.city) expect(r.text).not.toMatch(/\b(in|near|based in) (Paris|London|Berlin|Madrid)\b/);
    }
  });
});

describe("naming helpers", () => {
  it.each([
    ["dog", "goods", "dogoods"],
    ["bake", "kettle", "bakettle"],
  ])("blend(%s, %s) = %s", (a, b, out) => expect(blend(a, b)).toBe(out));

  it("stems common endings", () => {
    expect(stem("grooming")).toBe("groom");
    expect(stem("bakery")).toBe("bak");
    expect(stem("spa")).toBe("spa");
  });
});
