/**
 * Training checkpoints: one self-describing file per save, written atomically (temp file, fsync, rename), so a
 * `kill -9` leaves either the previous checkpoint or the new one, never half of one.
 * Layout: "NMCK", u32 version, u32 header bytes, JSON header (step, data position, args, …, tensor index),
 * zero padding to 4 bytes, then every tensor's float32 values (little-endian) in index order.
 */
import { mkdir, readdir, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { CheckpointMismatchError } from "../errors.js";
import { writeFileAtomic } from "../export/writeFileAtomic.js";

const MAGIC = "NMCK";
const VERSION = 1;

/** Everything a resumed run needs besides tensors. */
export interface CheckpointHeader {
  /** Optimizer steps completed. */
  step: number;
  /** Micro-batches consumed (the data-order position; the order itself follows from `args.seed`). */
  microBatches: number;
  /** The resolved training arguments, which a resume must match. */
  args: Record<string, unknown>;
  /** Mean training loss of every completed step. */
  losses: number[];
  validationLosses: { step: number; loss: number }[];
  bestValidationLoss: number | null;
  /** Validations since the best one (early stopping). */
  evaluationsWithoutImprovement: number;
  /** AdamW's update count (bias correction). */
  optimizerUpdates: number;
}

export interface Checkpoint {
  header: CheckpointHeader;
  /** Parameter and optimizer tensors by name (`<param>`, `<param>#m`, `<param>#v`). */
  tensors: Map<string, Float32Array>;
}

interface TensorIndexEntry {
  name: string;
  length: number;
}

/** File name of the checkpoint after `step` steps: `step-0000010.ckpt` (sorts by step). */
export function checkpointFileName(step: number): string {
  return `step-${String(step).padStart(7, "0")}.ckpt`;
}

/** Writes `checkpoint` to `dir/step-NNNNNNN.ckpt` atomically; returns the path. */
export async function writeCheckpoint(dir: string, checkpoint: Checkpoint): Promise<string> {
  await mkdir(dir, { recursive: true });
  const index: TensorIndexEntry[] = [...checkpoint.tensors].map(([name, data]) => ({ name, length: data.length }));
  const json = Buffer.from(JSON.stringify({ ...checkpoint.header, tensors: index }), "utf8");
  const headerBytes = 12 + json.length;
  const padding = (4 - (headerBytes % 4)) % 4;
  const prefix = Buffer.alloc(12);
  prefix.write(MAGIC, 0, "latin1");
  prefix.writeUInt32LE(VERSION, 4);
  prefix.writeUInt32LE(json.length, 8);
  const path = join(dir, checkpointFileName(checkpoint.header.step));
  await writeFileAtomic(path, [
    prefix,
    json,
    Buffer.alloc(padding),
    ...[...checkpoint.tensors.values()].map((d) => Buffer.from(d.buffer, d.byteOffset, d.byteLength)),
  ]);
  return path;
}

/** Reads and checks a checkpoint file (magic, version, lengths). */
export async function readCheckpoint(path: string): Promise<Checkpoint> {
  const bytes = await readFile(path);
  const fail = (what: string) =>
    new CheckpointMismatchError(`${path}: ${what}. Hint: delete it and resume from an earlier checkpoint.`);
  if (bytes.length < 12 || bytes.toString("latin1", 0, 4) !== MAGIC) throw fail(`not a checkpoint (magic "${MAGIC}")`);
  const version = bytes.readUInt32LE(4);
  if (version !== VERSION) throw fail(`version ${version}, expected ${VERSION}`);
  const jsonLength = bytes.readUInt32LE(8);
  if (12 + jsonLength > bytes.length) throw fail("truncated header");
  const { tensors: index, ...header } = JSON.parse(bytes.toString("utf8", 12, 12 + jsonLength)) as CheckpointHeader & {
    tensors: TensorIndexEntry[];
  };
  let offset = 12 + jsonLength + ((4 - ((12 + jsonLength) % 4)) % 4);
  const expected = offset + index.reduce((n, t) => n + 4 * t.length, 0);
  if (bytes.length !== expected) throw fail(`${bytes.length} bytes, expected ${expected}`);
  const tensors = new Map<string, Float32Array>();
  for (const { name, length } of index) {
    tensors.set(
      name,
      new Float32Array(bytes.buffer.slice(bytes.byteOffset + offset, bytes.byteOffset + offset + 4 * length)),
    );
    offset += 4 * length;
  }
  return { header, tensors };
}

/** The checkpoint with the highest step in `dir`, or undefined when there is none (temp files are ignored). */
export async function latestCheckpoint(dir: string): Promise<string | undefined> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const latest = names
    .filter((n) => /^step-\d{7}\.ckpt$/.test(n))
    .sort()
    .at(-1);
  return latest === undefined ? undefined : join(dir, latest);
}

/** Removes all but the newest `keep` checkpoints in `dir`, and temp files other processes left behind (kill -9). */
export async function pruneCheckpoints(dir: string, keep: number): Promise<void> {
  const all = await readdir(dir);
  const names = all.filter((n) => /^step-\d{7}\.ckpt$/.test(n)).sort();
  const stale = all.filter((n) => /^step-\d{7}\.ckpt\.\d+\.[0-9a-f]+\.tmp$/.test(n) && !n.includes(`.${process.pid}.`));
  for (const name of [...names.slice(0, Math.max(0, names.length - keep)), ...stale])
    await rm(join(dir, name), { force: true });
}
