import { nonceWord, Rng } from "@nomen/dataset-gen";

/** A description built around a business word the model never saw in training. */
export interface CopyProbe {
  word: string;
  kind: "invented" | "real";
  description: string;
}

/**
 * Real business words likely absent from datasets/v1 (the generator's lexicon); {@link buildCopyProbes} keeps only
 * those the training text really lacks, so the list can be long and approximate.
 */
export const REAL_WORD_CANDIDATES = [
  "taxi",
  "pharmacy",
  "izakaya",
  "locksmith",
  "thrift",
  "chimney",
  "upholstery",
  "taxidermy",
  "cobbler",
  "glazier",
  "saddlery",
  "apiary",
  "cidery",
  "creamery",
  "tannery",
  "foundry",
  "smithy",
  "dovecote",
  "hatchery",
  "kennel",
  "cattery",
  "sauna",
  "hammam",
  "laundromat",
  "pawnshop",
  "tattoo",
  "piercing",
  "barbershop",
  "optician",
  "dentures",
  "orthodontics",
  "podiatry",
  "chiropractic",
  "acupuncture",
  "midwifery",
  "doula",
  "notary",
  "bailiff",
  "courier",
  "rickshaw",
  "gondola",
  "ferry",
  "zipline",
  "trampoline",
  "bowling",
  "billiards",
  "karaoke",
  "arcade",
  "planetarium",
  "aquarium",
  "observatory",
  "lighthouse",
  "windmill",
  "sawmill",
  "quarry",
  "brickworks",
  "kiln",
  "pottery",
  "loom",
  "tapestry",
  "quilting",
  "millinery",
  "haberdashery",
  "tailoring",
  "cutlery",
  "locksmithing",
  "falconry",
  "beekeeping",
  "mushroom",
  "truffle",
  "saffron",
  "vanilla",
  "wasabi",
  "kimchi",
  "ramen",
  "dumpling",
  "tortilla",
  "pretzel",
] as const;

const TEMPLATES = [
  (w: string) => `A small ${w} business in town`,
  (w: string) => `${w} shop for families`,
  (w: string) => `We run a friendly ${w} service downtown`,
  (w: string) => `New ${w} company, looking for a short memorable name`,
  (w: string) => `${w[0]!.toUpperCase()}${w.slice(1)} studio for young professionals`,
] as const;

/** Options for {@link buildCopyProbes}. */
export interface BuildCopyProbesOptions {
  /** Every training text, lowercased or not; a probe word must occur in none of it. */
  trainingText: string;
  /** Invented probes. Defaults to 100. */
  invented?: number;
  /** Real-word probes (at most the candidates the training text lacks). Defaults to 100. */
  real?: number;
  /** Defaults to 7. */
  seed?: number;
}

/** Probes whose words appear nowhere in `trainingText`: fresh nonce words and real words the data lacks. */
export function buildCopyProbes(options: BuildCopyProbesOptions): CopyProbe[] {
  const text = options.trainingText.toLowerCase();
  const rng = new Rng(`default-model-copy-probes-${options.seed ?? 7}`);
  const probes: CopyProbe[] = [];
  const used = new Set<string>();
  const template = () => rng.pick(TEMPLATES);
  while (probes.filter((p) => p.kind === "invented").length < (options.invented ?? 100)) {
    const word = nonceWord(rng);
    if (used.has(word) || text.includes(word)) continue;
    used.add(word);
    probes.push({ word, kind: "invented", description: template()(word) });
  }
  const real = REAL_WORD_CANDIDATES.filter((w) => !text.includes(w));
  for (let i = 0; i < Math.min(options.real ?? 100, real.length * TEMPLATES.length); i++) {
    const word = real[i % real.length]!;
    probes.push({ word, kind: "real", description: TEMPLATES[Math.floor(i / real.length) % TEMPLATES.length]!(word) });
  }
  return probes;
}
