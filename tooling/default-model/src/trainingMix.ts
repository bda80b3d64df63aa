import { AugmentationError, InvalidPipelineOptionsError, PipelineInputError } from "./errors.js";
import { augmentationRng, type ChatRecord, type ExampleMeta, inventWordExample } from "./inventedWords.js";

/** Options for {@link buildTrainingMix}. */
export interface TrainingMixOptions {
  /** datasets/v1 `train.jsonl` rows. */
  records: readonly ChatRecord[];
  /** The line-aligned `train.meta.jsonl` rows. */
  metas: readonly ExampleMeta[];
  /** Share of invented-word examples in the mix (v1's own nonce rows count). Defaults to 0.5. */
  inventedShare?: number;
  /** Words the augmentation must never invent (the copy probes). Defaults to none. */
  reserved?: ReadonlySet<string>;
  /** Keep only the first N examples of the source (tiny test runs). Defaults to all. */
  limit?: number;
  /** Defaults to 1. */
  seed?: number;
}

/** The mix and what went into it. */
export interface TrainingMix {
  records: ChatRecord[];
  stats: { source: number; sourceInvented: number; added: number; invented: number; total: number; share: number };
}

/**
 * datasets/v1 train + invented-word copies of its real-business examples, so that about `inventedShare` of the mix
 * asks the model to copy a word it cannot have memorized (tiny-model-sizing facts: ~50% makes byte-level models copy).
 * Deterministic for a seed; the added examples are interleaved at seeded positions.
 */
export function buildTrainingMix(options: TrainingMixOptions): TrainingMix {
  const { inventedShare = 0.5, seed = 1 } = options;
  if (!(inventedShare >= 0 && inventedShare < 1))
    throw new InvalidPipelineOptionsError(`inventedShare: expected a number in [0, 1), got ${inventedShare}`);
  if (options.records.length !== options.metas.length)
    throw new PipelineInputError(
      `train and meta rows must be line-aligned: got ${options.records.length} records and ${options.metas.length} metas`,
    );
  const n = Math.min(options.limit ?? options.records.length, options.records.length);
  const records = options.records.slice(0, n);
  const metas = options.metas.slice(0, n);
  const sourceInvented = metas.filter((m) => m.category === "nonce").length;
  // invented / (n + added) = share, where invented = sourceInvented + added
  const wanted = Math.max(0, Math.ceil((inventedShare * n - sourceInvented) / (1 - inventedShare)));
  const rng = augmentationRng(seed);
  const candidates = rng.shuffle(
    metas.map((meta, index) => ({ meta, index })).filter(({ meta }) => meta.category === "business"),
  );
  const added: ChatRecord[] = [];
  for (let round = 0; added.length < wanted && round < 4; round++)
    for (const { meta, index } of candidates) {
      if (added.length >= wanted) break;
      const made = inventWordExample(records[index]!, meta, rng, { reserved: options.reserved });
      if (made) added.push(made.record);
    }
  if (added.length < wanted)
    throw new AugmentationError(
      `could make only ${added.length} of ${wanted} invented-word examples from ${candidates.length} business rows. Hint: lower inventedShare.`,
    );
  const mix = [...records];
  for (const record of added) mix.splice(rng.int(0, mix.length), 0, record);
  const invented = sourceInvented + added.length;
  return {
    records: mix,
    stats: {
      source: n,
      sourceInvented,
      added: added.length,
      invented,
      total: mix.length,
      share: invented / mix.length,
    },
  };
}
