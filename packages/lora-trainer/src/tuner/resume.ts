import type { Tensor } from "@tensorflow/tfjs";
import { CheckpointMismatchError } from "../errors.js";
import type { AdamW } from "./AdamW.js";
import { type Checkpoint, type CheckpointHeader, readCheckpoint } from "./checkpoint.js";
import type { Trainable } from "./Trainable.js";
import type { TrainingArgs } from "./TrainingArgs.js";

type LoopState = Omit<CheckpointHeader, "args" | "optimizerUpdates">;

/** Snapshot of the loop: its counters, the arguments, every trainable tensor and AdamW's moments. */
export async function checkpointState(
  state: LoopState,
  args: TrainingArgs,
  trainable: Trainable,
  optimizer: AdamW,
): Promise<Checkpoint> {
  const tensors = new Map<string, Float32Array>();
  for (const p of trainable.parameters) tensors.set(p.name, (await p.variable.data()) as Float32Array);
  const { updates, moments } = await optimizer.state();
  for (const [name, { m, v }] of moments) {
    tensors.set(`${name}#m`, m);
    tensors.set(`${name}#v`, v);
  }
  const header: CheckpointHeader = {
    step: state.step,
    microBatches: state.microBatches,
    losses: [...state.losses],
    validationLosses: [...state.validationLosses],
    bestValidationLoss: state.bestValidationLoss,
    evaluationsWithoutImprovement: state.evaluationsWithoutImprovement,
    optimizerUpdates: updates,
    args: { ...args },
  };
  return { header, tensors };
}

/** Loads a checkpoint into the trainable and the optimizer after checking the arguments and every tensor. */
export async function restoreCheckpoint(
  path: string,
  trainable: Trainable,
  optimizer: AdamW,
  args: TrainingArgs,
): Promise<LoopState> {
  const { header, tensors } = await readCheckpoint(path);
  const changed = Object.keys(args).filter(
    (key) => JSON.stringify(header.args[key]) !== JSON.stringify(args[key as keyof TrainingArgs]),
  );
  if (changed.length > 0) {
    throw new CheckpointMismatchError(
      `${path} was written with other training arguments: ${changed
        .map((k) => `${k} ${JSON.stringify(header.args[k])} → ${JSON.stringify(args[k as keyof TrainingArgs])}`)
        .join(", ")}. Hint: resume with the same arguments, or start a new run.`,
    );
  }
  const problems = trainable.parameters
    .filter((p) => tensors.get(p.name)?.length !== p.variable.size)
    .map((p) => `${p.name}: expected ${p.variable.size} values, got ${tensors.get(p.name)?.length ?? "none"}`);
  if (problems.length > 0)
    throw new CheckpointMismatchError(`${path} does not fit these parameters: ${problems.join("; ")}`);
  const { tf } = trainable;
  for (const p of trainable.parameters)
    tf.tidy(() => p.variable.assign(tf.tensor(tensors.get(p.name)!, p.variable.shape) as Tensor));
  const moments = new Map(
    trainable.parameters.map((p) => [p.name, { m: tensors.get(`${p.name}#m`)!, v: tensors.get(`${p.name}#v`)! }]),
  );
  optimizer.restore({ updates: header.optimizerUpdates, moments });
  const { args: _args, optimizerUpdates: _updates, ...state } = header;
  return state;
}
