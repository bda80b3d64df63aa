/**
 * Two deterministic template "model versions" that stand in for trained models in the
 * evaluation demo until a trained GGUF ships in models/: they only exist so the A-vs-B
 * machinery runs end to end on real suites. Not part of the package's API.
 */
const SUFFIXES = ["ly", "hub", "io", "nest", "wave", "labs", "go", "base"];
const STOP = new Set(
  "a an the and or for of to in on with my our your we i is are be need names name domain domains please some".split(
    " ",
  ),
);

function keywords(input: string): string[] {
  const words = input.toLowerCase().match(/[a-z]{3,}/g) ?? [];
  return [...new Set(words.filter((w) => !STOP.has(w)))];
}

/** v1: first keyword + suffix, always .com, ignores constraints. */
export function templateV1(input: string): string[] {
  const words = keywords(input);
  if (words.length === 0) return ["mybusiness.com", "mybusiness.com"];
  return SUFFIXES.slice(0, 5).map((suffix, i) => `${words[i % words.length]}${suffix}.com`);
}

/** v2: compounds of two keywords, obeys stated TLD/length/include constraints, dedupes. */
export function templateV2(
  input: string,
  constraints: { tldOnly?: readonly string[]; maxLength?: number; mustInclude?: string } = {},
): string[] {
  const words = keywords(input).slice(0, 6);
  if (words.length === 0) return [];
  const tld = constraints.tldOnly?.[0] ?? (/\b(ai|agents?|llm)\b/i.test(input) ? "ai" : "com");
  const out = new Set<string>();
  for (let i = 0; out.size < 5 && i < 20; i++) {
    const a = words[i % words.length] as string;
    const b = words[(i + 1) % words.length] as string;
    let label = i % 2 === 0 && a !== b ? `${a.slice(0, 5)}${b.slice(0, 4)}` : `${a}${SUFFIXES[i % SUFFIXES.length]}`;
    if (constraints.mustInclude && !label.includes(constraints.mustInclude))
      label = `${constraints.mustInclude}${a.slice(0, 5)}`;
    if (constraints.maxLength) label = label.slice(0, constraints.maxLength);
    out.add(`${label}.${tld}`);
  }
  return [...out];
}
