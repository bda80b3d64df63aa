import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { getLlama, type Llama, LlamaLogLevel, type Token } from "node-llama-cpp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadModel } from "../loadModel.js";
import { type GgmlCpuProfile, GgmlCpuSession, openGgmlCpuModel } from "../models/ggmlCpuForward.js";
import { exactGgmlCpuProfile } from "../testing/ggmlCpuVariant.js";
import { llamaCppLogProbs } from "../testing/llamaCppLogProbs.js";
import { compare, summary } from "./parityCases.js";

/**
 * The project's trained model (models/runs/base-v1, gitignored: skipped where absent): the exact ggml-cpu path and
 * the TF.js pass against llama.cpp on a real prompt, with and without its LoRA, and greedy generation.
 */
const RUN = fileURLToPath(new URL("../../../../models/runs/base-v1/", import.meta.url));
const BASE = `${RUN}nomen-base.gguf`;
const LORA = `${RUN}lora-v2/step-240.gguf`;
const DESCRIPTIONS = [
  "A family bakery in Lyon that sells sourdough and croissants",
  "Mobile dog grooming van in Austin",
];
const chat = (description: string) =>
  "<|im_start|>system\nSuggest domain names for this business. Reply in JSON.<|im_end|>\n" +
  `<|im_start|>user\n${description}<|im_end|>\n<|im_start|>assistant\n`;

let llama: Llama;
let profile: GgmlCpuProfile | undefined;
beforeAll(async () => {
  llama = await getLlama({ gpu: false, build: "never", logLevel: LlamaLogLevel.error });
  const exact = exactGgmlCpuProfile();
  if (!("skip" in exact)) profile = exact.profile;
});
afterAll(async () => {
  await llama?.dispose();
});

async function promptTokens(description: string): Promise<number[]> {
  const model = await llama.loadModel({ modelPath: BASE, vocabOnly: true });
  const tokens = [...model.tokenize(chat(description), true)].map(Number);
  await model.dispose();
  return tokens;
}

describe.skipIf(!existsSync(BASE))("trained base-v1 (F16) vs llama.cpp", () => {
  it("log-probs at every prompt position: exact path ≤ 1e-4, with and without the LoRA", async () => {
    if (!profile) return;
    const tokens = await promptTokens(DESCRIPTIONS[0]!);
    for (const adapterPath of [undefined, ...(existsSync(LORA) ? [LORA] : [])]) {
      const theirs = await llamaCppLogProbs(llama, { modelPath: BASE, tokens, contextSize: 512, adapterPath });
      const exact = compare(theirs, (await openGgmlCpuModel(BASE, { adapterPath })).logProbs(tokens, profile));
      let tfjs = "";
      if (!adapterPath) {
        const model = await loadModel({ path: BASE, log: () => {} });
        tfjs = `; TF.js ${summary(compare(theirs, (await model.logProbs([tokens]))[0]!).perPosition)}`;
        model.dispose();
      }
      console.log(
        `${adapterPath ? "base + LoRA" : "base"}, ${tokens.length} tokens: exact ${summary(exact.perPosition)}${tfjs}`,
      );
      expect(Math.max(...exact.perPosition)).toBeLessThanOrEqual(1e-4);
    }
  });

  it("greedy generation with the LoRA: llama.cpp's tokens", async () => {
    if (!profile || !existsSync(LORA)) return;
    const exact = await openGgmlCpuModel(BASE, { adapterPath: LORA });
    const model = await llama.loadModel({ modelPath: BASE });
    for (const description of DESCRIPTIONS) {
      const prompt = await promptTokens(description);
      const context = await model.createContext({
        ...{ contextSize: 512, threads: 1, flashAttention: false, lora: { adapters: [{ filePath: LORA }] } },
        ...{ experimentalKvCacheKeyType: "F32", experimentalKvCacheValueType: "F32" },
      });
      const theirs: number[] = [];
      for await (const token of context.getSequence().evaluate(prompt as Token[], { temperature: 0 })) {
        theirs.push(Number(token));
        if (theirs.length === 40) break;
      }
      await context.dispose();
      const ours = new GgmlCpuSession(exact.config, exact.weights, profile).greedy(prompt, theirs.length);
      console.log(`${description}: ${JSON.stringify(model.detokenize(theirs as Token[]))}`);
      expect(ours).toEqual(theirs);
    }
    await model.dispose();
  });
});
