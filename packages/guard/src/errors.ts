/** The text given to the input policy is not a string or is too long to check. */
export class GuardInputError extends Error {
  override readonly name = "GuardInputError";
  constructor(expected: string, got: string, options?: ErrorOptions) {
    super(
      `Guard input is invalid: expected ${expected}, got ${got}. Pass the business description as a string.`,
      options,
    );
  }
}

/** The brand list data file is missing or malformed. */
export class BrandDataError extends Error {
  override readonly name = "BrandDataError";
  constructor(detail: string, options?: ErrorOptions) {
    super(
      `Brand data is unusable: ${detail}. Expected an array of {mark, title, generic} objects; regenerate it with \`pnpm --filter @nomen/guard run build:brands\`.`,
      options,
    );
  }
}

/** The LLM classifier answered something that is not the forced JSON verdict. */
export class ClassifierVerdictError extends Error {
  override readonly name = "ClassifierVerdictError";
  constructor(got: string, options?: ErrorOptions) {
    super(
      `LLM classifier verdict is invalid: expected JSON {"allowed": boolean, "category": string | null}, got ${JSON.stringify(got.slice(0, 200))}. Constrain the model with the verdict JSON schema.`,
      options,
    );
  }
}
