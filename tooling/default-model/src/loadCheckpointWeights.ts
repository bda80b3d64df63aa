import { readCheckpoint, type Trainable } from "@nomen/lora-trainer";
import { PipelineInputError } from "./errors.js";

/**
 * Copies a training checkpoint's weights (not its optimizer state) into `model` (a FullModel, or `loraTrainable(adapter)`), by tensor name. Used to export a
 * checkpoint and to warm-start a new run (a longer budget, another schedule) from an earlier one.
 */
export async function loadCheckpointWeights(
  model: Pick<Trainable, "tf" | "parameters">,
  checkpoint: string,
): Promise<void> {
  const { tensors } = await readCheckpoint(checkpoint);
  const { tf } = model;
  for (const { name, variable } of model.parameters) {
    const values = tensors.get(name);
    if (values?.length !== variable.size)
      throw new PipelineInputError(
        `${checkpoint}: tensor ${name} expected ${variable.size} values, got ${values?.length ?? "none"}. Hint: pass the shape the run was trained with.`,
      );
    tf.tidy(() => variable.assign(tf.tensor(values, variable.shape)));
  }
}
