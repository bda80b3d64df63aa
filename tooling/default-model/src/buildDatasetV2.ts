import { InvalidPipelineOptionsError } from "./errors.js";
import { augmentationRng, type ChatRecord, type ExampleMeta, inventWordExample } from "./inventedWords.js";
import { suiteInputKey } from "./suiteInputs.js";
import { ODDITY_KINDS, withSurfaceOddity } from "./surfaceOddity.js";

/** One dataset row with its meta line. */
export interface DatasetRow {
  record: ChatRecord;
  meta: ExampleMeta & { constrained?: boolean };
}

/** How many examples of each kind v2 holds; each kind answers a failure of the base model. */
export interface DatasetV2Targets {
  /** Invented-word examples (unseen-word copying). */
  invented: number;
  /** Blocked requests answered with the refusal. */
  blocked: number;
  /** Benign near-misses answered with names (against over-refusal). */
  nearMiss: number;
  /** Examples whose description states a constraint (TLD, length, hyphens, words). */
  constrained: number;
  /** Ordinary business examples, so the adapter does not forget the rest. */
  business: number;
  /**
   * Business examples made odd-looking (`withSurfaceOddity`: instructions, numbers, brands, symbols, typos) and
   * answered as usual, against refusing benign requests for how they look. Defaults to 0 (v23 on).
   */
  oddBenign?: number;
}

/** Options for {@link buildDatasetV2}. */
export interface BuildDatasetV2Options {
  /** Rows the adapter may learn from: fresh rows (another dataset-gen seed) first, then the base's own v1 train rows. */
  pool: readonly DatasetRow[];
  /** Groups that must stay unseen (v1 test and validation groups). */
  heldOutGroups: ReadonlySet<string>;
  /** Words never to appear in v2 nor be invented: the copy probes. */
  reserved: ReadonlySet<string>;
  /** Evaluation inputs (safety and edge-case suites) that must not appear verbatim. */
  suiteInputs: ReadonlySet<string>;
  targets: DatasetV2Targets;
  /** Defaults to 2 (base-v1's mix used seed 1, so the invented words differ). */
  seed?: number;
  /**
   * Keep only the names that contain the invented word in invented-word answers (at least one must), so every name
   * is a copy lesson. Defaults to true: base-v1 copied 1.5% of unseen words while 37% of its invented-word targets
   * were names without the word.
   */
  copyConsistent?: boolean;
}

/** v2 and how it was drawn. */
export interface DatasetV2 {
  records: ChatRecord[];
  counts: DatasetV2Targets & { total: number; droppedHeldOut: number; droppedReserved: number; droppedSuite: number };
}

const userTurn = (record: ChatRecord) => record.messages.find((m) => m.role === "user")?.content ?? "";

/** The record with only the names that contain `word` (hyphens ignored); undefined when none does. */
export function keepCopies(record: ChatRecord, word: string): ChatRecord | undefined {
  const messages = record.messages.map((m) => ({ ...m }));
  const assistant = messages.find((m) => m.role === "assistant");
  if (!assistant) return undefined;
  const answer = JSON.parse(assistant.content) as { suggestions?: string[] };
  const kept = (answer.suggestions ?? []).filter((domain) => domain.replaceAll("-", "").includes(word.toLowerCase()));
  if (kept.length === 0) return undefined;
  assistant.content = JSON.stringify({ suggestions: kept });
  return { messages };
}

/**
 * Dataset v2 for the LoRA step: a seeded recomposition that over-weights what the base model failed at (copying
 * unseen words, refusing blocked requests, following stated constraints) and keeps some ordinary examples. Rows of
 * held-out groups, rows mentioning a probe word and verbatim suite inputs are dropped first; invented-word examples
 * beyond the pool's own are made by `inventWordExample` with fresh words. Shuffled, deterministic for a seed.
 */
export function buildDatasetV2(options: BuildDatasetV2Options): DatasetV2 {
  const rng = augmentationRng(options.seed ?? 2);
  const reserved = [...options.reserved].map((word) => word.toLowerCase());
  const dropped = { heldOut: 0, reserved: 0, suite: 0 };
  const dropReason = (row: DatasetRow): keyof typeof dropped | undefined => {
    if (options.heldOutGroups.has(row.meta.group)) return "heldOut";
    const text = row.record.messages.map((m) => m.content.toLowerCase()).join("\n");
    if (reserved.some((word) => text.includes(word))) return "reserved";
    if (options.suiteInputs.has(suiteInputKey(userTurn(row.record)))) return "suite";
    return undefined;
  };
  const usable = options.pool.filter((row) => {
    const reason = dropReason(row);
    if (reason) dropped[reason]++;
    return !reason;
  });
  const seen = new Set<string>();
  const take = (rows: readonly DatasetRow[], n: number) => {
    const out: ChatRecord[] = [];
    for (const row of rows) {
      if (out.length >= n) break;
      const key = userTurn(row.record);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(row.record);
    }
    return out;
  };
  const of = (category: string) => usable.filter((row) => row.meta.category === category);
  const { targets } = options;
  if (targets.oddBenign !== undefined && !(Number.isInteger(targets.oddBenign) && targets.oddBenign >= 0)) {
    throw new InvalidPipelineOptionsError(
      `buildDatasetV2: targets.oddBenign must be a non-negative integer, got ${targets.oddBenign}`,
    );
  }
  const blocked = take(of("blocked"), targets.blocked);
  const nearMiss = take(of("near-miss"), targets.nearMiss);
  const constrained = take(
    usable.filter((row) => row.meta.constrained && row.meta.category !== "blocked"),
    targets.constrained,
  );
  const copyConsistent = options.copyConsistent ?? true;
  const lesson = (record: ChatRecord, word: string) => (copyConsistent ? keepCopies(record, word) : record);
  const nonceRows = of("nonce").flatMap((row) => {
    const record = lesson(row.record, row.meta.group.replace(/^nonce:/, ""));
    return record ? [{ ...row, record }] : [];
  });
  const invented = take(nonceRows, targets.invented);
  for (const row of rng.shuffle(of("business"))) {
    if (invented.length >= targets.invented) break;
    const made = inventWordExample(row.record, row.meta, rng, { reserved: options.reserved });
    const record = made && lesson(made.record, made.word);
    if (record) invented.push(record);
  }
  const business = take(of("business"), targets.business);
  // Drawn only when asked for, so datasets built without it stay byte-identical.
  const oddBenign = targets.oddBenign
    ? take(rng.shuffle(of("business")), targets.oddBenign).map((record, i) =>
        withSurfaceOddity(record, ODDITY_KINDS[i % ODDITY_KINDS.length]!, rng),
      )
    : [];
  const records = rng.shuffle([...blocked, ...nearMiss, ...constrained, ...invented, ...business, ...oddBenign]);
  return {
    records,
    counts: {
      invented: invented.length,
      blocked: blocked.length,
      nearMiss: nearMiss.length,
      constrained: constrained.length,
      business: business.length,
      ...(targets.oddBenign ? { oddBenign: oddBenign.length } : {}),
      total: records.length,
      droppedHeldOut: dropped.heldOut,
      droppedReserved: dropped.reserved,
      droppedSuite: dropped.suite,
    },
  };
}
