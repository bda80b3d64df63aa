import { MissingDependencyError } from "../errors.js";

/**
 * `nomen train` until `@nomen/lora-trainer` exports a training job: checks for it and says what is missing.
 * Integration point: `trainLora(options & {onProgress, signal})` reporting `{phase, done, total, metrics}`, run
 * through `withProgress` like `nomen dataset generate` and `nomen eval`.
 */
export async function pendingCommand(kind: "train"): Promise<number> {
  const [pkg, name] = ["@nomen/lora-trainer", "trainLora"];
  const module = (await import(pkg).catch(() => ({}))) as Record<string, unknown>;
  const detail =
    typeof module[name] === "function"
      ? `${pkg} exports ${name}, but nomen ${kind} is not wired to it in this version`
      : `${pkg} does not export ${name}() yet`;
  throw new MissingDependencyError(`nomen ${kind} cannot run: ${detail}.`);
}
