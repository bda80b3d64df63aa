import { clamp10, pronounceability } from "../lexicon/pronunciation.js";
import { WordNet } from "../lexicon/WordNet.js";
import { overallScore, type RubricScores } from "../rubric/rubric.js";
import type { DomainValidity, SafetyCheck } from "./checks.js";
import { listDiversity } from "./listDiversity.js";
import { RelevanceModel } from "./relevance/RelevanceModel.js";
import { domainsValidity, guardSafety } from "./siblingChecks.js";

/** One scored suggestion. */
export interface SuggestionScore {
  domain: string;
  scores: RubricScores;
  overall: number;
  valid: boolean;
  invalidReason?: string;
  blocked: boolean;
  blockedCategory?: string;
}

/** Options of {@link MetricJudge.create}. */
export interface MetricJudgeOptions {
  /** Relevance model. Defaults to the untrained one (lexical features only); pass `RelevanceModel.train(...)` for the validated judge. */
  relevance?: RelevanceModel;
  /** Domain validity. Defaults to @nomen/domains `validateDomain`. */
  validity?: DomainValidity;
  /** Output safety. Defaults to @nomen/guard `filterNames`. */
  safety?: SafetyCheck;
  /** A loaded WordNet. Defaults to loading one (~1 s). */
  wordnet?: WordNet;
}

/** TLDs a business would put on a card; others cost professionalism. */
const PROFESSIONAL_TLDS = new Set([
  "com",
  "ai",
  "io",
  "co",
  "app",
  "dev",
  "org",
  "net",
  "tech",
  "health",
  "bio",
  "finance",
  "so",
]);
const AI_WORDS = /\b(ai|llms?|agents?|machine learning|models?|gpt|genai|artificial intelligence)\b/i;

/**
 * The deterministic rubric judge: every criterion from measurable features, no LLM.
 *
 * @example
 * const judge = MetricJudge.create();
 * judge.scoreList("Payments API for online businesses", ["paystream.com", "xq-7.biz"]);
 */
export class MetricJudge {
  private constructor(
    readonly relevance: RelevanceModel,
    readonly validity: DomainValidity,
    readonly safety: SafetyCheck,
  ) {}

  static create(options: MetricJudgeOptions = {}): MetricJudge {
    const relevance = options.relevance ?? RelevanceModel.untrained(options.wordnet ?? WordNet.load());
    return new MetricJudge(relevance, options.validity ?? domainsValidity, options.safety ?? guardSafety);
  }

  /** Scores every suggestion of one list (diversity is measured within the list). */
  scoreList(description: string, domains: readonly string[]): SuggestionScore[] {
    const diversity = listDiversity(domains);
    return domains.map((domain, i) => this.#score(description, domain, diversity[i] as number));
  }

  #score(description: string, domain: string, diversity: number): SuggestionScore {
    const validity = this.validity.validate(domain);
    const safety = this.safety.check(domain, description);
    const analyzed = this.relevance.analyzer.domain(domain);
    const { label, tld, morphemes } = analyzed;
    const letters = label.replace(/[^a-z]/g, "").length;
    const hasDigits = /[0-9]/.test(label);
    const hasHyphen = label.includes("-");
    const words = morphemes.filter((m) => m.kind === "word").length;
    const unknown = morphemes.filter((m) => m.kind === "unknown").reduce((n, m) => n + m.text.length, 0);
    const descriptionWords = new Set(this.relevance.analyzer.description(description).tokens.map((t) => t.word));
    const copiesOneWord = morphemes.length === 1 && descriptionWords.has(label);

    const relevance = validity.valid ? 10 * this.relevance.score(description, domain) : 0;
    let creativity = 5 + (words >= 2 ? 2 : 0) + (unknown > 0 && unknown <= 4 ? 1.5 : 0) - (copiesOneWord ? 3 : 0);
    creativity -= hasDigits ? 1.5 : 0;
    creativity -= morphemes.length > 3 ? morphemes.length - 3 : 0;
    let professionalism = 10 - (hasDigits ? 3 : 0) - (hasHyphen ? 2.5 : 0) - (PROFESSIONAL_TLDS.has(tld) ? 0 : 3);
    if (tld === "ai" && !AI_WORDS.test(description)) professionalism -= 1;
    if (unknown > letters / 2) professionalism -= 1.5;
    const length =
      label.length <= 10 ? (label.length >= 4 ? 10 : 5 + label.length) : Math.max(0, 10 - (label.length - 10) * 1.2);
    const scores: RubricScores = {
      relevance: clamp10(relevance),
      creativity: clamp10(creativity),
      professionalism: clamp10(professionalism),
      format: validity.valid ? 10 : 0,
      length: clamp10(length),
      pronounceability: pronounceability(label, morphemes),
      diversity: clamp10(diversity),
      safety: safety.blocked ? 0 : 10,
    };
    return {
      domain,
      scores,
      overall: overallScore(scores),
      valid: validity.valid,
      ...(validity.reason ? { invalidReason: validity.reason } : {}),
      blocked: safety.blocked,
      ...(safety.category ? { blockedCategory: safety.category } : {}),
    };
  }
}
