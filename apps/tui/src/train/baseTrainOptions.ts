import { z } from "zod";
import { UsageError } from "../errors.js";

const positiveInt = z.number().int().positive();

/**
 * `nomen train base` settings: flags over `--config` file over defaults. The defaults train a ~1M-parameter model,
 * the size that trains at ~1,000 tokens/s on one wasm thread (facts/tfjs.md §4).
 */
const baseTrainSchema = z
  .strictObject({
    /** Training JSONL (chat `{"messages"}` or completion `{"prompt","completion"}`). */
    data: z.string().min(1),
    /** Validation JSONL. Defaults to holding out 10% of `data`. */
    validation: z.string().min(1).optional(),
    /** Output folder: model.gguf, vocabulary.json, train-log.json, checkpoints/. */
    out: z.string().min(1),
    /** Defaults to "qwen2". */
    architecture: z.enum(["qwen2", "llama"]).default("qwen2"),
    /** Model width. Defaults to 128. */
    dim: positiveInt.default(128),
    /** Defaults to 4. */
    layers: positiveInt.default(4),
    /** Defaults to 4. */
    heads: positiveInt.default(4),
    /** Defaults to `heads` (no grouping). */
    kvHeads: positiveInt.optional(),
    /** Defaults to 3·dim rounded up to a multiple of 32. */
    ffn: positiveInt.optional(),
    /**
     * "byte" (256 byte tokens + ChatML specials, 259 tokens), "bpe:N" (N merges learned from the training data on
     * top of the bytes), or a GGUF file whose tokenizer to use. Defaults to "byte".
     */
    vocab: z.string().min(1).default("byte"),
    /** Training tokens (non-padding, prompt included); sets the number of optimizer steps. Defaults to 200,000. */
    tokens: positiveInt.default(200_000),
    /** Replaces `tokens` when set. */
    maxSteps: positiveInt.optional(),
    /** Examples per micro-batch. Defaults to 8. */
    batchSize: positiveInt.default(8),
    /** Micro-batches per optimizer step. Defaults to 1. */
    gradAccum: positiveInt.default(1),
    /** Peak learning rate (5% warmup, cosine decay to 10%). Defaults to 3e-3. */
    lr: z.number().positive().default(3e-3),
    /** Longest example in tokens (longer ones are skipped); also the model's context length. Defaults to 256. */
    maxLength: positiveInt.default(256),
    /** Defaults to 20 (0 = never). */
    checkpointEvery: z.number().int().min(0).default(20),
    /** Steps between validation losses. Defaults to 50 (0 = never). */
    evalEvery: z.number().int().min(0).default(50),
    /** Matrix type in model.gguf. Defaults to "F32". */
    type: z.enum(["F32", "F16", "Q8_0"]).default("F32"),
    /** Continue from the newest checkpoint in `<out>/checkpoints`. Defaults to false. */
    resume: z.boolean().default(false),
    /** Seeds the split, batch order and initialisation. Defaults to 0. */
    seed: z.number().int().min(0).default(0),
  })
  .refine((o) => o.dim % o.heads === 0, { message: "dim must be a multiple of heads", path: ["dim"] })
  .refine((o) => o.heads % (o.kvHeads ?? o.heads) === 0, {
    message: "heads must be a multiple of kvHeads",
    path: ["kvHeads"],
  })
  .refine((o) => (o.dim / o.heads) % 2 === 0, { message: "dim / heads (head size) must be even (RoPE)", path: ["dim"] })
  .refine((o) => /^(byte|bpe:\d+)$/.test(o.vocab) || o.vocab.endsWith(".gguf"), {
    message: 'expected "byte", "bpe:<merges>" or a .gguf file',
    path: ["vocab"],
  });

/** Resolved `nomen train base` options. */
export type BaseTrainOptions = z.infer<typeof baseTrainSchema>;
/** As given on the command line or in the file. */
export type BaseTrainInput = z.input<typeof baseTrainSchema>;

/** Layers defaults < `file` < `flags` (undefined flags do not count) and validates the whole result. */
export function resolveBaseTrainOptions(
  flags: Partial<BaseTrainInput>,
  file?: Record<string, unknown>,
): BaseTrainOptions {
  const given = Object.fromEntries(Object.entries(flags).filter(([, value]) => value !== undefined));
  const parsed = baseTrainSchema.safeParse({ ...file, ...given });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".") || "(settings)"}: ${issue.message}`);
    throw new UsageError(
      `nomen train base: invalid settings: ${problems.join("; ")}. Hint: --data and --out are required.`,
      { cause: parsed.error },
    );
  }
  return parsed.data;
}

/** The feed-forward width: `ffn`, else 3·dim rounded up to a multiple of 32. */
export function ffnWidth(options: Pick<BaseTrainOptions, "dim" | "ffn">): number {
  return options.ffn ?? Math.ceil((3 * options.dim) / 32) * 32;
}
