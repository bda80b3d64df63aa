import type { ResolvedConstraints } from "./resolveConstraints.js";

/** The exact text of the model's "blocked" answer (the dataset's assistant-turn format). */
export const BLOCKED_ANSWER = '{"suggestions":[],"status":"blocked"}';

/**
 * GBNF for the suggestion list `{"suggestions":["a.com","b.io"]}`: `minCount` to `count` quoted domains,
 * lowercase LDH labels with no leading or trailing hyphen, then one of the allowed TLDs as literals.
 * GBNF rather than JSON schema: node-llama-cpp's schema "integer" admits exponents and its `pattern`
 * support is partial; this grammar leaves the model no malformed path.
 *
 * One rule the grammar does not encode and callers filter after it ({@link matchesConstraints}):
 * no "--" inside a label (IDNA reserves it).
 */
export function buildSuggestionGbnf(c: ResolvedConstraints): string {
  const chars = c.allowDigits ? "a-z0-9" : "a-z";
  const edge = `[${chars}]`;
  const middle = c.allowHyphens ? `[${chars}-]` : `[${chars}]`;
  const n = c.maxLabelLength;
  const rules = [
    c.allowBlocked ? "root ::= list | blocked" : "root ::= list",
    `list ::= "{\\"suggestions\\":[" item${repeat(c.minCount - 1, c.count - c.minCount)} "]}"`,
    `blocked ::= ${literal(BLOCKED_ANSWER)}`,
    `item ::= "\\"" label "." tld "\\""`,
    `tld ::= ${c.tlds.map(literal).join(" | ")}`,
  ];
  if (c.mustInclude.length === 0) {
    rules.push(n === 1 ? `label ::= ${edge}` : `label ::= ${edge} (${middle}{0,${n - 2}} ${edge})?`);
  } else {
    // One alternative per word and prefix length, so the label can never exceed maxLabelLength:
    // a prefix of exactly `a` characters (starting on a letter or digit), the word, then at most
    // `n - a - word.length` characters ending on a letter or digit.
    const alternatives = c.mustInclude.flatMap((word) =>
      Array.from({ length: n - word.length + 1 }, (_, a) => {
        const prefix = a === 0 ? "" : a === 1 ? `${edge} ` : `${edge} ${middle}{${a - 1}} `;
        const room = n - a - word.length;
        const suffix = room === 0 ? "" : room === 1 ? ` ${edge}?` : ` (${middle}{0,${room - 1}} ${edge})?`;
        return `${prefix}${literal(word)}${suffix}`;
      }),
    );
    rules.push(`label ::= ${alternatives.join(" | ")}`);
  }
  if (!c.allowBlocked) rules.splice(2, 1);
  return `${rules.join("\n")}\n`;
}

/** `exactly` more items, then up to `optional` more. */
function repeat(exactly: number, optional: number): string {
  const required = exactly === 0 ? "" : exactly === 1 ? ' "," item' : ` ("," item){${exactly}}`;
  return `${required}${optional === 0 ? "" : ` ("," item){0,${optional}}`}`;
}

function literal(text: string): string {
  return JSON.stringify(text);
}
