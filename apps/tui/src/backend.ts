import { existsSync } from "node:fs";
import { resolve } from "node:path";
import type { AvailabilityChecker, Suggester } from "@nomen/api";
import type { Runtime } from "@nomen/metal-runtime";
import { defaultModelFiles, findDefaultModel } from "./defaultModel.js";
import { MissingDependencyError, UsageError } from "./errors.js";

/** What `nomen suggest` runs on: the pipeline only. */
export interface SuggestBackend {
  suggester: Suggester;
  /** Shown to the user: which model (or the demo) answers. */
  label: string;
  dispose(): Promise<void>;
}

/** What the app and `serve` run on: the pipeline and the availability checker. */
export interface Backend extends SuggestBackend {
  availability: AvailabilityChecker;
}

/** Options for {@link openBackend} and {@link openSuggester}. */
export interface OpenBackendOptions {
  /** A Llama/Qwen2 GGUF. Defaults to the embedded default model (`models/nomen-base.gguf`). */
  model?: string;
  /** A LoRA adapter GGUF. Defaults to the embedded adapter when the default model is used. */
  adapter?: string;
  /** The demo backend: names from the description's words by a fixed rule, no model. Defaults to false. */
  demo?: boolean;
}

/**
 * Opens the suggest pipeline on a model, with the availability checker the app and the API use. Throws
 * {@link MissingDependencyError} saying exactly what is missing (the embedded default model, the model file,
 * or the pipeline itself).
 */
export async function openBackend(options: OpenBackendOptions = {}): Promise<Backend> {
  if (options.demo) {
    const { createFakeAvailability } = await import("@nomen/api/testing");
    return { ...(await openSuggester(options)), availability: createFakeAvailability() };
  }
  const backend = await openSuggester(options);
  try {
    const [{ createDomainsAvailability }, { AvailabilityChecker }] = await Promise.all([
      import("@nomen/api"),
      import("@nomen/domains"),
    ]);
    return { ...backend, availability: createDomainsAvailability(new AvailabilityChecker({ timeoutMs: 4_000 })) };
  } catch (error) {
    await backend.dispose();
    throw error;
  }
}

/**
 * Opens the suggest pipeline alone (what `nomen suggest` needs). Cold start matters there, one process per
 * call: heavy modules are imported on demand, and llama.cpp is started before the pipeline's own modules
 * are imported, because node-llama-cpp first tests its binary in a child process (~0.5 s) while this
 * process would otherwise wait idle.
 */
export async function openSuggester(options: OpenBackendOptions = {}): Promise<SuggestBackend> {
  if (options.demo) {
    const { createFakeSuggester } = await import("@nomen/api/testing");
    return {
      suggester: createFakeSuggester({ msPerSuggestion: 120 }),
      label: "demo backend (names from your words by a fixed rule — not a model)",
      dispose: async () => {},
    };
  }
  const embedded = findDefaultModel();
  const model = options.model ?? embedded?.base;
  if (!model) throw new MissingDependencyError(missingDefaultModelMessage());
  if (!existsSync(model)) throw new MissingDependencyError(`The model file ${model} does not exist.`);
  const adapter = options.adapter ?? (options.model ? undefined : embedded?.adapter);
  if (adapter && !existsSync(adapter)) throw new MissingDependencyError(`The adapter file ${adapter} does not exist.`);
  const { runtime } = await startRuntime();
  let suggester: Suggester & { backend: string; dispose(): Promise<void> };
  try {
    // The embedded model refuses by itself now (models/README.md, "Safety": 91% of blocked requests, 3% of
    // near-misses, greedy), but sampling makes its refusal branch less sure and a wrong refusal leaves a benign user
    // with nothing: its refusals are ignored — also when its file is named with --model — and the guard in front of it
    // decides. Any other model's refusals are trusted.
    const isEmbedded = embedded !== undefined && resolve(model) === resolve(embedded.base);
    suggester = await createPipeline(model, adapter, runtime, { trustModelRefusals: !isEmbedded });
  } catch (error) {
    await runtime.then((started) => started.dispose()).catch(() => {});
    throw error;
  }
  return {
    suggester,
    label: `${adapter ? `${model} + ${adapter}` : model} (${suggester.backend})`,
    dispose: async () => {
      await suggester.dispose();
      await (await runtime).dispose();
    },
  };
}

/**
 * Imports node-llama-cpp and starts llama.cpp without waiting for it: the start (a binary test in a child
 * process) runs while the caller imports the rest. Import first, the rest after: imported together, the
 * module loader would finish node-llama-cpp's graph last, and the child process would start late.
 */
async function startRuntime(): Promise<{ runtime: Promise<Runtime> }> {
  let loadRuntime: typeof import("@nomen/metal-runtime").loadRuntime;
  try {
    ({ loadRuntime } = await import("@nomen/metal-runtime"));
  } catch (cause) {
    throw new MissingDependencyError("The model runtime (@nomen/metal-runtime) is not built. Hint: pnpm build.", {
      cause,
    });
  }
  const runtime = loadRuntime({ gpu: "auto" });
  // Awaited by createPipeline; until then a failed start must not count as an unhandled rejection.
  runtime.catch(() => {});
  return { runtime };
}

/** What `nomen` says when no model was given and the default one has not shipped. */
export function missingDefaultModelMessage(): string {
  return (
    `The embedded default model is not there yet: expected ${process.env.NOMEN_MODELS_DIR ? `$NOMEN_MODELS_DIR/` : "models/"}${defaultModelFiles.base} ` +
    "(it is trained by Nomen's own pipeline and has not shipped in this checkout).\n" +
    "Hint: pass --model path/to/any-llama-or-qwen2.gguf, or try the app with --demo (no model)."
  );
}

async function createPipeline(
  model: string,
  adapter: string | undefined,
  runtime: Promise<Runtime>,
  settings: { trustModelRefusals: boolean },
): Promise<Suggester & { backend: string; dispose(): Promise<void> }> {
  let suggest: typeof import("@nomen/suggest");
  try {
    suggest = await import("@nomen/suggest");
  } catch (cause) {
    throw new MissingDependencyError("The suggest pipeline (@nomen/suggest) is not built. Hint: pnpm build.", {
      cause,
    });
  }
  // Typed against the API's Suggester interface: a mismatch between the two packages fails the build here.
  try {
    const suggester: Suggester & { backend: string; dispose(): Promise<void> } = await suggest.createSuggester({
      model,
      adapter,
      runtime,
      trustModelRefusals: settings.trustModelRefusals,
    });
    return suggester;
  } catch (error) {
    // metal-runtime validates the files before llama.cpp sees them: a bad file is the user's input, not a crash.
    if (error instanceof Error && ["ModelFileError", "AdapterMismatchError"].includes(error.name)) {
      throw new UsageError(`Cannot use ${adapter ? `${model} with ${adapter}` : model}: ${error.message}`, {
        cause: error,
      });
    }
    throw error;
  }
}
