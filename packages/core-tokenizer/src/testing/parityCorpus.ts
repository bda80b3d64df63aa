import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { pick, seededRandom } from "./random.js";

/** `../shared/data/real-companies/companies.jsonl` beside the repository (or `$NOMEN_COMPANIES_PATH`). */
export const DEFAULT_COMPANIES_PATH: string =
  process.env["NOMEN_COMPANIES_PATH"] ??
  fileURLToPath(new URL("../../../../../shared/data/real-companies/companies.jsonl", import.meta.url));

/** Options for {@link buildParityCorpus}. */
export interface ParityCorpusOptions {
  /** Path of companies.jsonl; skipped (with `companiesMissing` set) when absent. Defaults to none. */
  companiesPath?: string;
  /** Generated strings (besides the companies). Defaults to 20,000. */
  generated?: number;
  /** PRNG seed. Defaults to 7. */
  seed?: number;
}

/** The parity corpus and where its strings came from. */
export interface ParityCorpus {
  readonly strings: readonly string[];
  readonly counts: Readonly<Record<string, number>>;
  readonly companiesMissing: boolean;
}

const BUSINESS = [
  "bakery",
  "law firm",
  "bike repair shop",
  "AI startup",
  "yoga studio",
  "dental clinic",
  "coffee roaster",
  "SaaS for dentists",
  "vegan café",
  "drone surveyor",
  "tattoo parlor",
  "plumbing service",
  "B2B payments API",
  "kids' coding school",
  "vintage record store",
];
const PLACES = [
  "Lyon",
  "São Paulo",
  "Kraków",
  "Zürich",
  "Reykjavík",
  "Montréal",
  "Istanbul",
  "Tōkyō",
  "Düsseldorf",
  "Bogotá",
  "Cape Town",
  "Austin, TX",
  "New York",
];
const TRAITS = [
  "eco-friendly",
  "family-run",
  "24/7",
  "award-winning",
  "AI-powered",
  "open-source",
  "no-code",
  "self-serve",
  "hand-made",
  "cloud-native",
];
const TLDS = [".com", ".io", ".ai", ".co", ".fr", ".de", ".shop", ".app", ".dev", ".xn--p1ai"];
const MULTILINGUAL = [
  "北京的一家咖啡店，提供手冲咖啡和甜点。",
  "東京のラーメン屋、深夜まで営業しています。",
  "서울에 있는 작은 빵집입니다.",
  "مخبز عائلي في القاهرة يقدم الخبز الطازج",
  "מאפייה משפחתית בתל אביב",
  "Маленькая пекарня в Москве с 1998 года",
  "Μια μικρή ταβέρνα στην Αθήνα",
  "दिल्ली में एक छोटी सी चाय की दुकान",
  "ร้านกาแฟเล็กๆ ในกรุงเทพ",
  "Quán cà phê nhỏ ở Hà Nội",
  "Crème brûlée, façade, naïve, déjà vu",
  "Straße, Größe, Übermaß, Öl",
  "niño, señor, corazón, ¿qué?",
  "Zażółć gęślą jaźń",
  "İstanbul'da küçük bir fırın",
  "ʻŌlelo Hawaiʻi",
  "Ελληνικά και English μαζί",
  "Ǆ ǅ ǆ ﬁ ﬂ Ⅻ ℃ ™",
  "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𝕄𝕒𝕥𝕙 𝟙𝟚𝟛",
];
const EMOJI = ["🎉", "👨‍👩‍👧‍👦", "👩🏽‍💻", "🏳️‍🌈", "🇫🇷", "🇯🇵", "❤️", "🤷‍♀️", "🧑‍🚀", "☕", "🍞", "✨", "1️⃣", "🫶🏿"];
const SPACES = [
  " ",
  "  ",
  "\t",
  "\n",
  "\n\n",
  "\r\n",
  "   \n",
  "\u00a0",
  "\u3000",
  "\u2028",
  "\u2003",
  "\u200b",
  "\v",
  "\f",
  " \t \n",
];
const CODE = [
  "function add(a, b) {\n  return a + b;\n}\n",
  'def main():\n    for i in range(10):\n        print(f"{i:03d}")\n',
  'fn main() { let v: Vec<u8> = vec![1, 2, 3]; println!("{:?}", v); }',
  '<div class="card"><a href="https://example.com/?q=1&x=2">Link</a></div>',
  "SELECT name, COUNT(*) FROM companies WHERE domain LIKE '%.io' GROUP BY name;",
  "const re = /^(?:[a-z0-9-]{1,63}\\.)+[a-z]{2,}$/i;",
  '{"messages":[{"role":"user","content":"hi"}],"ok":true,"n":-1.5e-3}',
  '#!/usr/bin/env bash\nset -euo pipefail\nfor f in *.json; do jq . "$f"; done\n',
  "\tif (x !== null && y?.z) {\r\n\t\tthrow new Error(`bad $" + "{x}`);\r\n\t}",
  "    indented    four    spaces    \n        eight\n",
];
const SPECIAL_LIKE = [
  "<|im_start|>",
  "<|im_end|>",
  "<|endoftext|>",
  "<think>",
  "</think>",
  "<tool_call>",
  "<|im_start|",
  "<|im_",
  "|>",
  "<||>",
  "<|fim_prefix|>",
  "<|IM_START|>",
  "< |im_end| >",
  "<|im_start|><|im_start|>",
];
const WORDS = [
  "the",
  "domain",
  "name",
  "I'LL",
  "don't",
  "it's",
  "We'RE",
  "you've",
  "'S",
  "’s",
  "rock'n'roll",
  "o'clock",
  "hello",
  "world",
  "naïve",
  "café",
];

