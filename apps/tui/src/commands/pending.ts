import { MissingDependencyError } from "../errors.js";

/**
 * `nomen train` and `nomen eval` until their packages export a job API: checks for it and says what is missing.
 * Integration point: `@nomen/lora-trainer` `trainLora(options & {onProgress, signal})`, `@nomen/evaluator`
 * `evaluate(options & {onProgress, signal})`, both reporting `{phase, done, total, metrics}`, run through
 * `withProgress` like `nomen dataset generate`.
 */
export async function pendingCommand(kind: "train" | "eval"): Promise<number> {
  const [pkg, name] = kind === "train" ? ["@nomen/lora-trainer", "trainLora"] : ["@nomen/evaluator", "evaluate"];
  const module = (await import(pkg).catch(() => ({}))) as Record<string, unknown>;
  const detail =
    typeof module[name] === "function"
      ? `${pkg} exports ${name}, but nomen ${kind} is not wired to it in this version`
      : `${pkg} does not export ${name}() yet`;
  throw new MissingDependencyError(`nomen ${kind} cannot run: ${detail}.`);
}
