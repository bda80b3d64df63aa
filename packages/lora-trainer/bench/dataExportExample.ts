// The README's data + export example, runnable: `pnpm exec tsx bench/dataExportExample.ts`.
import { writeFileSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadGgufTokenizer } from "@nomen/core-tokenizer";
import { tinyModelSpec, writeGguf } from "@nomen/gguf";
import {
  exportGgufAdapter,
  exportPeftAdapter,
  LoraAdapter,
  loadExamples,
  loadModel,
  makeBatches,
  mergeToGguf,
  nextTokenLoss,
  splitValidation,
  tokenizeExamples,
  validateTrainingPlan,
} from "../src/index.js";

const dir = await mkdtemp(join(tmpdir(), "nomen-data-export-"));
const base = join(dir, "tiny.gguf");
await writeGguf(base, tinyModelSpec({ architecture: "qwen2", layers: 2, seed: 1 })); // random weights
const cities = ["lyon", "oslo", "paris", "bern", "rome", "kyiv", "lima", "quito", "accra", "hanoi", "porto", "turin"];
const data = join(dir, "train.jsonl");
writeFileSync(
  data,
  cities.map((c) => JSON.stringify({ prompt: `Bakery in ${c}`, completion: `${c}bread.com` })).join("\n"),
);

const { format, examples } = await loadExamples(data); // validates every line first
const tokenizer = await loadGgufTokenizer(base);
const { examples: tokenized, report } = tokenizeExamples(examples, { tokenizer, maxLength: 48 });
console.log(format, { ...report, overflowed: report.overflowed.length });
const { train, validation } = splitValidation(tokenized, { fraction: 0.25, seed: 1 });
const padId = tokenizer.specialTokenId("<|endoftext|>")!;
const batches = makeBatches(train, { batchSize: 3, padId, padMultiple: 8, seed: 1 });
console.log(
  `${train.length} train / ${validation.length} validation; batches ${batches.map((b) => `${b.batchSize}×${b.seqLen}`).join(" ")}`,
);

const model = await loadModel({ path: base, log: () => {} });
validateTrainingPlan({ config: model.config, lora: { rank: 8 }, maxLength: 48, batchSize: 3 });
const adapter = LoraAdapter.create(model, { rank: 8, alpha: 16, log: console.log });
const { tf } = model;
const optimizer = tf.train.adam(1e-2);
for (let step = 0; step < 20; step++) {
  const batch = batches[step % batches.length]!;
  const loss = optimizer.minimize(
    () => {
      const ids = tf.tensor2d(batch.ids, [batch.batchSize, batch.seqLen], "int32");
      const mask = tf.tensor2d(batch.lossMask, [batch.batchSize, batch.seqLen]);
      return nextTokenLoss(tf, adapter.forward(ids), ids, mask);
    },
    true,
    adapter.variables,
  );
  if (step % 5 === 4) console.log(`step ${step + 1} loss ${loss!.dataSync()[0]!.toFixed(3)}`);
  loss!.dispose();
}
const peft = await exportPeftAdapter(adapter, { dir: join(dir, "peft"), baseModel: "nomen/tiny-qwen2" });
console.log("PEFT:", peft.bytes, "bytes,", peft.tensorNames.length, "tensors, e.g.", peft.tensorNames[0]);
console.log("GGUF adapter:", await exportGgufAdapter(adapter, { path: join(dir, "adapter.gguf") }), "bytes");
for (const type of ["F32", "F16", "Q8_0"] as const) {
  const merged = await mergeToGguf(adapter, { base, path: join(dir, `merged.${type}.gguf`), type });
  console.log(`merged ${type}:`, merged);
}
adapter.dispose();
model.dispose();
