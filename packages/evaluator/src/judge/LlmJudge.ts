import { JudgeVerdictParseError } from "../errors.js";
import { type Random, seededRandom, shuffled } from "../stats/random.js";
import { hashText } from "../tracking/hashFile.js";

/** The LLM judge's verdict on one suggestion (0–10 each). */
export interface LlmVerdict {
  domain: string;
  relevance: number;
  creativity: number;
  professionalism: number;
  format: number;
  reason: string;
}

/**
 * What the LLM judge needs from @nomen/metal-runtime (local GGUF or remote OpenAI-compatible):
 * one completion constrained by a JSON schema, returned as text.
 */
export interface JudgeModel {
  /** Identifies model + adapter (e.g. file hash) so cached verdicts never cross models. */
  readonly id: string;
  completeJson(options: { prompt: string; schema: Record<string, unknown>; signal?: AbortSignal }): Promise<string>;
}

const SCORE = { type: "integer", minimum: 0, maximum: 10 };

/** JSON schema that forces the verdict shape. */
export const VERDICT_SCHEMA: Record<string, unknown> = {
  type: "object",
  properties: {
    verdicts: {
      type: "array",
      items: {
        type: "object",
        properties: {
          domain: { type: "string" },
          relevance: SCORE,
          creativity: SCORE,
          professionalism: SCORE,
          format: SCORE,
          reason: { type: "string" },
        },
        required: ["domain", "relevance", "creativity", "professionalism", "format", "reason"],
      },
    },
  },
  required: ["verdicts"],
};

const PROMPT_VERSION = "rubric-v1";

/** The rubric prompt for one list, suggestions in the given order. */
export function rubricPrompt(description: string, domains: readonly string[]): string {
  return [
    "You are a strict judge of domain-name suggestions for a business. Score each domain 0–10 on:",
    "- relevance: how well the name fits what the business does;",
    "- creativity: memorable and brandable rather than generic;",
    "- professionalism: would a serious company use it (no digits or hyphens without reason, a fitting TLD);",
    "- format: a valid, registrable domain name (label + TLD, letters/digits/hyphens).",
    "Judge each domain on its own merits; their order means nothing. Give a one-sentence reason.",
    "",
    `Business: ${description}`,
    "Domains:",
    ...domains.map((d) => `- ${d}`),
  ].join("\n");
}

/**
 * Rubric judge through an LLM: JSON-schema constrained verdicts, suggestions shuffled per
 * call (seeded) against position bias, verdicts cached by content hash.
 */
export class LlmJudge {
  readonly #cache = new Map<string, LlmVerdict[]>();
  readonly #random: Random;

  constructor(
    readonly model: JudgeModel,
    options: { seed?: number; retries?: number } = {},
  ) {
    this.#random = seededRandom(options.seed ?? 1);
    this.retries = options.retries ?? 1;
  }

  readonly retries: number;

  /** Cache size (distinct judged lists). */
  get cached(): number {
    return this.#cache.size;
  }

  /** Verdicts in the order of `domains`. */
  async judge(options: {
    description: string;
    domains: readonly string[];
    signal?: AbortSignal;
  }): Promise<LlmVerdict[]> {
    const { description, domains, signal } = options;
    const key = hashText(JSON.stringify([PROMPT_VERSION, this.model.id, description, [...domains].sort()]));
    const cached = this.#cache.get(key);
    if (cached) return domains.map((d) => cached.find((v) => v.domain === d) as LlmVerdict);
    const order = shuffled(domains, this.#random);
    let lastError: JudgeVerdictParseError | undefined;
    for (let attempt = 0; attempt <= this.retries; attempt++) {
      signal?.throwIfAborted();
      const raw = await this.model.completeJson({
        prompt: rubricPrompt(description, order),
        schema: VERDICT_SCHEMA,
        signal,
      });
      try {
        const verdicts = parseVerdicts(raw, domains);
        this.#cache.set(key, verdicts);
        return verdicts;
      } catch (error) {
        if (!(error instanceof JudgeVerdictParseError)) throw error;
        lastError = error;
      }
    }
    throw lastError as JudgeVerdictParseError;
  }
}

/** Parses and validates a verdict JSON; every domain must get exactly one verdict. */
export function parseVerdicts(raw: string, domains: readonly string[]): LlmVerdict[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (cause) {
    throw new JudgeVerdictParseError(raw, "not JSON", { cause });
  }
  const list = (parsed as { verdicts?: unknown })?.verdicts;
  if (!Array.isArray(list)) throw new JudgeVerdictParseError(raw, "missing verdicts array");
  const byDomain = new Map<string, LlmVerdict>();
  for (const item of list as Record<string, unknown>[]) {
    const domain = String(item?.domain ?? "").toLowerCase();
    const fields = ["relevance", "creativity", "professionalism", "format"] as const;
    for (const f of fields) {
      const v = item?.[f];
      if (typeof v !== "number" || v < 0 || v > 10)
        throw new JudgeVerdictParseError(raw, `${f} of ${domain || "?"} is not a number 0–10`);
    }
    byDomain.set(domain, {
      domain,
      relevance: item.relevance as number,
      creativity: item.creativity as number,
      professionalism: item.professionalism as number,
      format: item.format as number,
      reason: String(item.reason ?? ""),
    });
  }
  return domains.map((d) => {
    const verdict = byDomain.get(d.toLowerCase());
    if (!verdict) throw new JudgeVerdictParseError(raw, `no verdict for ${d}`);
    return { ...verdict, domain: d };
  });
}