/**
 * Builds the parity corpus (default ≥ 20,000 strings, plus the real companies when the file is
 * there): generated business text and chat records, multilingual text, emoji with ZWJ, whitespace
 * and newline runs, numbers, code, contractions, special-token look-alikes and NFD text.
 * Deterministic for a seed.
 */
export function buildParityCorpus(options: ParityCorpusOptions = {}): ParityCorpus {
  const random = seededRandom(options.seed ?? 7);
  const counts: Record<string, number> = {};
  const strings: string[] = [];
  const add = (kind: string, text: string): void => {
    strings.push(text);
    counts[kind] = (counts[kind] ?? 0) + 1;
  };
  let companiesMissing = true;
  if (options.companiesPath !== undefined && existsSync(options.companiesPath)) {
    companiesMissing = false;
    for (const line of readFileSync(options.companiesPath, "utf8").split("\n")) {
      if (line.trim() === "") continue;
      const row = JSON.parse(line) as { description?: string };
      if (typeof row.description === "string") add("companies", row.description);
    }
  }
  const generators: Array<[string, () => string]> = [
    ["generated", () => generatedDescription(random)],
    ["generated", () => chatRecord(random)],
    ["multilingual", () => mix(random, [...MULTILINGUAL, ...EMOJI, ...WORDS], 1 + Math.floor(random() * 5))],
    ["emoji", () => mix(random, [...EMOJI, ...WORDS, " "], 2 + Math.floor(random() * 6))],
    ["whitespace", () => mix(random, [...SPACES, ...WORDS, ...SPACES], 2 + Math.floor(random() * 10))],
    ["numbers", () => numbers(random)],
    ["code", () => mix(random, CODE, 1 + Math.floor(random() * 2))],
    ["special-like", () => mix(random, [...SPECIAL_LIKE, ...WORDS, "\n", " "], 2 + Math.floor(random() * 6))],
    ["nfd", () => mix(random, MULTILINGUAL, 1).normalize(random() < 0.5 ? "NFD" : "NFKD")],
    ["random-unicode", () => randomUnicode(random)],
  ];
  const total = options.generated ?? 20_000;
  for (let i = 0; i < total; i++) {
    const [kind, make] = generators[i % generators.length] as [string, () => string];
    add(kind, make());
  }
  return { strings, counts, companiesMissing };
}

function mix(random: () => number, parts: readonly string[], n: number): string {
  let out = "";
  for (let i = 0; i < n; i++) out += pick(random, parts) + (random() < 0.3 ? pick(random, SPACES) : "");
  return out;
}

function generatedDescription(random: () => number): string {
  const name = pick(random, ["Nomen", "Brightleaf", "Okapi", "Zephyr", "Luma", "Kettle & Co"]);
  return `${name} is a ${pick(random, TRAITS)} ${pick(random, BUSINESS)} in ${pick(random, PLACES)}. Try ${name.toLowerCase().replace(/\W+/g, "")}${pick(random, TLDS)} or get-${pick(random, ["bread", "fit", "code", "legal"])}${pick(random, TLDS)}!`;
}

function chatRecord(random: () => number): string {
  const user = `Suggest domains for: ${generatedDescription(random)}`;
  const answer = JSON.stringify({
    suggestions: [
      { domain: `x${Math.floor(random() * 1e4)}${pick(random, TLDS)}`, confidence: Math.round(random() * 100) / 100 },
    ],
  });
  return JSON.stringify({
    messages: [
      { role: "user", content: user },
      { role: "assistant", content: answer },
    ],
  });
}

function numbers(random: () => number): string {
  const forms = [
    () => String(Math.floor(random() * 1e12)),
    () => (random() * 1e6).toFixed(Math.floor(random() * 6)),
    () => `+1 (${Math.floor(random() * 900 + 100)}) 555-${String(Math.floor(random() * 1e4)).padStart(4, "0")}`,
    () => `${2000 + Math.floor(random() * 30)}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}T12:34:56Z`,
    () => `$${(random() * 1e7).toLocaleString("en-US", { maximumFractionDigits: 2 })}`,
    () => `${(random() * 10).toExponential(3)} ±0.5%`,
    () => "٠١٢٣٤٥٦٧٨٩ ０１２３ ²³ ½ ⅞ Ⅻ 〇",
  ];
  return `${pick(random, forms)()} ${pick(random, forms)()}`;
}

/** Valid scalar values from long-established blocks (Latin to CJK, emoji), never surrogates. */
function randomUnicode(random: () => number): string {
  const ranges: Array<[number, number]> = [
    [0x20, 0x7e],
    [0xa0, 0x24f],
    [0x370, 0x3ff],
    [0x400, 0x4ff],
    [0x590, 0x6ff],
    [0x900, 0x97f],
    [0xe00, 0xe7f],
    [0x3040, 0x30ff],
    [0x4e00, 0x9fff],
    [0xac00, 0xd7a3],
    [0x1f300, 0x1f64f],
    [0x300, 0x36f],
  ];
  let out = "";
  const n = 1 + Math.floor(random() * 20);
  for (let i = 0; i < n; i++) {
    const [lo, hi] = pick(random, ranges);
    out += String.fromCodePoint(lo + Math.floor(random() * (hi - lo + 1)));
  }
  return out;
}

/** Every `length / n`-th string: a spread-out sample for the fast default test suite. */
export function sampleCorpus(strings: readonly string[], n: number): string[] {
  const step = Math.max(1, Math.floor(strings.length / n));
  const out: string[] = [];
  for (let i = 0; i < strings.length && out.length < n; i += step) out.push(strings[i] as string);
  return out;
}
