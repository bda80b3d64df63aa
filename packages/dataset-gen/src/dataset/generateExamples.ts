import type { Brief } from "../describe/brief.js";
import { drawBusinessBrief } from "../describe/drawBrief.js";
import { renderDescription } from "../describe/renderDescription.js";
import { renderRequest } from "../describe/renderRequest.js";
import { DatasetAbortedError, TeacherExhaustedError } from "../errors.js";
import { BLOCKED_TURN, formatAssistantTurn } from "../format/assistantTurn.js";
import { loadLexicon } from "../lexicon/Lexicon.js";
import { Rng } from "../random/Rng.js";
import {
  type DrawBlockedRequestOptions,
  drawBlockedRequest,
  drawNearMissBrief,
  evade,
} from "../safety/drawSafetyBrief.js";
import type { TargetChecker } from "../teacher/checkTarget.js";
import { teach } from "../teacher/teach.js";
import type { Example } from "./Example.js";
import { normalizeText } from "./normalize.js";

/** Share of safety examples: blocked requests and benign near-misses (about 10% together). */
export const SAFETY_MIX = { blocked: 0.075, nearMiss: 0.045 } as const;

/** Options for {@link generateExamples}. */
export interface GenerateExamplesOptions {
  size: number;
  seed: number | string;
  check: TargetChecker;
  /** Share of English non-blocked examples written as requests (`renderRequest`). Defaults to 0. */
  requestShare?: number;
  /** How blocked requests are drawn (`drawBlockedRequest`). Defaults to its defaults. */
  blocked?: DrawBlockedRequestOptions;
  /** Share of English benign examples (not invented-word ones) disguised by `evade`. Defaults to 0. */
  benignEvasionShare?: number;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Draws `size` examples with distinct normalized texts (a duplicate is redrawn). Every example gets its own
 * PRNG stream (`rng.fork(drawIndex)`), so the output depends only on the seed and the size. Yields to the event
 * loop every 500 draws, so progress can be drawn and an abort can arrive.
 */
export async function generateExamples(options: GenerateExamplesOptions): Promise<Omit<Example, "split">[]> {
  const { size, seed, check, requestShare = 0, blocked = {}, benignEvasionShare = 0, signal, onProgress } = options;
  const lexicon = loadLexicon();
  const root = new Rng(`nomen-dataset:${seed}`);
  const seen = new Set<string>();
  const out: Omit<Example, "split">[] = [];
  for (let draw = 0; out.length < size; draw++) {
    if (draw % 500 === 0) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (signal?.aborted) throw new DatasetAbortedError("generateExamples: aborted", { cause: signal.reason });
      onProgress?.(out.length, size);
    }
    if (draw > size * 3 + 1000)
      throw new TeacherExhaustedError(`generateExamples: too many duplicate draws (${draw}) for ${size} examples`);
    const rng = root.fork(draw);
    const example = drawExample(rng, lexicon, check, `${seed}-${draw}`, {
      requestShare,
      blocked,
      benignEvasionShare,
    });
    if (!example) continue;
    const key = normalizeText(example.text);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(example);
  }
  onProgress?.(out.length, size);
  return out;
}

function drawExample(
  rng: Rng,
  lexicon: ReturnType<typeof loadLexicon>,
  check: TargetChecker,
  id: string,
  shares: { requestShare: number; blocked: DrawBlockedRequestOptions; benignEvasionShare: number },
) {
  const { requestShare, benignEvasionShare } = shares;
  const r = rng.next();
  if (r < SAFETY_MIX.blocked) {
    const blocked = drawBlockedRequest(rng, shares.blocked);
    return {
      id,
      text: blocked.text,
      assistant: BLOCKED_TURN,
      group: `blocked:${blocked.phrase}`,
      meta: {
        category: "blocked" as const,
        industry: "blocked",
        businessType: `blocked:${blocked.phrase}`,
        tier: "sentence" as const,
        language: "en" as const,
        constrained: false,
        domains: [],
        strategies: [],
        safetyCategory: blocked.category,
      },
    };
  }
  const brief: Brief =
    r < SAFETY_MIX.blocked + SAFETY_MIX.nearMiss ? drawNearMissBrief(rng) : drawBusinessBrief(rng, lexicon);
  // Drawn only when asked for, so datasets made without requests stay byte-identical.
  const asRequest = requestShare > 0 && brief.language === "en" && rng.chance(requestShare);
  const rendered = asRequest ? renderRequest(brief, rng) : renderDescription(brief, rng);
  const { stated } = rendered;
  // Disguised like blocked requests, so leetspeak and separators say nothing by themselves; never an invented word,
  // whose exact copy is the lesson. Drawn only when asked for, so other datasets stay byte-identical.
  const disguised =
    benignEvasionShare > 0 && brief.category !== "nonce" && brief.language === "en" && rng.chance(benignEvasionShare);
  const text = disguised ? evade(rendered.text, rng) : rendered.text;
  let teaching: ReturnType<typeof teach>;
  try {
    teaching = teach(stated, rng, lexicon, check);
  } catch (error) {
    if (error instanceof TeacherExhaustedError) return undefined;
    throw error;
  }
  return {
    id,
    text,
    assistant: formatAssistantTurn({ suggestions: teaching.domains }),
    group: brief.category === "nonce" ? `nonce:${brief.keywords[0]}` : brief.businessType,
    meta: {
      category: brief.category,
      industry: brief.industry,
      businessType: brief.businessType,
      tier: stated.tier,
      ...(asRequest ? { form: "request" as const } : {}),
      ...(disguised ? { disguised: true as const } : {}),
      language: brief.language,
      constrained: Object.keys(brief.constraints).length > 0,
      domains: teaching.domains,
      strategies: teaching.strategies,
      safetyCategory: brief.blockedCategory,
    },
  };
}
