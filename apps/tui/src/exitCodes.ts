import { ConfigFileError, MissingDependencyError, UsageError } from "./errors.js";

/**
 * Exit codes: 0 ok, 1 unexpected error, 2 usage, 3 a required model or file is missing, 4 the request was blocked,
 * 130 interrupted by Ctrl-C (128 + SIGINT, as shells report it).
 */
export const ExitCode = { ok: 0, error: 1, usage: 2, missing: 3, blocked: 4, interrupted: 130 } as const;

/** The exit code for an error a command threw. */
export function exitCodeFor(error: unknown): number {
  if (error instanceof UsageError || error instanceof ConfigFileError) return ExitCode.usage;
  if (error instanceof MissingDependencyError) return ExitCode.missing;
  return ExitCode.error;
}
