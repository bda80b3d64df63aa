/**
 * Attaches a llama.cpp GGUF LoRA adapter to {@link GgmlWeights} the way llama.cpp applies one at run time (unmerged:
 * W·x + scale·B·(A·x)), so adapter outputs can be checked against llama.cpp bit for bit without merging first.
 */
import { openGguf, readTensor } from "@nomen/gguf";
import { MissingTensorError } from "../errors.js";
import type { GgmlMatrix, GgmlProjection, GgmlWeights } from "./ggmlWeights.js";

const fr = Math.fround;

const LORA_TARGETS: Record<string, GgmlProjection> = {
  attn_q: "q",
  attn_k: "k",
  attn_v: "v",
  attn_output: "o",
  ffn_gate: "gate",
  ffn_up: "up",
  ffn_down: "down",
};

/**
 * `weights` with a llama.cpp GGUF LoRA adapter attached (tensors `blk.N.<target>.weight.lora_a/_b`, key
 * `adapter.lora.alpha`), as `createContext({ lora: { adapters: [{ filePath, scale }] } })` applies it.
 * `adapterScale` defaults to 1.
 */
export async function withGgufLora(weights: GgmlWeights, path: string, adapterScale = 1): Promise<GgmlWeights> {
  const file = await openGguf(path);
  const alphaValue = file.metadata["adapter.lora.alpha"]?.value;
  const alpha = fr(typeof alphaValue === "number" ? alphaValue : 0);
  const layers = weights.layers.map((layer) => ({ ...layer, lora: { ...layer.lora } }));
  for (const t of file.tensors) {
    const match = /^blk\.(\d+)\.(\w+)\.weight\.lora_a$/.exec(t.name);
    if (!match) continue;
    const layer = layers[Number(match[1])];
    const target = LORA_TARGETS[match[2]!];
    const bInfo = file.tensors.find((u) => u.name === t.name.replace(/lora_a$/, "lora_b"));
    if (!layer || !target || !bInfo) throw new MissingTensorError(`${path}: ${t.name} has no matching layer or lora_b`);
    const a: GgmlMatrix = { data: await readTensor(file, t.name), nIn: t.shape[0]!, nOut: t.shape[1]!, type: t.type };
    const b: GgmlMatrix = {
      data: await readTensor(file, bInfo.name),
      nIn: bInfo.shape[0]!,
      nOut: bInfo.shape[1]!,
      type: bInfo.type,
    };
    const rank = fr(bInfo.shape[0]!);
    const scale = alpha ? fr(fr(fr(adapterScale) * alpha) / rank) : fr(adapterScale);
    layer.lora[target] = { a, b, scale };
  }
  return { ...weights, layers };
}
