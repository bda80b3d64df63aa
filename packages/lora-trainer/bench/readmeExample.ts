// The README's usage example, runnable: `pnpm exec tsx bench/readmeExample.ts`.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { tinyModelSpec, writeGguf } from "@nomen/gguf";
import { exportGgufAdapter, generateGreedy, LoraAdapter, loadModel } from "../src/index.js";

const dir = mkdtempSync(join(tmpdir(), "nomen-example-"));
const path = join(dir, "tiny.gguf");
await writeGguf(path, tinyModelSpec({ architecture: "qwen2", layers: 2, seed: 1 })); // random weights, 261-token vocab

const model = await loadModel({ path }); // logs the backend and the memory report
console.log(model.config.architecture, model.backend, model.memory.parameters);
const logProbs = await model.logProbs([[72, 101, 108, 108, 111]]); // "Hello" as bytes
console.log(logProbs[0]![4]![33]!.toFixed(4)); // log p("!" | "Hello")
console.log(await generateGreedy(model, { prompt: [72, 101, 108, 108, 111], maxTokens: 5 }));

const adapter = LoraAdapter.create(model, { rank: 8, alpha: 16 }); // q/k/v/o, dropout 0.05; logs the share
console.log(await exportGgufAdapter(adapter, { path: join(dir, "adapter.gguf") }), "bytes");
adapter.dispose();
model.dispose();
