import { GgufFormatError, GgufMissingTensorError, GgufShapeError } from "../errors.js";
import type { Problems } from "./Problems.js";
import type { CheckedHparams } from "./validateHparams.js";

/** What the tensor checks need of a tensor: its name and ne shape. */
export interface TensorShape {
  readonly name: string;
  readonly shape: readonly number[];
}

/** Expected ne shapes of a llama/qwen2 model; `undefined` entries are dims the metadata failed to give. */
function expectedTensors(h: CheckedHparams, vocab: number | undefined) {
  const { dim, ffnDim, heads, kvHeads, headDim } = h;
  const qDim = heads !== undefined && headDim !== undefined ? heads * headDim : undefined;
  const kvDim = kvHeads !== undefined && headDim !== undefined ? kvHeads * headDim : undefined;
  const required = new Map<string, (number | undefined)[]>([
    ["token_embd.weight", [dim, vocab]],
    ["output_norm.weight", [dim]],
  ]);
  const optional = new Map<string, (number | undefined)[]>([
    ["output.weight", [dim, vocab]],
    ["output.bias", [vocab]],
    ["rope_freqs.weight", [headDim === undefined ? undefined : headDim / 2]],
  ]);
  for (let i = 0; i < (h.layers ?? 0); i++) {
    const b = `blk.${i}.`;
    for (const [name, shape] of [
      ["attn_norm.weight", [dim]],
      ["attn_output.weight", [qDim, dim]],
      ["ffn_norm.weight", [dim]],
      ["ffn_gate.weight", [dim, ffnDim]],
      ["ffn_up.weight", [dim, ffnDim]],
      ["ffn_down.weight", [ffnDim, dim]],
    ] as const) {
      required.set(b + name, [...shape]);
    }
    const qkv: [string, (number | undefined)[]][] = [
      ["attn_q.weight", [dim, qDim]],
      ["attn_k.weight", [dim, kvDim]],
      ["attn_v.weight", [dim, kvDim]],
    ];
    for (const [name, shape] of qkv) required.set(b + name, shape);
    for (const [name, shape] of [
      ["attn_q.bias", [qDim]],
      ["attn_k.bias", [kvDim]],
      ["attn_v.bias", [kvDim]],
      ["attn_output.bias", [dim]],
      ["ffn_gate.bias", [ffnDim]],
      ["ffn_up.bias", [ffnDim]],
      ["ffn_down.bias", [dim]],
      ["attn_qkv.weight", [dim, qDim === undefined || kvDim === undefined ? undefined : qDim + 2 * kvDim]],
      ["attn_qkv.bias", [qDim === undefined || kvDim === undefined ? undefined : qDim + 2 * kvDim]],
    ] as const) {
      optional.set(b + name, [...shape]);
    }
  }
  return { required, optional };
}

const show = (shape: readonly (number | undefined)[]) => `[${shape.map((d) => d ?? "?").join(", ")}]`;

/** Tensor names and ne shapes of a llama/qwen2 model against its metadata (as llama.cpp's loader checks them). */
export function validateArchTensors(
  p: Problems,
  h: CheckedHparams,
  vocab: number | undefined,
  tensors: readonly TensorShape[],
): void {
  const embd = tensors.find((t) => t.name === "token_embd.weight");
  const { required, optional } = expectedTensors(h, vocab ?? embd?.shape[1]);
  const byName = new Map(tensors.map((t) => [t.name, t]));
  for (const [name, shape] of required) {
    const fusedQkv =
      /^blk\.\d+\.attn_[qkv]\.weight$/.test(name) && byName.has(name.replace(/attn_[qkv]\./, "attn_qkv."));
    if (!byName.has(name) && !fusedQkv) {
      p.add(
        new GgufMissingTensorError(name, `llama.cpp: "missing tensor '${name}'". Expected ne ${show(shape)}.`, p.where),
      );
    }
  }
  for (const t of tensors) {
    const shape = required.get(t.name) ?? optional.get(t.name);
    if (!shape) {
      const hint = 'llama.cpp rejects files with tensors the architecture does not use ("wrong number of tensors").';
      p.add(new GgufFormatError(`Unexpected tensor "${t.name}" for this architecture. ${hint}`, p.where));
      continue;
    }
    // ggml pads shapes to 4 dims with 1s, so [n] and [n, 1] are the same tensor shape to llama.cpp.
    const got = [0, 1, 2, 3].map((i) => t.shape[i] ?? 1);
    const matches = [0, 1, 2, 3].every(
      (i) => (i < shape.length ? shape[i] : 1) === undefined || (shape[i] ?? 1) === got[i],
    );
    if (!matches) p.add(new GgufShapeError(t.name, `ne ${show(shape)}`, `ne [${t.shape.join(", ")}]`, p.where));
  }
}
