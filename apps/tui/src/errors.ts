/** One named error per failure mode of the `nomen` command; `cli.ts` maps each to an exit code. */

/** The command line was used wrongly (exit 2). */
export class UsageError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "UsageError";
  }
}

/** A model, adapter, pipeline or file the command needs is not there (exit 3). */
export class MissingDependencyError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "MissingDependencyError";
  }
}

/** The config file cannot be read or is invalid (exit 2). */
export class ConfigFileError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "ConfigFileError";
  }
}

/** A local state file (shortlist, history, runs) is unreadable; nothing was overwritten (exit 1). */
export class StateFileError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "StateFileError";
  }
}
