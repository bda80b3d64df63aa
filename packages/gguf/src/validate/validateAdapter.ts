import { GgufFormatError, GgufMissingTensorError, GgufShapeError } from "../errors.js";
import { GgufValueType as V } from "../types.js";
import type { Problems } from "./Problems.js";
import type { TensorShape } from "./validateArchTensors.js";

/** The base model an adapter will be applied to (a GgufFile fits). */
export interface AdapterBase {
  readonly tensors: readonly TensorShape[];
  readonly architecture?: string;
}

/**
 * LoRA adapter files (general.type = "adapter"): adapter.type "lora", adapter.lora.alpha f32 (u32 aborts llama.cpp),
 * `<base>.lora_a` ne [n_in, r] and `<base>.lora_b` ne [r, n_out] in pairs, matching the base model when given.
 */
export function validateAdapter(p: Problems, tensors: readonly TensorShape[] | undefined, base?: AdapterBase): void {
  const arch = p.key("general.architecture", ["string"], "It must equal the base model's architecture.");
  const type = p.key("adapter.type", ["string"], 'llama.cpp expects "lora".');
  if (type?.type === V.STRING && type.value !== "lora")
    p.add(new GgufFormatError(`adapter.type is "${type.value}", expected "lora"`, p.where));
  p.key("adapter.lora.alpha", ["f32"], undefined, "A u32 alpha aborts the llama.cpp process (GGML_ASSERT).");
  if (base?.architecture !== undefined && arch?.type === V.STRING && arch.value !== base.architecture) {
    p.add(
      new GgufFormatError(
        `Adapter architecture "${arch.value}" differs from the base model's "${base.architecture}"`,
        p.where,
      ),
    );
  }
  if (!tensors) return;
  const byName = new Map(tensors.map((t) => [t.name, t]));
  const baseByName = base && new Map(base.tensors.map((t) => [t.name, t]));
  for (const t of tensors) {
    if (t.name.endsWith("_norm.weight")) continue; // llama.cpp ignores these in adapters
    const match = /^(.*)\.lora_([ab])$/.exec(t.name);
    if (!match) {
      p.add(new GgufFormatError(`Adapter tensor "${t.name}" must end in .lora_a or .lora_b`, p.where));
      continue;
    }
    const [, target, side] = match as unknown as [string, string, "a" | "b"];
    if (side === "b") continue;
    const b = byName.get(`${target}.lora_b`);
    if (!b) {
      p.add(new GgufMissingTensorError(`${target}.lora_b`, `Every lora_a needs its lora_b.`, p.where));
      continue;
    }
    const [nIn, rank] = t.shape;
    const [rankB, nOut] = b.shape;
    if (rank !== rankB)
      p.add(
        new GgufShapeError(
          b.name,
          `ne [${rank}, n_out] (rank ${rank} as in lora_a)`,
          `[${b.shape.join(", ")}]`,
          p.where,
        ),
      );
    const baseTensor = baseByName?.get(target);
    if (baseByName && !baseTensor)
      p.add(new GgufMissingTensorError(target, "The adapter targets a tensor the base model lacks.", p.where));
    if (baseTensor && (baseTensor.shape[0] !== nIn || baseTensor.shape[1] !== nOut)) {
      const expected = `lora_a ne [${baseTensor.shape[0]}, r] and lora_b ne [r, ${baseTensor.shape[1]}]`;
      p.add(
        new GgufShapeError(target, expected, `lora_a [${t.shape.join(", ")}], lora_b [${b.shape.join(", ")}]`, p.where),
      );
    }
  }
  for (const t of tensors) {
    const target = t.name.replace(/\.lora_b$/, "");
    if (target !== t.name && !byName.has(`${target}.lora_a`)) {
      p.add(new GgufMissingTensorError(`${target}.lora_a`, "Every lora_b needs its lora_a.", p.where));
    }
  }
}
