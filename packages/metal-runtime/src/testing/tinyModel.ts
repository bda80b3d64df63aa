import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type GgufMetadata, str, type TinyModelOptions, tinyModelSpec, u32, writeGguf } from "@nomen/gguf";

/** ChatML, the template Qwen models and the dataset use; node-llama-cpp recognizes it from the GGUF. */
export const CHATML_TEMPLATE =
  "{% for message in messages %}{{'<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n'}}{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";

/** Options for {@link writeTinyModel}. */
export interface WriteTinyModelOptions extends TinyModelOptions {
  /** Where to write. Defaults to a new temp directory. */
  path?: string;
  /** Trained context length written to the metadata. Defaults to 4096 (room for a system prompt). */
  contextLength?: number;
  /** More metadata keys, written over the defaults. Defaults to none. */
  metadata?: GgufMetadata;
}

/** A written tiny model; `dispose()` deletes its temp directory. */
export interface TinyModelFile extends AsyncDisposable {
  path: string;
  dispose(): Promise<void>;
}

/**
 * Writes a random-weight tiny qwen2 model (dim 64, 2 layers, byte-level vocab, ChatML template) with
 * `@nomen/gguf`: loads in milliseconds. It emits garbage, which is the point for grammar tests.
 */
export async function writeTinyModel(options: WriteTinyModelOptions = {}): Promise<TinyModelFile> {
  const { path, contextLength = 4096, metadata: extra = {}, ...modelOptions } = options;
  const spec = tinyModelSpec({ architecture: "qwen2", layers: 2, ...modelOptions });
  const arch = modelOptions.architecture ?? "qwen2";
  const metadata = {
    ...spec.metadata,
    [`${arch}.context_length`]: u32(contextLength),
    "tokenizer.chat_template": str(CHATML_TEMPLATE),
    ...extra,
  };
  const dir = path ? undefined : await mkdtemp(join(tmpdir(), "nomen-tiny-"));
  const file = path ?? join(dir as string, "tiny.gguf");
  await writeGguf(file, { ...spec, metadata });
  const dispose = async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  };
  return { path: file, dispose, [Symbol.asyncDispose]: dispose };
}
