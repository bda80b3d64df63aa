/** Test support for the llama.cpp parity tests: the model shapes and the comparison. */
import { GgmlType, type TinyModelOptions } from "@nomen/gguf";
import { FLT_MIN_LOG } from "../testing/llamaCppLogProbs.js";

export const typed = (type: GgmlType) => (name: string) =>
  name.endsWith("norm.weight") || name.endsWith(".bias") ? GgmlType.F32 : type;

/** Shapes: GQA 1/2/7, tied/untied, with/without bias, F32/F16/BF16/Q8_0; the names end with the weight type. */
export const PARITY_CASES: Array<[string, TinyModelOptions]> = [
  [
    "qwen2, GQA 2, untied, bias, BF16",
    { architecture: "qwen2", dim: 32, heads: 4, kvHeads: 2, layers: 2, ffnDim: 48, typeOf: typed(GgmlType.BF16) },
  ],
  [
    "qwen2, MHA, untied, bias, BF16",
    { architecture: "qwen2", dim: 64, heads: 4, kvHeads: 4, layers: 2, ffnDim: 160, typeOf: typed(GgmlType.BF16) },
  ],
  [
    "llama, GQA 7, tied, bias, BF16",
    {
      architecture: "llama",
      ...{ dim: 112, heads: 14, kvHeads: 2, layers: 1, ffnDim: 96, tiedOutput: true, qkvBias: true },
      typeOf: typed(GgmlType.BF16),
    },
  ],
  [
    "llama, MHA (GQA 1), untied, no bias, F32",
    { architecture: "llama", dim: 32, heads: 4, kvHeads: 4, layers: 2, ffnDim: 48 },
  ],
  [
    "qwen2, GQA 2, tied, bias, F32",
    { architecture: "qwen2", dim: 32, heads: 4, kvHeads: 2, layers: 2, ffnDim: 48, tiedOutput: true },
  ],
  ["qwen2, GQA 7, untied, bias, F32", { architecture: "qwen2", dim: 56, heads: 7, kvHeads: 1, layers: 2, ffnDim: 64 }],
  [
    "llama, GQA 7, tied, bias, F32",
    { architecture: "llama", dim: 112, heads: 14, kvHeads: 2, layers: 1, ffnDim: 96, tiedOutput: true, qkvBias: true },
  ],
  [
    "llama, GQA 2, untied, no bias, F16",
    { architecture: "llama", dim: 32, heads: 4, kvHeads: 2, layers: 2, ffnDim: 48, typeOf: typed(GgmlType.F16) },
  ],
  [
    "qwen2, GQA 7, tied, bias, F16",
    {
      architecture: "qwen2",
      ...{ dim: 56, heads: 7, kvHeads: 1, layers: 2, ffnDim: 64, tiedOutput: true },
      typeOf: typed(GgmlType.F16),
    },
  ],
  [
    "llama, GQA 7, tied, bias, F16",
    {
      architecture: "llama",
      ...{ dim: 112, heads: 14, kvHeads: 2, layers: 1, ffnDim: 96, tiedOutput: true, qkvBias: true },
      typeOf: typed(GgmlType.F16),
    },
  ],
  [
    "qwen2, GQA 2, untied, bias, Q8_0",
    { architecture: "qwen2", dim: 64, heads: 4, kvHeads: 2, layers: 2, ffnDim: 96, typeOf: typed(GgmlType.Q8_0) },
  ],
];

/** The token ids every case evaluates (a byte-level vocab of 261). */
export const PARITY_TOKENS = [
  260, 72, 101, 108, 108, 111, 32, 119, 111, 114, 108, 100, 33, 10, 7, 258, 199, 0, 255, 42,
];

/** Worst |Δ log p| per position over the tokens llama.cpp reports above float32 underflow, and how many were compared. */
export function compare(
  theirs: Map<number, number>[],
  ours: Float32Array[],
): { perPosition: number[]; compared: number } {
  let compared = 0;
  const perPosition = theirs.map((distribution, t) => {
    let worst = 0;
    for (const [token, logP] of distribution) {
      if (!(logP > FLT_MIN_LOG)) continue; // llama.cpp's float32 softmax underflows to denormals (1 bit → ±ln 2) or 0
      worst = Math.max(worst, Math.abs(logP - (ours[t]![token] as number)));
      compared++;
    }
    return worst;
  });
  return { perPosition, compared };
}

export const summary = (perPosition: number[]) =>
  `max |Δ log p| = ${Math.max(...perPosition).toExponential(2)}, ${perPosition.filter((d) => d <= 1e-4).length}/${perPosition.length} positions ≤ 1e-4`;
