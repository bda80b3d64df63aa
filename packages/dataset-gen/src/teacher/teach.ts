import type { Brief } from "../describe/brief.js";
import { TeacherExhaustedError } from "../errors.js";
import type { Lexicon } from "../lexicon/Lexicon.js";
import { foldAscii } from "../lexicon/taxonomy.js";
import type { Rng } from "../random/Rng.js";
import type { TargetChecker } from "./checkTarget.js";
import { pickTld } from "./pickTld.js";
import { type NamingInput, STRATEGY_FNS, type Strategy } from "./strategies.js";

/** The teacher's answer: domains best first, and the strategy behind each. */
export interface Teaching {
  domains: string[];
  strategies: Strategy[];
}

/** Strategy order after the leading keyword names, per tone (playful leans on sound, premium on short words…). */
const ORDER_BY_TONE: Record<string, Strategy[]> = {
  playful: ["rhyme", "alliteration", "portmanteau", "brandable", "place", "metaphor", "short"],
  quirky: ["portmanteau", "rhyme", "brandable", "alliteration", "metaphor", "place", "short"],
  premium: ["metaphor", "short", "brandable", "place", "alliteration", "portmanteau", "rhyme"],
  minimal: ["short", "brandable", "metaphor", "place", "portmanteau", "alliteration", "rhyme"],
  techy: ["brandable", "short", "portmanteau", "metaphor", "place", "alliteration", "rhyme"],
  classic: ["place", "metaphor", "alliteration", "short", "brandable", "portmanteau", "rhyme"],
  eco: ["metaphor", "place", "alliteration", "brandable", "portmanteau", "short", "rhyme"],
  bold: ["short", "alliteration", "brandable", "metaphor", "portmanteau", "place", "rhyme"],
  friendly: ["alliteration", "place", "brandable", "rhyme", "metaphor", "portmanteau", "short"],
  calm: ["metaphor", "alliteration", "place", "brandable", "short", "portmanteau", "rhyme"],
};

/**
 * The teacher: 5–10 domains for a brief, best first. The first suggestions contain the business keywords
 * (compound names); the rest follow the tone's strategy order. Every domain obeys the stated constraints and
 * passes `check` (validity, length, safety).
 */
export function teach(brief: Brief, rng: Rng, lexicon: Lexicon, check: TargetChecker): Teaching {
  const { constraints } = brief;
  const input: NamingInput = {
    keywords: brief.keywords.map(toAsciiWord).filter((k) => k.length > 0),
    quality: brief.quality && /^[a-z]+$/i.test(foldAscii(brief.quality)) ? toAsciiWord(brief.quality) : undefined,
    city: brief.city ? toAsciiWord(brief.city.name) : undefined,
    industry: brief.industry,
    allowHyphens: !constraints.noHyphens,
    allowNumbers: !constraints.noNumbers,
  };
  if (input.keywords.length === 0)
    throw new TeacherExhaustedError(`teach: no usable keyword in ${JSON.stringify(brief.businessName)}`);
  const want = rng.int(5, 10);
  const order: Strategy[] = ["keyword", ...(ORDER_BY_TONE[brief.toneKind ?? "friendly"] ?? [])];
  const domains: string[] = [];
  const strategies: Strategy[] = [];
  const labels = new Set<string>();
  const take = (strategy: Strategy, rawLabel: string): boolean => {
    const label = fitConstraints(rawLabel, brief);
    if (!label || labels.has(label)) return false;
    const domain = `${label}.${pickTld(domains.length, strategy, brief, rng)}`;
    if (!check(domain).ok) return false;
    labels.add(label);
    domains.push(domain);
    strategies.push(strategy);
    return true;
  };
  // Two keyword names lead; then one name per strategy in tone order, round-robin until enough.
  const keywordNames = STRATEGY_FNS.keyword(input, rng, lexicon);
  let leading = 0;
  for (const label of keywordNames) if (leading < 2 && take("keyword", label)) leading++;
  for (let round = 0; round < 4 && domains.length < want; round++) {
    for (const strategy of order.slice(1)) {
      if (domains.length >= want) break;
      for (const label of rng.shuffle(STRATEGY_FNS[strategy](input, rng, lexicon))) if (take(strategy, label)) break;
    }
    for (const label of keywordNames) if (domains.length < want) take("keyword", label);
  }
  // Tight length limits: clipped keyword stems and short invented words, still led by the keyword's first letters.
  for (let tries = 0; tries < 60 && domains.length < want; tries++) {
    const k = input.keywords[0]!;
    const room = Math.max(3, (constraints.maxLength ?? 8) - 2);
    take("short", k.slice(0, rng.int(2, room)) + rng.pick(["o", "a", "io", "ly", "x", "go", "co", "eo"]));
  }
  if (domains.length < 5) {
    throw new TeacherExhaustedError(
      `teach: expected at least 5 valid domains for ${JSON.stringify(brief.businessName)}, got ${domains.length}. Hint: the constraints may be too tight.`,
    );
  }
  return { domains, strategies };
}

function toAsciiWord(text: string): string {
  return foldAscii(text)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

/** Bends a label to the stated constraints, or returns undefined when it cannot. */
function fitConstraints(label: string, brief: Brief): string | undefined {
  const c = brief.constraints;
  let out = label;
  if (c.noHyphens) out = out.replaceAll("-", "");
  if (c.noNumbers && /\d/.test(out)) return undefined;
  if (c.mustInclude && !out.includes(c.mustInclude)) {
    out = out.length % 2 === 0 ? c.mustInclude + out : out + c.mustInclude;
  }
  if (c.maxLength && out.length > c.maxLength) {
    if (!c.mustInclude) return undefined;
    out = c.mustInclude + out.replace(c.mustInclude, "").slice(0, Math.max(0, c.maxLength - c.mustInclude.length));
    if (out.length > c.maxLength || out.length < 3) return undefined;
  }
  return out;
}
