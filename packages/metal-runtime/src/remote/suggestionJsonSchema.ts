import type { ResolvedConstraints } from "../grammar/resolveConstraints.js";

/**
 * The OpenAI `response_format` JSON schema equivalent of the suggestion grammar, for servers that take
 * schemas rather than GBNF (vLLM, Ollama, llama-server). Servers differ in how much of `pattern` they
 * enforce, so the client checks every item again.
 */
export function suggestionJsonSchema(c: ResolvedConstraints): Record<string, unknown> {
  const chars = c.allowDigits ? "a-z0-9" : "a-z";
  const label = c.allowHyphens
    ? `[${chars}](?:[${chars}-]{0,${Math.max(0, c.maxLabelLength - 2)}}[${chars}])?`
    : `[${chars}]{1,${c.maxLabelLength}}`;
  const tlds = c.tlds.map((t) => t.replaceAll(".", "\\.")).join("|");
  const list = {
    type: "object",
    properties: {
      suggestions: {
        type: "array",
        items: { type: "string", pattern: `^${label}\\.(?:${tlds})$` },
        minItems: c.minCount,
        maxItems: c.count,
      },
    },
    required: ["suggestions"],
    additionalProperties: false,
  };
  return list;
}
