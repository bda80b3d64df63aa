/** Base class of every error `@nomen/evaluator` throws on purpose. */
export class EvaluatorError extends Error {
  override name = "EvaluatorError";
}

/** The real-companies file (or another dataset) is missing or unreadable. */
export class DatasetNotFoundError extends EvaluatorError {
  override name = "DatasetNotFoundError";
  constructor(
    readonly path: string,
    options?: ErrorOptions,
  ) {
    super(
      `Dataset not found: expected a JSONL file at ${path}. Hint: pass { dataPath } pointing at shared/data/real-companies/companies.jsonl.`,
      options,
    );
  }
}

/** A JSONL row does not have the fields the evaluator needs. */
export class InvalidDatasetRowError extends EvaluatorError {
  override name = "InvalidDatasetRowError";
  constructor(
    readonly path: string,
    readonly line: number,
    readonly problem: string,
    options?: ErrorOptions,
  ) {
    super(`Invalid row in ${path} at line ${line}: ${problem}.`, options);
  }
}

/** A statistic was asked of inputs it cannot be computed on (empty, unequal lengths, …). */
export class InvalidSampleError extends EvaluatorError {
  override name = "InvalidSampleError";
}

/** A word-vector table is not in the format `encodeWordVectors` writes (wrong magic, truncated). */
export class InvalidWordVectorsError extends EvaluatorError {
  override name = "InvalidWordVectorsError";
}

/** The LLM judge's answer did not match the verdict schema even after retries. */
export class JudgeVerdictParseError extends EvaluatorError {
  override name = "JudgeVerdictParseError";
  constructor(
    readonly raw: string,
    problem: string,
    options?: ErrorOptions,
  ) {
    super(
      `LLM judge verdict could not be parsed: ${problem}; expected {relevance, creativity, professionalism, format: 0–10, reason: string}, got ${JSON.stringify(raw.slice(0, 200))}. Hint: use a model backend that supports JSON-schema constrained output.`,
      options,
    );
  }
}

/** A run id given to the run store does not exist. */
export class RunNotFoundError extends EvaluatorError {
  override name = "RunNotFoundError";
  constructor(
    readonly runId: string,
    options?: ErrorOptions,
  ) {
    super(`Run not found: ${runId}. Hint: list recorded runs with \`nomen runs list\`.`, options);
  }
}

/** A resource (run store, judge) was used after `dispose()`. */
export class DisposedError extends EvaluatorError {
  override name = "DisposedError";
  constructor(what: string) {
    super(`${what} was used after dispose(). Hint: create a new one.`);
  }
}

/** An operation was cancelled through its AbortSignal. */
export class EvaluationAbortedError extends EvaluatorError {
  override name = "EvaluationAbortedError";
}
