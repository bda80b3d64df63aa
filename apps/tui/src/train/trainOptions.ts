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

const numberList = z
  .union([z.number().positive(), z.array(z.number().positive()).min(1)])
  .transform((value) => (Array.isArray(value) ? value : [value]));
const integerList = z
  .union([positiveInt, z.array(positiveInt).min(1)])
  .transform((value) => (Array.isArray(value) ? value : [value]));

/** `nomen train sweep` settings: the LoRA data settings plus lists of values to try. */
const loraSweepSchema = z.strictObject({
  base: z.string().min(1),
  data: z.string().min(1),
  val: z.string().min(1).optional(),
  /** Where `trial-NNN.json` and `results.json` go. */
  out: z.string().min(1),
  /** Learning rates to try. Defaults to [1e-4]. */
  lr: numberList.default([1e-4]),
  /** Ranks to try. Defaults to [8]. */
  rank: integerList.default([8]),
  /** Alphas to try. Defaults to [16]. */
  alpha: numberList.default([16]),
  /** Epoch counts to try. Defaults to [1]. */
  epochs: integerList.default([1]),
  /** Defaults to "grid". */
  method: z.enum(["grid", "random"]).default("grid"),
  /** Trials for "random". Defaults to 8. */
  trials: positiveInt.default(8),
  batchSize: positiveInt.default(4),
  gradAccum: positiveInt.default(1),
  maxLength: positiveInt.default(256),
  seed: z.number().int().min(0).default(0),
});

/** Resolved `nomen train sweep` options. */
export type LoraSweepOptions = z.infer<typeof loraSweepSchema>;
/** As given on the command line or in the file. */
export type LoraSweepInput = z.input<typeof loraSweepSchema>;

/** Layers defaults < `file` < `flags` for `nomen train sweep` and validates the result. */
export function resolveLoraSweepOptions(
  flags: Partial<LoraSweepInput>,
  file?: Record<string, unknown>,
): LoraSweepOptions {
  const given = Object.fromEntries(Object.entries(flags).filter(([, value]) => value !== undefined));
  const parsed = loraSweepSchema.safeParse({ ...file, ...given });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".") || "(settings)"}: ${issue.message}`);
    throw new UsageError(
      `nomen train sweep: invalid settings: ${problems.join("; ")}. Hint: --base, --data and --out are required.`,
      { cause: parsed.error },
    );
  }
  return parsed.data;
}
