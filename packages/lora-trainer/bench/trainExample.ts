/** The README's training example: `pnpm exec tsx bench/trainExample.ts`. */
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { tinyModelSpec, writeGguf } from "@nomen/gguf";
import { exportGgufAdapter, LoraAdapter, loadModel, reverseWordBatches, train } from "../src/index.js";

const dir = await mkdtemp(join(tmpdir(), "nomen-train-example-"));
await writeGguf(join(dir, "tiny.gguf"), tinyModelSpec({ architecture: "qwen2", layers: 2, seed: 5 }));
const model = await loadModel({ path: join(dir, "tiny.gguf"), log: () => {} });
const adapter = LoraAdapter.create(model, {
  rank: 8,
  alpha: 16,
  targets: ["attn_q", "attn_k", "attn_v", "attn_output", "ffn_up"],
});

const result = await train({
  model,
  adapter,
  trainBatches: reverseWordBatches({ batches: 32, batchSize: 16, seed: 1 }), // <|im_start|>word=drow<|im_end|>
  validationBatches: reverseWordBatches({ batches: 2, batchSize: 16, seed: 99 }),
  args: { learningRate: 1e-2, iters: 120, gradAccumulation: 1, warmupSteps: 5, maxGradNorm: 1, evalEvery: 40 },
  checkpointDir: join(dir, "checkpoints"), // every 10 steps (the default), atomically; `resume: true` continues
  onProgress: (p) => {
    if (p.validationLoss !== undefined)
      console.log(
        `step ${p.step}/${p.totalSteps} loss ${p.loss.toFixed(3)} val ${p.validationLoss.toFixed(3)} lr ${p.lr.toExponential(1)} ${p.tokensPerSecond.toFixed(0)} tok/s`,
      );
  },
});
console.log(result.validationLosses.map((v) => `${v.step}:${v.loss.toFixed(2)}`).join(" "));
console.log(await exportGgufAdapter(adapter, { path: join(dir, "reverse.lora.gguf") }), "bytes");
adapter.dispose();
model.dispose();
