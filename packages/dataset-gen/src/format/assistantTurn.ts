import { InvalidAssistantTurnError } from "../errors.js";

/**
 * The system prompt the trainer trains with and the runtime serves with: the very same text.
 * Kept short on purpose: the default model is tiny and byte-level, so every character costs training time.
 */
export const SYSTEM_PROMPT = "Suggest domain names for this business. Reply in JSON.";

/** What the assistant turn says: domains best first, or a refusal. */
export type AssistantTurn = { suggestions: string[] } | { suggestions: []; status: "blocked" };

/**
 * The exact assistant text for a request: `{"suggestions":["a.com","b.io"]}` (domains only, best first —
 * the runtime computes confidence itself) or `{"suggestions":[],"status":"blocked"}`. No spaces, key order fixed.
 *
 * @example
 * formatAssistantTurn({ suggestions: ["kypimyrt.com", "kypimyrtrepair.io"] });
 * // '{"suggestions":["kypimyrt.com","kypimyrtrepair.io"]}'
 * formatAssistantTurn({ blocked: true }); // '{"suggestions":[],"status":"blocked"}'
 */
export function formatAssistantTurn(turn: { suggestions: readonly string[] } | { blocked: true }): string {
  if ("blocked" in turn) return BLOCKED_TURN;
  for (const domain of turn.suggestions) {
    if (typeof domain !== "string" || domain.length === 0 || /[^a-z0-9.-]/.test(domain)) {
      throw new InvalidAssistantTurnError(
        `formatAssistantTurn: expected lowercase ASCII domains (a-z, 0-9, '-', '.'), got ${JSON.stringify(domain)}. Hint: normalize with validateDomain first.`,
      );
    }
  }
  return JSON.stringify({ suggestions: [...turn.suggestions] });
}

/** The exact assistant text of a refused request. */
export const BLOCKED_TURN = '{"suggestions":[],"status":"blocked"}';

/**
 * Parses an assistant text back; throws {@link InvalidAssistantTurnError} unless it is exactly one of the two shapes
 * {@link formatAssistantTurn} writes.
 */
export function parseAssistantTurn(text: string): AssistantTurn {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new InvalidAssistantTurnError(
      `parseAssistantTurn: expected JSON, got ${JSON.stringify(text.slice(0, 200))}`,
      {
        cause,
      },
    );
  }
  const turn = value as { suggestions?: unknown; status?: unknown };
  if (text === BLOCKED_TURN) return { suggestions: [], status: "blocked" };
  if (
    Array.isArray(turn.suggestions) &&
    turn.suggestions.every((d) => typeof d === "string") &&
    formatAssistantTurn({ suggestions: turn.suggestions as string[] }) === text
  ) {
    return { suggestions: turn.suggestions as string[] };
  }
  throw new InvalidAssistantTurnError(
    `parseAssistantTurn: expected exactly {"suggestions":[...]} or ${BLOCKED_TURN}, got ${JSON.stringify(text.slice(0, 200))}`,
  );
}
