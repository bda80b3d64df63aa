import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Tensor2D } from "@tensorflow/tfjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CreateLoraOptions, LoraAdapter } from "../lora/LoraAdapter.js";
import type { Architecture } from "../models/DecoderConfig.js";
import { DecoderModel } from "../models/DecoderModel.js";
import { PROJECTIONS } from "../models/expectedTensors.js";
import { memorySource, randomModel } from "../testing/randomModel.js";
import { exportPeftAdapter } from "./peft.js";

/** An independent minimal safetensors reader (the spec: u64 LE header size, JSON header, raw LE data). */
function parseSafetensors(bytes: Buffer) {
  const headerLength = Number(bytes.readBigUInt64LE(0));
  const header = JSON.parse(bytes.subarray(8, 8 + headerLength).toString("utf8")) as Record<string, unknown>;
  const dataStart = 8 + headerLength;
  const tensors = new Map<string, { dtype: string; shape: number[]; values: number[] }>();
  const spans: Array<[number, number]> = [];
  for (const [name, entry] of Object.entries(header)) {
    if (name === "__metadata__") continue;
    const { dtype, shape, data_offsets } = entry as { dtype: string; shape: number[]; data_offsets: [number, number] };
    const [begin, end] = data_offsets;
    spans.push([begin, end]);
    const raw = bytes.subarray(dataStart + begin, dataStart + end);
    const values: number[] = [];
    const width = dtype === "F32" ? 4 : 2;
    for (let i = 0; i < raw.length; i += width)
      values.push(dtype === "F32" ? raw.readFloatLE(i) : halfToNumber(raw.readUInt16LE(i)));
    tensors.set(name, { dtype, shape, values });
  }
  spans.sort((a, b) => a[0] - b[0]);
  return { headerLength, header, tensors, spans, dataLength: bytes.length - dataStart };
}

function halfToNumber(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exponent = (h >> 10) & 0x1f;
  const fraction = h & 0x3ff;
  if (exponent === 0) return sign * 2 ** -14 * (fraction / 1024);
  if (exponent === 31) return fraction ? Number.NaN : sign * Number.POSITIVE_INFINITY;
  return sign * 2 ** (exponent - 15) * (1 + fraction / 1024);
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "lora-trainer-peft-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function adapterFor(architecture: Architecture, options: CreateLoraOptions) {
  const random = randomModel({
    architecture,
    vocabSize: 40,
    dim: 32,
    layers: 2,
    heads: 4,
    kvHeads: 2,
    ffnDim: 48,
    seed: 5,
  });
  const model = await DecoderModel.fromSource(memorySource(random), { log: () => {} });
  const adapter = LoraAdapter.create(model, { ...options, seed: 2, log: () => {} });
  adapter.pairs.forEach((p, i) => {
    p.b.assign(model.tf.randomNormal(p.b.shape, 0, 1, "float32", 40 + i) as Tensor2D);
  });
  return { model, adapter };
}

/** Row-major [rows, cols] values of a 2D TF variable. */
const values2d = (t: Tensor2D) => Array.from(t.dataSync());

