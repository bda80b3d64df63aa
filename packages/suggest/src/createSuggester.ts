import { AvailabilityChecker, validateDomain } from "@nomen/domains";
import { checkInput } from "@nomen/guard";
import {
  type AdapterSpec,
  type CalibratorSpec,
  type GpuChoice,
  type LocalModel,
  loadRuntime,
  type Runtime,
  type SuggestionGenerator,
} from "@nomen/metal-runtime";
import { AsyncQueue } from "./AsyncQueue.js";
import { SuggesterConfigError } from "./errors.js";
import { loadCalibrator } from "./loadCalibrator.js";
import { resolveRequest, type SuggestRequest } from "./request.js";
import {
  type AvailabilityLookup,
  type PipelineDeps,
  type PipelineStats,
  runPipeline,
  type Suggestion,
  type SuggestResponse,
} from "./runPipeline.js";
import type { ValidateDomain } from "./stages/checkDomain.js";
import { type OutputFilter, policyOutputFilter } from "./stages/outputFilter.js";

/** What `stream` yields: each suggestion as soon as it passed every check, or one blocked notice. */
export type SuggestStreamItem = Suggestion | { status: "blocked"; message: string };

/** Per-call options. */
export interface SuggestCallOptions {
  signal?: AbortSignal;
  /** Filled with counters of this run (rounds, tokens, drops by reason). */
  stats?: PipelineStats;
  /** Sampling seed for this call (later rounds add 1). Defaults to the suggester's `seed`. */
  seed?: number;
}

/** The pipeline both apps use. */
export interface Suggester extends AsyncDisposable {
  /** Runs the whole pipeline and returns the ranked response. Throws `InvalidRequestError` for bad input. */
  suggest(request: SuggestRequest, options?: SuggestCallOptions): Promise<SuggestResponse>;
  /** Same pipeline, streamed: suggestions in arrival order (the ranked list is what `suggest` returns). */
  stream(request: SuggestRequest, options?: SuggestCallOptions): AsyncIterable<SuggestStreamItem>;
  /** The generator's backend, e.g. "llama.cpp cpu + 1 LoRA". */
  readonly backend: string;
  /** Frees what the suggester created itself (the model loaded from `model`, its own runtime), never an injected generator or runtime. */
  dispose(): Promise<void>;
}

/** Options for {@link createSuggester}: give `generator`, or `model` (and optionally `adapter`) paths. */
export interface CreateSuggesterOptions {
  /** A local or remote generator from `@nomen/metal-runtime`. */
  generator?: SuggestionGenerator;
  /** A base GGUF to load with a new runtime. */
  model?: string;
  /** A LoRA adapter GGUF for `model`. */
  adapter?: string | AdapterSpec;
  /** For `model`: defaults to "auto". Ignored when `runtime` is given. */
  gpu?: GpuChoice;
  /**
   * For `model`: a llama.cpp runtime from `loadRuntime`, or the promise of one. Lets a caller start llama.cpp
   * (which tests its binary in a child process, ~0.5 s) while it still imports its own modules. The
   * suggester never disposes a runtime it was given. Defaults to a new runtime, owned and disposed by the suggester.
   */
  runtime?: Runtime | Promise<Runtime>;
  /**
   * For `model`: maps the model's raw token-probability confidence to a calibrated one, as
   * `@nomen/metal-runtime`'s `fitPlatt`/`fitIsotonic` produce it, or the path of a JSON file holding
   * that spec (e.g. `<model>.calibration.json`). Defaults to `<model>.calibration.json` when that file
   * exists, else none (confidences are the raw token probabilities). An injected `generator` carries
   * its own calibrator, so this must not be set with `generator`.
   */
  calibrator?: CalibratorSpec | string;
  /** For `model`: parallel sequences. Defaults to 4. */
  sequences?: number;
  /** Defaults to `@nomen/guard`'s `checkInput`. */
  inputGuard?: (text: string) => { allowed: boolean };
  /** Defaults to `@nomen/domains`' `validateDomain`. */
  validate?: ValidateDomain;
  /** Defaults to {@link policyOutputFilter}. */
  outputFilter?: OutputFilter;
  /** Used when a request sets `check_availability`. Defaults to a `@nomen/domains` `AvailabilityChecker`, made on first use. */
  availability?: AvailabilityLookup;
  /** Defaults to the dataset's `SYSTEM_PROMPT`. */
  systemPrompt?: string;
  /** Defaults to false (see `buildMessages`). */
  promptHints?: boolean;
  /** Defaults to 3. */
  maxRounds?: number;
  /** Defaults to 0.8. */
  temperature?: number;
  /** Per round. Defaults to 512. */
  maxTokens?: number;
  /** For the whole request, queue wait included. Defaults to 30000. */
  timeoutMs?: number;
  /** Defaults to true. */
  trustModelRefusals?: boolean;
  /** Fixes sampling for reproducible runs. Defaults to random. */
  seed?: number;
}

/**
 * Builds the suggest pipeline.
 * @example
 * const suggester = await createSuggester({ model: "models/nomen-tiny.gguf" });
 * await suggester.suggest({ business_description: "A bakery in Lyon", count: 3, tlds: ["com", "fr"] });
 */
