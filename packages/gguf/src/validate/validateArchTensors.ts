import { GgufFormatError, GgufKeyTypeError, GgufMissingTensorError, GgufShapeError } from "../errors.js";
import type { Problems } from "./Problems.js";
import type { CheckedHparams } from "./validateHparams.js";

/** What the tensor checks need of a tensor: its name and ne shape. */
export interface TensorShape {
  readonly name: string;
  readonly shape: readonly number[];
}

type Shape = (number | undefined)[];

/**
 * Optional tensors each architecture's llama.cpp loader accepts, measured with node-llama-cpp 3.21.1 (any other
 * extra tensor fails with "wrong number of tensors"; see llamaCppTensors.test.ts).
 */
const OPTIONAL: Record<string, { model: readonly string[]; block: readonly string[] }> = {
  llama: {
    model: ["output.weight", "rope_freqs.weight"],
    block: [
      "attn_q.bias",
      "attn_k.bias",
      "attn_v.bias",
      "attn_output.bias",
      "ffn_gate.bias",
      "ffn_up.bias",
      "ffn_down.bias",
    ],
  },
  qwen2: { model: ["output.weight", "output.bias"], block: ["attn_q.bias", "attn_k.bias", "attn_v.bias"] },
};

/** ne shape of every tensor name a llama/qwen2 model may hold; `undefined` dims are ones the metadata failed to give. */
function shapes(h: CheckedHparams, vocab: number | undefined): Map<string, Shape> {
  const { dim, ffnDim, heads, kvHeads, headDim } = h;
  const qDim = heads !== undefined && headDim !== undefined ? heads * headDim : undefined;
  const kvDim = kvHeads !== undefined && headDim !== undefined ? kvHeads * headDim : undefined;
  const qkvDim = qDim !== undefined && kvDim !== undefined ? qDim + 2 * kvDim : undefined;
  const block: Record<string, Shape> = {
    "attn_norm.weight": [dim],
    "attn_q.weight": [dim, qDim],
    "attn_k.weight": [dim, kvDim],
    "attn_v.weight": [dim, kvDim],
    "attn_qkv.weight": [dim, qkvDim],
    "attn_qkv.bias": [qkvDim],
    "attn_q.bias": [qDim],
    "attn_k.bias": [kvDim],
    "attn_v.bias": [kvDim],
    "attn_output.weight": [qDim, dim],
    "attn_output.bias": [dim],
    "ffn_norm.weight": [dim],
    "ffn_gate.weight": [dim, ffnDim],
    "ffn_up.weight": [dim, ffnDim],
    "ffn_down.weight": [ffnDim, dim],
    "ffn_gate.bias": [ffnDim],
    "ffn_up.bias": [ffnDim],
    "ffn_down.bias": [dim],
  };
  const all = new Map<string, Shape>([
    ["token_embd.weight", [dim, vocab]],
    ["output_norm.weight", [dim]],
    ["output.weight", [dim, vocab]],
    ["output.bias", [vocab]],
    ["rope_freqs.weight", [headDim === undefined ? undefined : headDim / 2]],
  ]);
  for (let i = 0; i < (h.layers ?? 0); i++)
    for (const [name, shape] of Object.entries(block)) all.set(`blk.${i}.${name}`, shape);
  return all;
}

/** Which tensor names the architecture requires and allows, given whether each block uses a fused attn_qkv. */
function allowedNames(arch: string, layers: number, has: (name: string) => boolean) {
  const required = ["token_embd.weight", "output_norm.weight"];
  const allowed = new Set([...required, ...(OPTIONAL[arch]?.model ?? [])]);
  for (let i = 0; i < layers; i++) {
    const b = `blk.${i}.`;
    const fused = has(`${b}attn_qkv.weight`);
    const attention = fused ? ["attn_qkv.weight"] : ["attn_q.weight", "attn_k.weight", "attn_v.weight"];
    for (const n of [
      "attn_norm.weight",
      ...attention,
      "attn_output.weight",
      "ffn_norm.weight",
      "ffn_gate.weight",
      "ffn_up.weight",
      "ffn_down.weight",
    ]) {
      required.push(b + n);
    }
    for (const n of [...(OPTIONAL[arch]?.block ?? []), ...(fused ? ["attn_qkv.bias"] : [])]) allowed.add(b + n);
  }
  for (const n of required) allowed.add(n);
  return { required, allowed };
}

const show = (shape: readonly (number | undefined)[]) => `[${shape.map((d) => d ?? "?").join(", ")}]`;

/** Tensor names and ne shapes of a llama/qwen2 model against its metadata, as llama.cpp's loader checks them. */
export function validateArchTensors(
  p: Problems,
  arch: string,
  h: CheckedHparams,
  vocab: number | undefined,
  tensors: readonly TensorShape[],
): void {
  h = boundedLayers(p, arch, h, tensors.length);
  const byName = new Map(tensors.map((t) => [t.name, t]));
  const expected = shapes(h, vocab ?? byName.get("token_embd.weight")?.shape[1]);
  const { required, allowed } = allowedNames(arch, h.layers ?? 0, (name) => byName.has(name));
  for (const name of required) {
    if (!byName.has(name)) {
      const hint = `llama.cpp: "missing tensor '${name}'". Expected ne ${show(expected.get(name) ?? [])}.`;
      p.add(new GgufMissingTensorError(name, hint, p.where));
    }
  }
  for (const t of tensors) {
    if (!allowed.has(t.name)) {
      const hint = `llama.cpp rejects tensors a ${arch} model does not use ("wrong number of tensors").`;
      p.add(new GgufFormatError(`Unexpected tensor "${t.name}". ${hint}`, p.where));
      continue;
    }
    const shape = expected.get(t.name)!;
    // ggml pads shapes to 4 dims with 1s, so [n] and [n, 1] are the same tensor shape to llama.cpp.
    const matches = [0, 1, 2, 3].every((i) => {
      const want = i < shape.length ? shape[i] : 1;
      return want === undefined || want === (t.shape[i] ?? 1);
    });
    if (!matches) p.add(new GgufShapeError(t.name, `ne ${show(shape)}`, `ne [${t.shape.join(", ")}]`, p.where));
  }
}

/** Tensors every block has at least (attention norm, q/k/v or qkv, output, ffn norm, gate, up, down). */
const MIN_TENSORS_PER_BLOCK = 7;

/**
 * A block_count the file's tensors cannot hold (a corrupted count: 4 billion blocks) is reported and capped, instead of
 * expanding the expected names of every block, which takes minutes and ends in "Map maximum size exceeded".
 */
function boundedLayers(p: Problems, arch: string, h: CheckedHparams, tensorCount: number): CheckedHparams {
  const most = Math.floor(tensorCount / MIN_TENSORS_PER_BLOCK);
  if (h.layers === undefined || h.layers <= most) return h;
  const expected = `at most ${most} (the file has ${tensorCount} tensors, ${MIN_TENSORS_PER_BLOCK} or more per block)`;
  p.add(new GgufKeyTypeError(`${arch}.block_count`, expected, `${h.layers}`, "", p.where));
  return { ...h, layers: most };
}