describe("exportPeftAdapter", () => {
  it("writes PEFT names, shapes and values (qwen2, all 7 targets, F32) and a matching adapter_config.json", async () => {
    const { model, adapter } = await adapterFor("qwen2", { rank: 4, alpha: 8, dropout: 0.1, targets: PROJECTIONS });
    const out = join(dir, "qwen2");
    const result = await exportPeftAdapter(adapter, { dir: out, baseModel: "Qwen/Qwen2.5-0.5B-Instruct" });
    const file = parseSafetensors(await readFile(result.safetensorsPath));
    expect(file.headerLength % 8).toBe(0);
    expect(file.header.__metadata__).toEqual({ format: "pt" });
    // Offsets tile the data section exactly: contiguous, no gaps, no overlap.
    expect(file.spans[0]![0]).toBe(0);
    for (let i = 1; i < file.spans.length; i++) expect(file.spans[i]![0]).toBe(file.spans[i - 1]![1]);
    expect(file.spans.at(-1)![1]).toBe(file.dataLength);
    expect(file.tensors.size).toBe(2 * 7 * 2);
    const q = file.tensors.get("base_model.model.model.layers.1.self_attn.q_proj.lora_A.weight")!;
    expect(q.dtype).toBe("F32");
    expect(q.shape).toEqual([4, 32]); // [r, in]
    const down = file.tensors.get("base_model.model.model.layers.0.mlp.down_proj.lora_B.weight")!;
    expect(down.shape).toEqual([32, 4]); // [out, r]
    for (const pair of adapter.pairs) {
      const hf = {
        attn_q: "self_attn.q_proj",
        attn_k: "self_attn.k_proj",
        attn_v: "self_attn.v_proj",
        attn_output: "self_attn.o_proj",
        ffn_gate: "mlp.gate_proj",
        ffn_up: "mlp.up_proj",
        ffn_down: "mlp.down_proj",
      }[pair.target];
      const a = file.tensors.get(`base_model.model.model.layers.${pair.layer}.${hf}.lora_A.weight`)!;
      const b = file.tensors.get(`base_model.model.model.layers.${pair.layer}.${hf}.lora_B.weight`)!;
      const [nIn, rank] = pair.a.shape;
      const [, nOut] = pair.b.shape;
      const tfA = values2d(pair.a);
      const tfB = values2d(pair.b);
      // PEFT lora_A[r][i] = our A[i][r]; lora_B[o][r] = our B[r][o] (qwen2: no row permutation).
      for (let r = 0; r < rank; r++)
        for (let i = 0; i < nIn; i++) expect(a.values[r * nIn + i]).toBe(tfA[i * rank + r]);
      for (let o = 0; o < nOut; o++)
        for (let r = 0; r < rank; r++) expect(b.values[o * rank + r]).toBe(tfB[r * nOut + o]);
    }
    const config = JSON.parse(await readFile(result.configPath, "utf8"));
    expect(config).toMatchObject({
      peft_type: "LORA",
      task_type: "CAUSAL_LM",
      base_model_name_or_path: "Qwen/Qwen2.5-0.5B-Instruct",
      r: 4,
      lora_alpha: 8,
      lora_dropout: 0.1,
      use_rslora: false,
      bias: "none",
      target_modules: ["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"],
    });
    adapter.dispose();
    model.dispose();
  });

  it("llama: q/k lora_B rows are in HF order, so the HF delta maps onto ours through llama.cpp's converter permutation", async () => {
    const { model, adapter } = await adapterFor("llama", { rsLora: true, rank: 4, alpha: 8 });
    const result = await exportPeftAdapter(adapter, { dir: join(dir, "llama"), dtype: "F32" });
    const file = parseSafetensors(await readFile(result.safetensorsPath));
    const config = JSON.parse(await readFile(result.configPath, "utf8"));
    expect(config).toMatchObject({
      r: 4,
      lora_alpha: 8,
      use_rslora: true,
      target_modules: ["q_proj", "k_proj", "v_proj", "o_proj"],
    });
    const scale = config.lora_alpha / Math.sqrt(config.r); // PEFT's rsLoRA scale
    const { heads, kvHeads, headDim } = model.config;
    let permutedRows = 0;
    for (const pair of adapter.pairs.filter((p) => p.layer === 1)) {
      const name = { attn_q: "q_proj", attn_k: "k_proj", attn_v: "v_proj", attn_output: "o_proj" }[
        pair.target as string
      ]!;
      const a = file.tensors.get(`base_model.model.model.layers.1.self_attn.${name}.lora_A.weight`)!;
      const b = file.tensors.get(`base_model.model.model.layers.1.self_attn.${name}.lora_B.weight`)!;
      const [nIn, rank] = pair.a.shape;
      const [, nOut] = pair.b.shape;
      // HF ΔW [out, in] = scale·lora_B·lora_A.
      const hfDelta = (o: number, i: number) => {
        let s = 0;
        for (let r = 0; r < rank; r++) s += b.values[o * rank + r]! * a.values[r * nIn + i]!;
        return scale * s;
      };
      // convert_hf_to_gguf.py LlamaModel.permute: w.reshape(n_head, 2, hd/2, in).swapaxes(1, 2).reshape(out, in),
      // i.e. GGUF row h·hd + 2j + k ← HF row h·hd + k·hd/2 + j.
      const n = pair.target === "attn_q" ? heads : pair.target === "attn_k" ? kvHeads : 0;
      const hfRowOf = (ggufRow: number) => {
        if (n === 0) return ggufRow;
        const h = Math.floor(ggufRow / headDim);
        const within = ggufRow % headDim;
        return h * headDim + (within % 2) * (headDim / 2) + Math.floor(within / 2);
      };
      const tfA = values2d(pair.a);
      const tfB = values2d(pair.b);
      for (let o = 0; o < nOut; o++) {
        if (hfRowOf(o) !== o) permutedRows++;
        for (let i = 0; i < nIn; i++) {
          let ours = 0; // our ΔW in GGUF layout: scale·(A·B)ᵀ
          for (let r = 0; r < rank; r++) ours += tfA[i * rank + r]! * tfB[r * nOut + o]!;
          expect(hfDelta(hfRowOf(o), i)).toBeCloseTo(adapter.scale * ours, 5);
        }
      }
    }
    expect(permutedRows).toBeGreaterThan(0); // the permutation is exercised, not the identity
    adapter.dispose();
    model.dispose();
  });

  it("F16 stores half-precision values within rounding", async () => {
    const { model, adapter } = await adapterFor("qwen2", { rank: 2, targets: ["ffn_up"] });
    const result = await exportPeftAdapter(adapter, { dir: join(dir, "f16"), dtype: "F16" });
    const file = parseSafetensors(await readFile(result.safetensorsPath));
    const b = file.tensors.get("base_model.model.model.layers.0.mlp.up_proj.lora_B.weight")!;
    expect(b.dtype).toBe("F16");
    const pair = adapter.pair(0, "ffn_up")!;
    const tfB = values2d(pair.b);
    const nOut = pair.b.shape[1];
    for (let o = 0; o < nOut; o++) {
      for (let r = 0; r < 2; r++) {
        const want = tfB[r * nOut + o]!;
        expect(Math.abs(b.values[o * 2 + r]! - want)).toBeLessThanOrEqual(Math.abs(want) * 2 ** -11 + 1e-7);
      }
    }
    expect(file.dataLength).toBe(2 * 2 * (2 * 32 + 2 * 48)); // 2 bytes × 2 layers × (A 2×32 + B 48×2)
    adapter.dispose();
    model.dispose();
  });
});
