/** Test support: a plain float64 forward pass over GGUF-layout weights, written for clarity, not speed. */
import type { RandomModel } from "./randomModel.js";

/** Mean next-token cross-entropy (nats) of one sequence: −mean_t log p(tokens[t+1] | tokens[..t]). */
export function referenceLoss(model: RandomModel, tokens: readonly number[]): number {
  const logProbs = referenceLogProbs(model, tokens);
  let sum = 0;
  for (let t = 0; t + 1 < tokens.length; t++) sum -= logProbs[t]![tokens[t + 1]!] as number;
  return sum / (tokens.length - 1);
}

/** One sequence → natural-log next-token distributions [T][V]. */
export function referenceLogProbs(model: RandomModel, tokens: readonly number[]): Float64Array[] {
  const { dim, heads, kvHeads, headDim, ffnDim, layers, vocabSize, rmsEps, ropeBase, ropeStyle } = model.config;
  const w = (name: string) => model.tensors.get(name)?.data;
  const embd = w("token_embd.weight")!;
  // ggml [n_in, n_out]: n_out rows of n_in; y[o] = Σ_i W[o·n_in + i]·x[i]
  const matvec = (name: string, x: Float64Array, nOut: number) => {
    const m = w(`${name}.weight`)!;
    const b = w(`${name}.bias`);
    const y = new Float64Array(nOut);
    for (let o = 0; o < nOut; o++) {
      let s = b ? (b[o] as number) : 0;
      for (let i = 0; i < x.length; i++) s += (m[o * x.length + i] as number) * (x[i] as number);
      y[o] = s;
    }
    return y;
  };
  const rmsNorm = (x: Float64Array, gain: ArrayLike<number>) => {
    const ms = x.reduce((s, v) => s + v * v, 0) / x.length;
    return x.map((v, i) => (v / Math.sqrt(ms + rmsEps)) * (gain[i] as number));
  };
  const rope = (v: Float64Array, nHeads: number, pos: number) => {
    const out = v.slice();
    for (let h = 0; h < nHeads; h++) {
      for (let i = 0; i < headDim / 2; i++) {
        const [a, b] = ropeStyle === "neox" ? [i, i + headDim / 2] : [2 * i, 2 * i + 1];
        const angle = pos * ropeBase ** ((-2 * i) / headDim);
        const x0 = v[h * headDim + a] as number;
        const x1 = v[h * headDim + b] as number;
        out[h * headDim + a] = x0 * Math.cos(angle) - x1 * Math.sin(angle);
        out[h * headDim + b] = x0 * Math.sin(angle) + x1 * Math.cos(angle);
      }
    }
    return out;
  };
  let xs = tokens.map((t) => Float64Array.from(embd.subarray(t * dim, (t + 1) * dim)));
  for (let l = 0; l < layers; l++) {
    const p = `blk.${l}`;
    const hs = xs.map((x) => rmsNorm(x, w(`${p}.attn_norm.weight`)!));
    const qs = hs.map((h, t) => rope(matvec(`${p}.attn_q`, h, heads * headDim), heads, t));
    const ks = hs.map((h, t) => rope(matvec(`${p}.attn_k`, h, kvHeads * headDim), kvHeads, t));
    const vs = hs.map((h) => matvec(`${p}.attn_v`, h, kvHeads * headDim));
    xs = xs.map((x, t) => {
      const attn = new Float64Array(heads * headDim);
      for (let h = 0; h < heads; h++) {
        const g = Math.floor(h / (heads / kvHeads));
        const scores = ks.slice(0, t + 1).map((k) => {
          let s = 0;
          for (let d = 0; d < headDim; d++) s += (qs[t]![h * headDim + d] as number) * (k[g * headDim + d] as number);
          return s / Math.sqrt(headDim);
        });
        const max = Math.max(...scores);
        const e = scores.map((s) => Math.exp(s - max));
        const z = e.reduce((a, b) => a + b, 0);
        e.forEach((p, s) => {
          for (let d = 0; d < headDim; d++) attn[h * headDim + d]! += (p / z) * (vs[s]![g * headDim + d] as number);
        });
      }
      const projected = matvec(`${p}.attn_output`, attn, dim);
      const x1 = x.map((v, i) => v + (projected[i] as number));
      const h2 = rmsNorm(x1, w(`${p}.ffn_norm.weight`)!);
      const gate = matvec(`${p}.ffn_gate`, h2, ffnDim);
      const up = matvec(`${p}.ffn_up`, h2, ffnDim);
      const act = gate.map((g, i) => (g / (1 + Math.exp(-g))) * (up[i] as number));
      const down = matvec(`${p}.ffn_down`, act, dim);
      return x1.map((v, i) => v + (down[i] as number));
    });
  }
  const head = model.tensors.has("output.weight") ? "output" : "token_embd";
  return xs.map((x) => {
    const logits = matvec(head, rmsNorm(x, w("output_norm.weight")!), vocabSize);
    const max = Math.max(...logits);
    const lse = max + Math.log(logits.reduce((s, v) => s + Math.exp(v - max), 0));
    return logits.map((v) => v - lse);
  });
}
