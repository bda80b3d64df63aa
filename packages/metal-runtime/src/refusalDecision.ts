import { type LlamaContextSequence, type LlamaModel, type Token, TokenBias } from "node-llama-cpp";
import { EngineError, InvalidOptionsError } from "./errors.js";
import { BLOCKED_ANSWER } from "./grammar/suggestionGrammar.js";

/**
 * GGUF metadata key (float32) of a LoRA adapter: a logit added to the blocked answer at the one point where the
 * answer chooses between a list and the refusal. Greedy decoding refuses when the model's refusal log-odds
 * ({@link LocalGenerator.scoreRefusal}) plus this bias is above 0, so the bias is the model's decision threshold,
 * fitted on held-out data like a classifier's (Nomen's default adapter: `tooling/default-model`'s
 * `fit-refusal-bias.ts`). Unset means 0, plain argmax.
 */
export const REFUSAL_BIAS_KEY = "nomen.decision.refusal_bias";

/** The answer's text when the model chooses: `"` opens the first domain, `]` starts the blocked answer. */
export const DECISION_PREFIX = '{"suggestions":[';

/** The tokens at the decision point: the prefix, then the first token of the refusal and of a list. */
export interface DecisionTokens {
  prefix: Token[];
  refuse: Token;
  answer: Token;
}

const cache = new WeakMap<LlamaModel, DecisionTokens | null>();

/**
 * How this model's tokenizer spells the decision: `null` when a token spans the decision point or goes past it (a BPE
 * merge such as `[]`, `["` or `],`), where no single token decides and neither a score nor a bias applies.
 */
export function decisionTokens(model: LlamaModel): DecisionTokens | null {
  if (cache.has(model)) return cache.get(model) ?? null;
  const prefix = model.tokenize(DECISION_PREFIX);
  const blocked = model.tokenize(BLOCKED_ANSWER);
  const list = model.tokenize(`${DECISION_PREFIX}"a.com"]}`);
  const startsWithPrefix = (tokens: Token[]) =>
    tokens.length > prefix.length && prefix.every((token, i) => tokens[i] === token);
  const refuse = blocked[prefix.length];
  const answer = list[prefix.length];
  // The deciding tokens must be exactly "]" and '"': a merged "],", '"a' would leave other tokens the grammar allows.
  const tokens =
    startsWithPrefix(blocked) &&
    startsWithPrefix(list) &&
    refuse !== undefined &&
    answer !== undefined &&
    model.detokenize([refuse]) === "]" &&
    model.detokenize([answer]) === '"'
      ? { prefix, refuse, answer }
      : null;
  cache.set(model, tokens);
  return tokens;
}

/** Like {@link decisionTokens}, but throws {@link InvalidOptionsError} for a tokenizer that merges across the point. */
export function requireDecisionTokens(model: LlamaModel): DecisionTokens {
  const tokens = decisionTokens(model);
  if (!tokens) {
    throw new InvalidOptionsError(
      `this model's tokenizer merges across the list-or-refusal decision (after ${JSON.stringify(DECISION_PREFIX)}), ` +
        "so no single token decides; refusal scores and refusal biases need a tokenizer that splits there (byte-level does)",
    );
  }
  return tokens;
}

/**
 * A `tokenBias` for node-llama-cpp that adds `bias` to the refusal's first token only when the answer so far is
 * exactly {@link DECISION_PREFIX}; everywhere else (the `]` that closes a list included) it adds nothing.
 */
export function refusalTokenBias(model: LlamaModel, bias: number, answerSoFar: () => string): () => TokenBias {
  const { refuse } = requireDecisionTokens(model);
  const atDecision = new TokenBias(model.tokenizer).set(refuse, { logit: bias });
  const elsewhere = new TokenBias(model.tokenizer);
  return () => (answerSoFar() === DECISION_PREFIX ? atDecision : elsewhere);
}

/**
 * The model's refusal log-odds after `promptTokens`: ln p(refusal's first token) − ln p(list's first token) at the
 * decision point, from the full-vocabulary softmax (no grammar, no sampler, no bias). Above 0, greedy decoding refuses.
 */
export async function refusalLogOdds(
  model: LlamaModel,
  sequence: LlamaContextSequence,
  promptTokens: readonly Token[],
): Promise<number> {
  const { prefix, refuse, answer } = requireDecisionTokens(model);
  const tokens = [...promptTokens, ...prefix];
  const last = tokens.pop() as Token;
  const results = await sequence.controlledEvaluate([...tokens, [last, { generateNext: { probabilities: true } }]]);
  const probabilities = results.at(-1)?.next?.probabilities;
  if (!probabilities) throw new EngineError("llama.cpp returned no next-token probabilities at the decision point");
  // float32 softmax underflows to 0 for very unlikely tokens; the smallest float32 keeps the log finite.
  const ln = (token: Token) => Math.log(Math.max(probabilities.get(token) ?? 0, 1.4e-45));
  return ln(refuse) - ln(answer);
}
