import { nonceWord, Rng } from "@nomen/dataset-gen";

/** One chat example as datasets/v1 stores it. */
export interface ChatRecord {
  messages: { role: "system" | "user" | "assistant"; content: string }[];
}

/** The datasets/v1 `*.meta.jsonl` fields this package reads. */
export interface ExampleMeta {
  category: string;
  group: string;
  language?: string;
}

/** Options for {@link inventWordExample}. */
export interface InventWordOptions {
  /** Words never to invent (e.g. the held-out copy probes). Defaults to none. */
  reserved?: ReadonlySet<string>;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Turns a real-business example into an invented-word one: the business's key word (the longest word of its group
 * that the description and at least one domain contain) becomes a fresh nonce word in the description and in every
 * domain. The answer keeps the teacher's structure, so the only way to get it right is to copy the word.
 * Returns `undefined` when no key word appears in both.
 */
export function inventWordExample(
  record: ChatRecord,
  meta: ExampleMeta,
  rng: Rng,
  options: InventWordOptions = {},
): { record: ChatRecord; word: string; replaced: string } | undefined {
  const user = record.messages.find((m) => m.role === "user");
  const assistant = record.messages.find((m) => m.role === "assistant");
  if (!user || !assistant) return undefined;
  const candidates = meta.group
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((w) => w.length >= 4)
    .sort((a, b) => b.length - a.length);
  const key = candidates.find(
    (w) => new RegExp(`\\b${escapeRegExp(w)}`, "i").test(user.content) && assistant.content.includes(w),
  );
  if (!key) return undefined;
  let word = nonceWord(rng);
  while (options.reserved?.has(word)) word = nonceWord(rng);
  const capitalised = word[0]!.toUpperCase() + word.slice(1);
  const content = user.content
    .replace(new RegExp(escapeRegExp(key[0]!.toUpperCase() + key.slice(1)), "g"), capitalised)
    .replace(new RegExp(escapeRegExp(key), "gi"), word);
  const messages = record.messages.map((m) => {
    if (m === user) return { ...m, content };
    if (m === assistant) return { ...m, content: m.content.split(key).join(word) };
    return { ...m };
  });
  return { record: { messages }, word, replaced: key };
}

/** A fresh seeded generator for the augmentation (dataset-gen's PRNG). */
export function augmentationRng(seed: number): Rng {
  return new Rng(`default-model-augment-${seed}`);
}
