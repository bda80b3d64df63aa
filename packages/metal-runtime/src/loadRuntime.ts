import { getLlama, type Llama, type LlamaLogLevel } from "node-llama-cpp";
import { DisposedError, EngineError } from "./errors.js";
import { type LoadModelOptions, LocalModel } from "./LocalModel.js";
import { recommendThreads } from "./recommendThreads.js";
import { markTiming } from "./timing.js";

/** Which accelerator to ask for: `"auto"` tries Metal (Apple Silicon), then CUDA, then Vulkan, then CPU. */
export type GpuChoice = "auto" | false | "metal" | "cuda" | "vulkan";

/** Options for {@link loadRuntime}. */
export interface LoadRuntimeOptions {
  /** Defaults to `"auto"`. */
  gpu?: GpuChoice;
  /** Default threads for contexts on the CPU. Defaults to {@link recommendThreads} for the machine. */
  threads?: number;
  /** llama.cpp log level. Defaults to `"error"` (llama.cpp warns a lot about tiny models). */
  logLevel?: "disabled" | "fatal" | "error" | "warn" | "info" | "debug";
}

/** What the runtime picked, for logs and benchmarks. */
export interface RuntimeBackend {
  gpu: false | "metal" | "cuda" | "vulkan";
  /** e.g. `"llama.cpp cpu"` or `"llama.cpp cuda"`. */
  name: string;
  cpuMathCores: number;
  threads: number;
  buildType: string;
  llamaCppRelease: string;
}

/**
 * Starts llama.cpp through node-llama-cpp with a prebuilt binary only (`build: "never"`: never
 * download or compile llama.cpp) and reports the backend it picked.
 */
export async function loadRuntime(options: LoadRuntimeOptions = {}): Promise<Runtime> {
  const { gpu = "auto", logLevel = "error" } = options;
  let llama: Llama;
  markTiming("runtime:start");
  try {
    llama = await getLlama({ gpu, build: "never", logLevel: logLevel as LlamaLogLevel, progressLogs: false });
  } catch (cause) {
    throw new EngineError(
      `llama.cpp did not start with gpu ${JSON.stringify(gpu)}: ${(cause as Error).message}. Try gpu: "auto" or false.`,
      { cause },
    );
  }
  const threads = options.threads ?? recommendThreads({ cores: llama.cpuMathCores });
  markTiming("runtime:ready", { gpu: String(llama.gpu), threads });
  return new Runtime(llama, threads);
}

/** A started llama.cpp: loads models; `dispose()` frees every model, context and the engine itself. */
export class Runtime implements AsyncDisposable {
  readonly backend: RuntimeBackend;
  readonly #llama: Llama;
  readonly #models = new Set<LocalModel>();
  #disposed = false;

  /** @internal Use {@link loadRuntime}. */
  constructor(llama: Llama, threads: number) {
    this.#llama = llama;
    const gpu = llama.gpu;
    this.backend = {
      gpu,
      name: `llama.cpp ${gpu === false ? "cpu" : gpu}`,
      cpuMathCores: llama.cpuMathCores,
      threads,
      buildType: llama.buildType,
      llamaCppRelease: llama.llamaCppRelease.release,
    };
  }

  get disposed(): boolean {
    return this.#disposed;
  }

  /** Validates the GGUF file first (a bad file must never reach llama.cpp, some abort the process), then loads it. */
  async loadModel(options: LoadModelOptions): Promise<LocalModel> {
    if (this.#disposed) throw new DisposedError("Runtime");
    const model = await LocalModel.load(this.#llama, this.backend, options);
    this.#models.add(model);
    model.onDispose(() => this.#models.delete(model));
    return model;
  }

  async dispose(): Promise<void> {
    if (this.#disposed) return;
    this.#disposed = true;
    await Promise.all([...this.#models].map((model) => model.dispose()));
    await this.#llama.dispose();
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.dispose();
  }
}