export async function createSuggester(options: CreateSuggesterOptions): Promise<Suggester> {
  if ((options.generator === undefined) === (options.model === undefined)) {
    throw new SuggesterConfigError(
      `createSuggester needs exactly one of generator or model (a GGUF path), got ${
        options.generator === undefined ? "neither" : "both"
      }. Hint: pass { model: "models/nomen-tiny.gguf" } or { generator } from @nomen/metal-runtime.`,
    );
  }
  if (options.generator && options.calibrator !== undefined) {
    throw new SuggesterConfigError(
      "createSuggester got calibrator with an injected generator, expected calibrator only with model. " +
        "Hint: pass the calibrator to the generator (model.createGenerator({ calibrator }) or createRemoteGenerator).",
    );
  }
  if (options.generator && options.runtime !== undefined) {
    throw new SuggesterConfigError(
      "createSuggester got runtime with an injected generator, expected runtime only with model. " +
        "Hint: load the model on that runtime yourself, or pass { model, runtime }.",
    );
  }
  // The runtime this suggester made itself (and disposes); an injected one belongs to the caller.
  let runtime: Runtime | undefined;
  let ownModel: LocalModel | undefined;
  let generator = options.generator;
  if (!generator) {
    const calibrator = await loadCalibrator(options.calibrator, options.model as string);
    const starting = options.runtime ?? loadRuntime({ gpu: options.gpu ?? "auto" });
    let model: LocalModel | undefined;
    try {
      // llama.cpp tests its binary in a child process first (~0.5 s): build the guards' matchers meanwhile.
      warmUpStages(options);
      const engine = await starting;
      if (!options.runtime) runtime = engine;
      model = await engine.loadModel({ modelPath: options.model as string });
      ownModel = model;
      const adapter = typeof options.adapter === "string" ? { path: options.adapter } : options.adapter;
      generator = await model.createGenerator({
        sequences: options.sequences ?? 4,
        adapters: adapter ? [adapter] : [],
        calibrator,
      });
    } catch (error) {
      await model?.dispose();
      if (!options.runtime)
        await Promise.resolve(starting).then(
          (own) => own.dispose(),
          () => {},
        );
      throw error;
    }
  }
  let availability = options.availability;
  let ownAvailability: AvailabilityChecker | undefined;
  const deps: PipelineDeps = {
    generator,
    inputGuard: options.inputGuard ?? ((text) => checkInput(text)),
    validate: options.validate ?? validateDomain,
    outputFilter: options.outputFilter ?? policyOutputFilter,
    get availability() {
      if (!availability) {
        ownAvailability = new AvailabilityChecker();
        availability = ownAvailability;
      }
      return availability;
    },
    systemPrompt: options.systemPrompt,
    promptHints: options.promptHints,
    maxRounds: options.maxRounds ?? 3,
    temperature: options.temperature ?? 0.8,
    maxTokens: options.maxTokens ?? 512,
    timeoutMs: options.timeoutMs ?? 30_000,
    trustModelRefusals: options.trustModelRefusals ?? true,
    seed: options.seed,
  };

  const dispose = async () => {
    // Only what this suggester made itself: an injected `availability` or `generator` belongs to the caller.
    ownAvailability?.dispose();
    ownAvailability = undefined;
    const [model, own] = [ownModel, runtime];
    [ownModel, runtime] = [undefined, undefined];
    await model?.dispose();
    await own?.dispose();
  };
  return {
    backend: generator.backend,
    suggest: async (request, call = {}) =>
      runPipeline(resolveRequest(request), {
        deps: withSeed(deps, call.seed),
        signal: call.signal,
        stats: call.stats,
      }),
    stream: (request, call = {}) => {
      const resolved = resolveRequest(request);
      // Stops generation when the consumer stops iterating (break, return, throw).
      const stop = new AbortController();
      const signal = call.signal ? AbortSignal.any([call.signal, stop.signal]) : stop.signal;
      const queue = new AsyncQueue<SuggestStreamItem>(() => stop.abort());
      runPipeline(resolved, {
        deps: withSeed(deps, call.seed),
        signal,
        onSuggestion: (s) => queue.push(s),
        stats: call.stats,
      }).then(
        (response) => {
          if (response.status === "blocked") queue.push({ status: "blocked", message: response.message });
          queue.end();
        },
        (error: unknown) => queue.end(error ?? new Error("suggest pipeline failed")),
      );
      return queue;
    },
    dispose,
    [Symbol.asyncDispose]: dispose,
  };
}

/**
 * Runs the default guards once on harmless text: their first call builds their matchers and indexes
 * (~0.3 s on 2 cores), which is better spent while llama.cpp starts than inside the first request.
 */
function warmUpStages(options: CreateSuggesterOptions): void {
  if (!options.inputGuard) checkInput("a small bakery");
  if (!options.outputFilter) policyOutputFilter("bakery.com", "bakery");
}

function withSeed(deps: PipelineDeps, seed: number | undefined): PipelineDeps {
  return seed === undefined ? deps : Object.create(deps, { seed: { value: seed } });
}
