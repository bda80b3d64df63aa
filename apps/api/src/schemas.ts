import { z } from "@hono/zod-openapi";
import { validateDomain } from "@nomen/domains";
import { availabilityStatuses, suggestStyles } from "./types.js";

/**
 * The pipeline's limits (`@nomen/suggest`'s `suggestRequestSchema`), so a request the API accepts is one the
 * pipeline accepts: `schemas.test.ts` checks each against `resolveRequest`.
 */
export const requestLimits = Object.freeze({ wordLength: 63, includeWords: 10, excludeWords: 50, tlds: 50 });

const word = z.string().trim().min(1).max(requestLimits.wordLength);

/**
 * A public suffix a name can be registered under (`com`, `io`, `co.uk`, `рф`), checked with `@nomen/domains`
 * against the IANA list and the public-suffix list, and returned in its ASCII form (`xn--p1ai`).
 */
const tld = z
  .string()
  .trim()
  .toLowerCase()
  .transform((value, context) => {
    const suffix = value.replace(/^\./, "");
    const checked = validateDomain(`nomen.${suffix}`);
    if (checked.valid && checked.label === "nomen" && checked.domain === `nomen.${checked.publicSuffix}`) {
      return checked.publicSuffix;
    }
    context.addIssue({
      code: "custom",
      message: `${JSON.stringify(suffix)} is not a TLD or public suffix names are registered under (e.g. com, io, co.uk)${checked.valid ? "" : `: ${checked.message}`}`,
    });
    return z.NEVER;
  });

/** The suggestion request's fields, with `business_description` capped at `maxDescriptionLength`. */
function suggestFields(maxDescriptionLength: number) {
  return {
    business_description: z
      .string()
      .trim()
      .min(1, "must not be empty")
      .max(maxDescriptionLength)
      .openapi({ example: "organic coffee shop in downtown area" }),
    count: z.number().int().min(1).max(20).default(5).openapi({ description: "How many suggestions." }),
    tlds: z
      .array(tld)
      .min(1)
      .max(requestLimits.tlds)
      .optional()
      .openapi({ example: ["com", "io"], description: "TLDs to use, without the dot." }),
    style: z.enum(suggestStyles).optional(),
    max_length: z.number().int().min(1).max(63).optional().openapi({ description: "Longest name before the TLD." }),
    include: z
      .array(word)
      .max(requestLimits.includeWords)
      .optional()
      .openapi({ description: "Every name contains at least one of these words." }),
    exclude: z
      .array(word)
      .max(requestLimits.excludeWords)
      .optional()
      .openapi({ description: "Words the names must not contain." }),
    check_availability: z
      .boolean()
      .default(false)
      .openapi({ description: "Drop names the availability check reports as taken." }),
    allow_hyphens: z.boolean().optional().openapi({ description: "Allow hyphens in names. Defaults to false." }),
    allow_digits: z.boolean().optional().openapi({ description: "Allow digits in names. Defaults to false." }),
    language: z
      .string()
      .regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, "a BCP 47 tag such as en or pt-BR")
      .optional()
      .openapi({ description: "Language of the description and the names (BCP 47). Defaults to en.", example: "en" }),
  };
}

/** `POST /v1/suggestions` body. */
export function suggestBodySchema(maxDescriptionLength: number) {
  return z.strictObject(suggestFields(maxDescriptionLength)).openapi("SuggestRequest");
}

const commaList = (item: z.ZodType<string, string>, max: number) =>
  z
    .string()
    .transform((value) =>
      value
        .split(",")
        .map((part) => part.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item).max(max))
    // `tlds=` (an empty form field) means "not given", as leaving it out does: never an empty list.
    .transform((list) => (list.length > 0 ? list : undefined))
    .optional();

const booleanText = z.enum(["true", "false"]).transform((value) => value === "true");

/** `GET /v1/suggestions/stream` query: the same fields, lists comma-separated, numbers and booleans as text. */
export function suggestQuerySchema(maxDescriptionLength: number) {
  const fields = suggestFields(maxDescriptionLength);
  return z.strictObject({
    business_description: fields.business_description,
    count: z.coerce.number().int().min(1).max(20).default(5),
    tlds: commaList(tld, requestLimits.tlds).openapi({ example: "com,io" }),
    style: fields.style,
    max_length: z.coerce.number().int().min(1).max(63).optional(),
    include: commaList(word, requestLimits.includeWords),
    exclude: commaList(word, requestLimits.excludeWords),
    check_availability: booleanText.default(false),
    allow_hyphens: booleanText.optional(),
    allow_digits: booleanText.optional(),
    language: fields.language,
  });
}

export const suggestionSchema = z
  .object({
    domain: z.string().openapi({ example: "organicbeanscafe.com" }),
    confidence: z.number().min(0).max(1).openapi({ example: 0.92 }),
  })
  .openapi("Suggestion");

export const suggestResponseSchema = z
  .union([
    z.object({ suggestions: z.array(suggestionSchema), status: z.literal("success") }),
    z.object({
      suggestions: z.array(suggestionSchema).max(0),
      status: z.literal("blocked"),
      message: z.string().openapi({ example: "Request contains inappropriate content" }),
    }),
  ])
  .openapi("SuggestResponse");

export const problemSchema = z
  .looseObject({
    type: z.string().openapi({ example: "urn:nomen:problem:rate-limited" }),
    title: z.string().openapi({ example: "Too many requests" }),
    status: z.number().int().openapi({ example: 429 }),
    detail: z.string().openapi({ example: "Rate limit reached; retry in 2 s." }),
    instance: z.string().optional().openapi({ example: "urn:nomen:request:5b0d…" }),
  })
  .openapi("Problem", { description: "RFC 9457 problem details: the one error shape of this API." });

export const availabilityBodySchema = z
  .strictObject({
    domains: z
      .array(z.string().trim().toLowerCase().min(3).max(253))
      .min(1)
      .max(50)
      .openapi({ example: ["organicbeanscafe.com"] }),
  })
  .openapi("AvailabilityRequest");

export const availabilityResponseSchema = z
  .object({
    results: z.array(
      z.object({
        domain: z.string(),
        status: z.enum(availabilityStatuses),
        source: z.string().optional(),
      }),
    ),
  })
  .openapi("AvailabilityResponse");
