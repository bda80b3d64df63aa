import { existsSync } from "node:fs";
import { type AvailabilityChecker, createDomainsAvailability, type Suggester } from "@nomen/api";
import { createFakeAvailability, createFakeSuggester } from "@nomen/api/testing";
import { AvailabilityChecker as DomainsAvailabilityChecker } from "@nomen/domains";
import { defaultModelFiles, findDefaultModel } from "./defaultModel.js";
import { MissingDependencyError } from "./errors.js";

/** What the app, `suggest` and `serve` run on. */
export interface Backend {
  suggester: Suggester;
  availability: AvailabilityChecker;
  /** Shown to the user: which model (or the demo) answers. */
  label: string;
  dispose(): Promise<void>;
}

/** Options for {@link openBackend}. */
export interface OpenBackendOptions {
  /** A Llama/Qwen2 GGUF. Defaults to the embedded default model (`models/nomen-base.gguf`). */
  model?: string;
  /** A LoRA adapter GGUF. Defaults to the embedded adapter when the default model is used. */
  adapter?: string;
  /** The demo backend: names from the description's words by a fixed rule, no model. Defaults to false. */
  demo?: boolean;
}

/** The name of the factory `@nomen/suggest` is expected to export: `createSuggester({model, adapter}) → Suggester`. */
export const suggestFactoryName = "createSuggester";

/**
 * Opens the suggest pipeline on a model. Throws {@link MissingDependencyError} saying exactly what is missing
 * (the embedded default model, the model file, or the pipeline itself).
 */
export async function openBackend(options: OpenBackendOptions = {}): Promise<Backend> {
  if (options.demo) {
    return {
      suggester: createFakeSuggester({ msPerSuggestion: 120 }),
      availability: createFakeAvailability(),
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
  const suggester = await createPipeline(model, adapter);
  return {
    suggester,
    availability: createDomainsAvailability(new DomainsAvailabilityChecker({ timeoutMs: 4_000 })),
    label: adapter ? `${model} + ${adapter}` : model,
    dispose: async () => {
      await (suggester as { dispose?: () => Promise<void> }).dispose?.();
    },
  };
}

/** What `nomen` says when no model was given and the default one has not shipped. */
export function missingDefaultModelMessage(): string {
  return (
    `The embedded default model is not there yet: expected models/${defaultModelFiles.base} ` +
    "(it is trained by Nomen's own pipeline and has not shipped in this checkout).\n" +
    "Hint: pass --model path/to/any-llama-or-qwen2.gguf, or try the app with --demo (no model)."
  );
}

async function createPipeline(model: string, adapter: string | undefined): Promise<Suggester> {
  let suggest: Record<string, unknown>;
  try {
    suggest = (await import("@nomen/suggest")) as Record<string, unknown>;
  } catch (cause) {
    throw new MissingDependencyError("The suggest pipeline (@nomen/suggest) is not built. Hint: pnpm build.", {
      cause,
    });
  }
  const create = suggest[suggestFactoryName];
  if (typeof create !== "function") {
    throw new MissingDependencyError(
      `The suggest pipeline (@nomen/suggest) does not export ${suggestFactoryName}({model, adapter}) yet, ` +
        `so the model at ${model} cannot be used. Hint: --demo shows the app without a model.`,
    );
  }
  return (await create({ model, adapter })) as Suggester;
}
