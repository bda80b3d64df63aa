import { getNumber, getString, openGguf, readTensor } from "@nomen/gguf";
import { AdapterFormatError } from "../errors.js";
import type { Architecture, DecoderConfig } from "../models/DecoderConfig.js";
import { PROJECTIONS, type Projection } from "../models/expectedTensors.js";
import { transpose } from "../models/weights.js";
import type { LoraWeights, LoraWeightsPair } from "./loraWeights.js";

/** Options for {@link readGgufAdapter}. */
export interface ReadGgufAdapterOptions {
  /** The base model's hyper-parameters; the adapter's own architecture replaces `architecture`, so a mismatch shows. */
  base: DecoderConfig;
  signal?: AbortSignal;
}

const NAME = /^blk\.(\d+)\.([a-z_]+)\.weight\.lora_(a|b)$/;

/**
 * Reads a llama.cpp GGUF LoRA adapter (ours or convert_lora_to_gguf.py's) into {@link LoraWeights}, checking what
 * llama.cpp would otherwise reject or abort on: general.type "adapter", adapter.type "lora", tensor names, A/B pairs
 * and one rank. Scale follows llama.cpp: alpha / r, or 1 when alpha is missing or 0.
 * @throws AdapterFormatError listing every problem.
 */
export async function readGgufAdapter(path: string, options: ReadGgufAdapterOptions): Promise<LoraWeights> {
  const file = await openGguf(path, { signal: options.signal });
  const problems: string[] = [];
  if (getString(file, "general.type") !== "adapter") problems.push(`general.type is not "adapter"`);
  if (getString(file, "adapter.type") !== "lora") problems.push(`adapter.type is not "lora"`);
  const architecture = getString(file, "general.architecture");
  if (!architecture) problems.push("general.architecture is missing");
  const halves = new Map<string, { layer: number; target: Projection; a?: readonly number[]; b?: readonly number[] }>();
  for (const t of file.tensors) {
    const match = NAME.exec(t.name);
    if (!match || !(PROJECTIONS as readonly string[]).includes(match[2]!)) {
      if (!t.name.endsWith("_norm.weight")) problems.push(`unexpected tensor ${t.name}`);
      continue;
    }
    const key = `${match[1]}.${match[2]}`;
    const entry = halves.get(key) ?? { layer: Number(match[1]), target: match[2] as Projection };
    if (match[3] === "a") entry.a = t.shape;
    else entry.b = t.shape;
    halves.set(key, entry);
  }
  const ranks = new Set<number>();
  for (const [key, entry] of halves) {
    if (!entry.a || !entry.b) problems.push(`blk.${key}.weight has lora_${entry.a ? "a" : "b"} but not its partner`);
    else if (entry.a.length !== 2 || entry.b.length !== 2 || entry.a[1] !== entry.b[0])
      problems.push(`blk.${key}.weight: lora_a ne [${entry.a}] and lora_b ne [${entry.b}] do not share a rank`);
    else ranks.add(entry.a[1]!);
  }
  if (halves.size === 0) problems.push("no lora_a / lora_b tensors");
  if (ranks.size > 1) problems.push(`several ranks (${[...ranks].join(", ")}); expected one`);
  if (problems.length > 0) {
    throw new AdapterFormatError(`${path} is not a usable LoRA adapter: ${problems.join("; ")}`);
  }
  const rank = [...ranks][0]!;
  const fileAlpha = getNumber(file, "adapter.lora.alpha") ?? 0;
  const pairs: LoraWeightsPair[] = [];
  for (const entry of halves.values()) {
    const [nIn] = entry.a!;
    const [, nOut] = entry.b!;
    const name = `blk.${entry.layer}.${entry.target}.weight`;
    // lora_a: r rows of n_in (PEFT A [r, in]) → TF.js A [in, r]; lora_b: n_out rows of r → B [r, out].
    const a = transpose(await readTensor(file, `${name}.lora_a`, options), rank, nIn!);
    const b = transpose(await readTensor(file, `${name}.lora_b`, options), nOut!, rank);
    pairs.push({ layer: entry.layer, target: entry.target, nIn: nIn!, nOut: nOut!, a, b });
  }
  pairs.sort((x, y) => x.layer - y.layer || PROJECTIONS.indexOf(x.target) - PROJECTIONS.indexOf(y.target));
  return {
    config: { ...options.base, architecture: architecture as Architecture },
    rank,
    alpha: fileAlpha > 0 ? fileAlpha : rank,
    dropout: 0,
    rsLora: false,
    scale: fileAlpha > 0 ? fileAlpha / rank : 1,
    pairs,
  };
}
