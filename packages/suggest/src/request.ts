import { z } from "zod";
import { InvalidRequestError } from "./errors.js";

/** Naming styles; they steer ranking (and the prompt, when prompt hints are on). */
export const SUGGEST_STYLES = ["any", "brandable", "descriptive", "short", "playful", "professional"] as const;
export type SuggestStyle = (typeof SUGGEST_STYLES)[number];

/** Longest description accepted, in characters (the dataset's descriptions are far shorter). */
export const MAX_DESCRIPTION_LENGTH = 2000;

/** TLDs used when a request names none. */
export const DEFAULT_SUGGEST_TLDS: readonly string[] = Object.freeze(["com", "io", "co", "ai", "app", "net"]);

const word = z.string().trim().min(1).max(63);

/**
 * A suggest request, in the JSON shape of `POST /v1/suggestions` (snake_case) so apps pass bodies through.
 * `business_description` may also be raw bytes, which must be valid UTF-8.
 */
export const suggestRequestSchema = z.object({
  business_description: z.union([z.string(), z.instanceof(Uint8Array)]),
  /** Defaults to 5. */
  count: z.number().int().min(1).max(20).default(5),
  /** Defaults to {@link DEFAULT_SUGGEST_TLDS}. */
  tlds: z.array(z.string().trim().min(1).max(63)).min(1).max(50).optional(),
  /** Defaults to "any". */
  style: z.enum(SUGGEST_STYLES).default("any"),
  /** Longest second-level label. Defaults to 63. */
  max_length: z.number().int().min(1).max(63).default(63),
  /** Every name contains at least one of these words. Defaults to none. */
  include: z.array(word).max(10).default([]),
  /** No name contains any of these words. Defaults to none. */
  exclude: z.array(word).max(50).default([]),
  /** Defaults to false: clean names. */
  allow_hyphens: z.boolean().default(false),
  /** Defaults to false. */
  allow_digits: z.boolean().default(false),
  /** Language of the description and the names, BCP 47. Defaults to "en". */
  language: z
    .string()
    .regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/)
    .default("en"),
  /** Keep only names the availability check does not report as taken. Defaults to false. */
  check_availability: z.boolean().default(false),
});

/** What callers send (defaults optional). */
export type SuggestRequest = z.input<typeof suggestRequestSchema>;

/** A request after validation and normalization: every field set, words and TLDs lowercased. */
export interface ResolvedRequest {
  description: string;
  count: number;
  tlds: string[];
  style: SuggestStyle;
  maxLength: number;
  include: string[];
  exclude: string[];
  allowHyphens: boolean;
  allowDigits: boolean;
  language: string;
  checkAvailability: boolean;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

// C0 and C1 controls other than tab, newline and carriage return; also DEL.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** Validates and normalizes a request, or throws `InvalidRequestError` naming the field. */
export function resolveRequest(input: unknown): ResolvedRequest {
  const parsed = suggestRequestSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join(".") || "request";
    throw new InvalidRequestError(field, issue?.message ?? "is malformed", {
      cause: parsed.error,
      expected: "a request matching suggestRequestSchema (business_description required)",
    });
  }
  const r = parsed.data;
  const description = decodeDescription(r.business_description);
  const normalizeWord = (w: string) => w.toLowerCase().replace(/[\s_-]+/g, "");
  const include = [...new Set(r.include.map(normalizeWord))];
  const wordPattern = r.allow_digits ? /^[a-z0-9]+$/ : /^[a-z]+$/;
  for (const w of include) {
    if (!wordPattern.test(w) || w.length > r.max_length) {
      throw new InvalidRequestError("include", `got word ${JSON.stringify(w)}`, {
        expected: `words of 1–${r.max_length} ASCII ${r.allow_digits ? "letters or digits" : "letters"}`,
        hint: "drop spaces and punctuation from include words, or raise max_length",
      });
    }
  }
  return {
    description,
    count: r.count,
    tlds: [...new Set((r.tlds ?? DEFAULT_SUGGEST_TLDS).map((t) => t.toLowerCase().replace(/^\./, "")))],
    style: r.style,
    maxLength: r.max_length,
    include,
    exclude: [...new Set(r.exclude.map(normalizeWord))].filter(Boolean),
    allowHyphens: r.allow_hyphens,
    allowDigits: r.allow_digits,
    language: r.language,
    checkAvailability: r.check_availability,
  };
}

function decodeDescription(value: string | Uint8Array): string {
  let text: string;
  if (typeof value === "string") {
    text = value;
  } else {
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(value);
    } catch (cause) {
      throw new InvalidRequestError("business_description", "is not valid UTF-8", {
        cause,
        expected: "UTF-8 text",
        hint: "send the description as UTF-8",
      });
    }
  }
  if (LONE_SURROGATE.test(text)) {
    throw new InvalidRequestError(
      "business_description",
      "is not valid Unicode (lone surrogates: invalid UTF-8 upstream)",
      { expected: "well-formed Unicode text", hint: "decode the description as UTF-8 before sending it" },
    );
  }
  if (text.includes("\uFFFD")) {
    throw new InvalidRequestError("business_description", "contains U+FFFD: it was decoded from invalid UTF-8", {
      expected: "text without replacement characters",
      hint: "send the original UTF-8 bytes, not a lossy decoding",
    });
  }
  if (CONTROL.test(text)) {
    throw new InvalidRequestError("business_description", "contains control characters", {
      expected: "printable text (tab and newlines allowed)",
      hint: "strip control characters before sending",
    });
  }
  const trimmed = text.replace(/\s+/g, " ").trim();
  if (trimmed === "") {
    throw new InvalidRequestError("business_description", "is empty or only whitespace", {
      expected: "a non-empty description",
      hint: "describe the business in a few words",
    });
  }
  if (trimmed.length > MAX_DESCRIPTION_LENGTH) {
    throw new InvalidRequestError("business_description", `is ${trimmed.length} characters`, {
      expected: `at most ${MAX_DESCRIPTION_LENGTH} characters`,
      hint: "describe the business in a few sentences",
    });
  }
  return trimmed;
}
