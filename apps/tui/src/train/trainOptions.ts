import { readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { ConfigFileError, UsageError } from "../errors.js";

const positiveInt = z.number().int().positive();

/** `nomen train lora` settings: flags over `--config` file over defaults. */
const loraTrainSchema = z.strictObject({
  /** Base model GGUF (Llama or Qwen2). */
  base: z.string().min(1),
  /** Training JSONL (chat `{"messages"}` or completion `{"prompt","completion"}`). */
  data: z.string().min(1),
  /** Validation JSONL. Defaults to holding out 10% of `data`. */
  val: z.string().min(1).optional(),
  /** Output folder: adapter.gguf, peft/, train-log.json, checkpoints/. */
  out: z.string().min(1),
  /** Defaults to 8. */
  rank: positiveInt.default(8),
  /** Defaults to 16. */
  alpha: z.number().positive().default(16),
  /** Peak learning rate. Defaults to 1e-4. */
  lr: z.number().positive().default(1e-4),
  /** Defaults to 2. */
  epochs: positiveInt.default(2),
  /** Examples per micro-batch. Defaults to 4. */
  batchSize: positiveInt.default(4),
  /** Micro-batches per optimizer step. Defaults to 1. */
  gradAccum: positiveInt.default(1),
  /** Optimizer steps; replaces epochs when set. */
  maxSteps: positiveInt.optional(),
  /** Defaults to 10 (0 = never). */
  checkpointEvery: z.number().int().min(0).default(10),
  /** Longest example in tokens. Defaults to 256. */
  maxLength: positiveInt.default(256),
  /** Continue from the newest checkpoint in `<out>/checkpoints`. Defaults to false. */
  resume: z.boolean().default(false),
  /** Seeds the split, batch order, dropout and LoRA init. Defaults to 0. */
  seed: z.number().int().min(0).default(0),
});

/** Resolved `nomen train lora` options. */
export type LoraTrainOptions = z.infer<typeof loraTrainSchema>;
/** As given on the command line or in the file. */
export type LoraTrainInput = z.input<typeof loraTrainSchema>;

/** Reads a YAML/JSON settings file for `nomen train` (keys as the flags, camelCase or kebab-case). */
export function readTrainConfigFile(path: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (cause) {
    throw new ConfigFileError(`Cannot read the training config ${path}.`, { cause });
  }
  let value: unknown;
  try {
    value = parseYaml(text);
  } catch (cause) {
    throw new ConfigFileError(`The training config ${path} is not valid YAML/JSON.`, { cause });
  }
  if (value === null || value === undefined) return {};
  if (typeof value !== "object" || Array.isArray(value)) {
    throw new ConfigFileError(`The training config ${path} must be a mapping of settings, got ${typeof value}.`);
  }
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => [key.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()), v]),
  );
}

/** Layers defaults < `file` < `flags` (undefined flags do not count) and validates the whole result. */
export function resolveLoraTrainOptions(
  flags: Partial<LoraTrainInput>,
  file?: Record<string, unknown>,
): LoraTrainOptions {
  const given = Object.fromEntries(Object.entries(flags).filter(([, value]) => value !== undefined));
  const parsed = loraTrainSchema.safeParse({ ...file, ...given });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".") || "(settings)"}: ${issue.message}`);
    throw new UsageError(
      `nomen train lora: invalid settings: ${problems.join("; ")}. Hint: --base, --data and --out are required.`,
      { cause: parsed.error },
    );
  }
  return parsed.data;
}
