import {
  GgmlType,
  type GgufMetadata,
  type GgufTensorSpec,
  openGguf,
  quantize,
  readTensor,
  u32,
  writeGguf,
} from "@nomen/gguf";
import { LoraAdapter } from "../lora/LoraAdapter.js";
import { decoderConfigFromMetadata } from "../models/DecoderConfig.js";
import { checkAdapterBase } from "./checkAdapterBase.js";
import { type LoraWeights, loraDelta, loraWeightsOf } from "./loraWeights.js";
import { readGgufAdapter } from "./readGgufAdapter.js";

/** Element type of the merged model's matrices (vectors such as norms and biases stay F32). */
export type MergedType = "F32" | "F16" | "Q8_0";

/** Options for {@link mergeToGguf}. */
export interface MergeToGgufOptions {
  /** The base model GGUF the adapter was trained on. */
  base: string;
  /** Where to write the merged model; written atomically (temp file + rename). */
  path: string;
  /** Defaults to "F16". */
  type?: MergedType;
  signal?: AbortSignal;
}

/** What {@link mergeToGguf} wrote. */
export interface MergeReport {
  bytes: number;
  /** Tensors that received a LoRA delta. */
  merged: number;
  /** Q8_0 needs rows that are a multiple of 32; other matrices are written as F16 and listed here. */
  fallbackToF16: string[];
}

const GGML: Record<MergedType, GgmlType> = { F32: GgmlType.F32, F16: GgmlType.F16, Q8_0: GgmlType.Q8_0 };
/** llama_ftype of an all-F32 / mostly-F16 / mostly-Q8_0 model. */
const FILE_TYPE: Record<MergedType, number> = { F32: 0, F16: 1, Q8_0: 7 };

/**
 * Folds the adapter (a live {@link LoraAdapter}, its {@link LoraWeights}, or the path of a GGUF LoRA adapter file)
 * into its base, W' = W + scale·(A·B)ᵀ (scale alpha/r, or alpha/√r with rsLoRA), and writes a
 * complete GGUF that llama.cpp loads without the adapter: every base metadata key and tensor, in the base's order,
 * matrices in `type`. Checks the adapter against the base first (AdapterBaseMismatchError) and writes nothing then.
 * The encoded tensors are held in memory until the write (about the output file's size).
 */
export async function mergeToGguf(
  adapter: LoraAdapter | LoraWeights | string,
  options: MergeToGgufOptions,
): Promise<MergeReport> {
  const { signal } = options;
  const type = options.type ?? "F16";
  const file = await openGguf(options.base, { signal });
  const metadataValues = new Map(Object.entries(file.metadata).map(([key, value]) => [key, value.value]));
  const embd = file.tensors.find((t) => t.name === "token_embd.weight");
  const config = decoderConfigFromMetadata(metadataValues, options.base, embd?.shape[1]);
  const weights =
    typeof adapter === "string"
      ? await readGgufAdapter(adapter, { base: config, signal })
      : adapter instanceof LoraAdapter
        ? await loraWeightsOf(adapter)
        : adapter;
  checkAdapterBase(weights, {
    config,
    tensors: file.tensors.map((t) => ({ name: t.name, ne: t.shape, ggmlType: t.type, byteLength: t.byteLength })),
    location: options.base,
  });
  const pairs = new Map(weights.pairs.map((p) => [`blk.${p.layer}.${p.target}.weight`, p]));
  const tensors: GgufTensorSpec[] = [];
  const fallbackToF16: string[] = [];
  for (const info of file.tensors) {
    signal?.throwIfAborted();
    const data = await readTensor(file, info.name, { signal });
    const pair = pairs.get(info.name);
    if (pair) {
      const delta = loraDelta(pair, weights.rank, weights.scale);
      for (let i = 0; i < data.length; i++) data[i] = (data[i] as number) + (delta[i] as number);
    }
    let target = info.shape.length >= 2 ? GGML[type] : GgmlType.F32;
    if (target === GgmlType.Q8_0 && (info.shape[0] as number) % 32 !== 0) {
      target = GgmlType.F16;
      fallbackToF16.push(info.name);
    }
    const encoded = target === GgmlType.F32 ? data : quantize(target, data, info.shape[0] as number, info.name);
    tensors.push({ name: info.name, shape: info.shape, type: target, data: encoded });
  }
  const metadata: GgufMetadata = { ...file.metadata, "general.file_type": u32(FILE_TYPE[type]) };
  const bytes = await writeGguf(options.path, { metadata, tensors }, { signal });
  return { bytes, merged: pairs.size, fallbackToF16 };
}
