import { AdapterBaseMismatchError } from "../errors.js";
import type { DecoderConfig } from "../models/DecoderConfig.js";
import type { TensorSpec } from "../models/ModelSource.js";
import type { LoraWeights } from "./loraWeights.js";

const COMPARED = ["architecture", "dim", "layers", "heads", "kvHeads", "ffnDim"] as const;

/**
 * Checks that an adapter fits a base model before anything is merged or handed to llama.cpp (which aborts on an
 * architecture mismatch): same architecture and shape hyper-parameters, every adapted projection present in the base
 * with the shape A and B imply.
 * @throws AdapterBaseMismatchError listing every difference.
 */
export function checkAdapterBase(
  weights: LoraWeights,
  base: { config: DecoderConfig; tensors: readonly TensorSpec[]; location: string },
): void {
  const problems: string[] = [];
  for (const key of COMPARED) {
    if (weights.config[key] !== base.config[key]) {
      problems.push(`${key}: adapter ${weights.config[key]}, base ${base.config[key]}`);
    }
  }
  const byName = new Map(base.tensors.map((t) => [t.name, t]));
  for (const pair of weights.pairs) {
    const name = `blk.${pair.layer}.${pair.target}.weight`;
    const tensor = byName.get(name);
    if (!tensor) {
      problems.push(`${name} is not in the base`);
      continue;
    }
    const [nIn, nOut] = tensor.ne;
    if (nIn !== pair.nIn || nOut !== pair.nOut) {
      problems.push(`${name}: adapter [${pair.nIn} in, ${pair.nOut} out], base [${nIn} in, ${nOut} out]`);
    }
    if (pair.a.length !== pair.nIn * weights.rank || pair.b.length !== weights.rank * pair.nOut) {
      problems.push(`${name}: A or B does not hold rank ${weights.rank} × its dims`);
    }
  }
  if (problems.length > 0) {
    const shown = problems.slice(0, 12);
    const more = problems.length > shown.length ? `; … and ${problems.length - shown.length} more` : "";
    throw new AdapterBaseMismatchError(
      `the adapter does not fit the base ${base.location}: ${shown.join("; ")}${more}. ` +
        "Hint: merge or load an adapter only into the model it was trained on.",
    );
  }
}
