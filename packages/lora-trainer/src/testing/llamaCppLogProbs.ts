import type { Llama, Token } from "node-llama-cpp";

/** log(FLT_MIN): llama.cpp's float32 probabilities below this underflow, so parity tests skip them. */
export const FLT_MIN_LOG = Math.log(1.1754943508222875e-38);

/**
 * Next-token log-probabilities at every position of `tokens`, from llama.cpp with the settings that make it exact
 * (threads 1, flash attention off, F32 KV cache), optionally with one LoRA adapter.
 */
export async function llamaCppLogProbs(
  llama: Llama,
  options: { modelPath: string; tokens: readonly number[]; adapterPath?: string; contextSize?: number },
): Promise<Map<number, number>[]> {
  const { modelPath, tokens, adapterPath, contextSize = 64 } = options;
  const model = await llama.loadModel({ modelPath });
  const context = await model.createContext({
    contextSize,
    threads: 1,
    flashAttention: false,
    experimentalKvCacheKeyType: "F32",
    experimentalKvCacheValueType: "F32",
    ...(adapterPath ? { lora: { adapters: [{ filePath: adapterPath }] } } : {}),
  });
  const results = await context
    .getSequence()
    .controlledEvaluate(tokens.map((t) => [t as Token, { generateNext: { probabilities: true } }]));
  await context.dispose();
  await model.dispose();
  return results.map((r) => new Map([...(r?.next?.probabilities ?? new Map())].map(([t, p]) => [t, Math.log(p)])));
}
