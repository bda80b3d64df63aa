import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { LoraAdapter } from "../lora/LoraAdapter.js";
import { transpose } from "../models/weights.js";
import { HF_MODULES, hfRowSource } from "./hfLayout.js";
import { type LoraWeights, loraWeightsOf } from "./loraWeights.js";
import { type SafetensorsTensor, writeSafetensors } from "./safetensors.js";
import { writeFileAtomic } from "./writeFileAtomic.js";

/** Options for {@link exportPeftAdapter}. */
export interface ExportPeftAdapterOptions {
  /** Directory to write `adapter_model.safetensors` and `adapter_config.json` into (created if missing). */
  dir: string;
  /** `base_model_name_or_path`: the HF id or path of the base model, e.g. "Qwen/Qwen2.5-3B-Instruct". Defaults to "". */
  baseModel?: string;
  /** Stored element type. Defaults to "F32". */
  dtype?: "F32" | "F16";
  signal?: AbortSignal;
}

/** What {@link exportPeftAdapter} wrote. */
export interface PeftExport {
  safetensorsPath: string;
  configPath: string;
  bytes: number;
  /** The tensor names written, e.g. `base_model.model.model.layers.0.self_attn.q_proj.lora_A.weight`. */
  tensorNames: string[];
}

/**
 * Writes a Hugging Face PEFT LoRA adapter directory (what `PeftModel.from_pretrained` and vLLM's LoRA loader read):
 * `adapter_model.safetensors` with `lora_A.weight` [r, in] and `lora_B.weight` [out, r] per adapted module, and
 * `adapter_config.json`. rsLoRA is kept as PEFT's `use_rslora` with the same `lora_alpha`, so PEFT's scale
 * (alpha/r or alpha/√r) equals ours. q/k rows of `llama` models are put back into HF order (see {@link hfRowSource}).
 * Each file is written atomically.
 */
export async function exportPeftAdapter(
  adapter: LoraAdapter | LoraWeights,
  options: ExportPeftAdapterOptions,
): Promise<PeftExport> {
  const weights = adapter instanceof LoraAdapter ? await loraWeightsOf(adapter) : adapter;
  const { rank, config } = weights;
  const tensors: SafetensorsTensor[] = [];
  for (const pair of [...weights.pairs].sort((x, y) => x.layer - y.layer)) {
    const module = HF_MODULES[pair.target];
    const prefix = `base_model.model.model.layers.${pair.layer}.${module.parent}.${module.name}`;
    // TF.js A [in, r] → PEFT lora_A [r, in]; TF.js B [r, out] → PEFT lora_B [out, r].
    const loraA = transpose(pair.a, pair.nIn, rank);
    let loraB = transpose(pair.b, rank, pair.nOut);
    const rows = hfRowSource(config, pair.target);
    if (rows) {
      const permuted = new Float32Array(loraB.length);
      rows.forEach((from, to) => {
        permuted.set(loraB.subarray(from * rank, (from + 1) * rank), to * rank);
      });
      loraB = permuted;
    }
    tensors.push({ name: `${prefix}.lora_A.weight`, shape: [rank, pair.nIn], data: loraA });
    tensors.push({ name: `${prefix}.lora_B.weight`, shape: [pair.nOut, rank], data: loraB });
  }
  await mkdir(options.dir, { recursive: true });
  const safetensorsPath = join(options.dir, "adapter_model.safetensors");
  const configPath = join(options.dir, "adapter_config.json");
  const bytes = await writeSafetensors(safetensorsPath, tensors, { dtype: options.dtype, signal: options.signal });
  await writeFileAtomic(
    configPath,
    `${JSON.stringify(peftConfig(weights, options.baseModel ?? ""), null, 2)}\n`,
    options.signal,
  );
  return { safetensorsPath, configPath, bytes, tensorNames: tensors.map((t) => t.name) };
}

/** The `adapter_config.json` object for `weights` (PEFT LoraConfig field names). */
export function peftConfig(weights: LoraWeights, baseModel: string): Record<string, unknown> {
  const targets = [...new Set(weights.pairs.map((p) => p.target))];
  return {
    peft_type: "LORA",
    task_type: "CAUSAL_LM",
    base_model_name_or_path: baseModel,
    r: weights.rank,
    lora_alpha: weights.alpha,
    lora_dropout: weights.dropout,
    use_rslora: weights.rsLora,
    target_modules: targets.map((t) => HF_MODULES[t].name),
    bias: "none",
    fan_in_fan_out: false,
    inference_mode: true,
    init_lora_weights: true,
    modules_to_save: null,
    layers_to_transform: null,
    rank_pattern: {},
    alpha_pattern: {},
    use_dora: false,
  };
}
