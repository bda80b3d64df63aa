/**
 * Averages the weights of LoRA checkpoints of one shape (a "soup": checkpoints along one run, or runs from one start)
 * into a new checkpoint; export it with `train-lora.ts --export-only`. Optimizer moments are dropped.
 *   npx tsx scripts/average-checkpoints.ts --out soup.ckpt a.ckpt b.ckpt [c.ckpt …]
 */
import { dirname, resolve } from "node:path";
import { parseArgs } from "node:util";
import { readCheckpoint, writeCheckpoint } from "@nomen/lora-trainer";
import { PipelineInputError } from "../src/index.js";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { out: { type: "string" } } });
if (!values.out || positionals.length < 2)
  throw new PipelineInputError("average-checkpoints: give --out <dir> and at least two checkpoints");
const checkpoints = await Promise.all(positionals.map((path) => readCheckpoint(resolve(path))));
const first = checkpoints[0]!;
const tensors = new Map<string, Float32Array>();
for (const [name, values0] of first.tensors) {
  if (name.includes("#")) continue;
  const sum = new Float32Array(values0.length);
  for (const [i, checkpoint] of checkpoints.entries()) {
    const other = checkpoint.tensors.get(name);
    if (!other || other.length !== sum.length)
      throw new PipelineInputError(`average-checkpoints: ${positionals[i]} lacks ${name} of ${sum.length} values`);
    for (let j = 0; j < sum.length; j++) sum[j]! += other[j]! / checkpoints.length;
  }
  tensors.set(name, sum);
}
const path = await writeCheckpoint(resolve(values.out), { header: first.header, tensors });
console.log(`averaged ${checkpoints.length} checkpoints (${tensors.size} tensors) → ${path} (${dirname(path)})`);
