/**
 * The shapes the API speaks and the dependencies it needs. The suggest pipeline, the availability checker and
 * the model's readiness are injected through {@link ApiDeps}, so tests use small fakes and `nomen serve` the real ones.
 */
import { SUGGEST_STYLES, type SuggestStyle } from "@nomen/suggest";
import type { Logger } from "pino";
import type { ApiConfigInput } from "./config.js";

/** Naming styles a client may ask for: `@nomen/suggest`'s own list. */
export const suggestStyles = SUGGEST_STYLES;
export type { SuggestStyle };

/** `POST /v1/suggestions` body after validation and defaults. */
export interface SuggestRequest {
  business_description: string;
  /** How many suggestions. Defaults to 5. */
  count: number;
  /** TLDs to use, lower case without the dot (e.g. `["com", "io"]`). Defaults to the pipeline's choice. */
  tlds?: string[];
  style?: SuggestStyle;
  /** Longest second-level label, in characters. */
  max_length?: number;
  /** Words the names should contain. */
  include?: string[];
  /** Words the names must not contain. */
  exclude?: string[];
  /** Keep only names the availability check does not report as taken. Defaults to false. */
  check_availability: boolean;
  /** Allow hyphens in names. Defaults to false. */
  allow_hyphens?: boolean;
  /** Allow digits in names. Defaults to false. */
  allow_digits?: boolean;
  /** Language of the description and the names, BCP 47. Defaults to "en". */
  language?: string;
}

/** One suggested domain with a calibrated confidence in [0, 1]. */
export interface Suggestion {
  domain: string;
  confidence: number;
}

/** The response of `POST /v1/suggestions`: exactly these keys. */
export type SuggestResponse =
  | { suggestions: readonly Suggestion[]; status: "success" }
  | { suggestions: readonly []; status: "blocked"; message: string };

/** What a streaming suggester yields: suggestions as they are ready, or one blocked notice (then nothing more). */
export type SuggestStreamItem = Suggestion | { status: "blocked"; message: string };

/** Per-call options: every call can be cancelled (client gone, request timeout, shutdown). */
export interface CallOptions {
  signal: AbortSignal;
}

/** The suggest pipeline (guard → model → domains → rank), as the API needs it. `@nomen/suggest` implements it. */
export interface Suggester {
  suggest(request: SuggestRequest, options: CallOptions): Promise<SuggestResponse>;
  stream(request: SuggestRequest, options: CallOptions): AsyncIterable<SuggestStreamItem>;
}

/** Availability states: `unknown` is an honest answer (registry unreachable, rate-limited, no RDAP server). */
export const availabilityStatuses = ["available", "taken", "reserved-or-premium", "unknown"] as const;

/** Availability of one domain. */
export interface AvailabilityResult {
  domain: string;
  status: (typeof availabilityStatuses)[number];
  /** Where the answer came from (e.g. "rdap", "dns"). */
  source?: string;
}

/** `@nomen/domains`' availability check, as the API needs it. */
export interface AvailabilityChecker {
  check(domains: readonly string[], options: CallOptions): Promise<AvailabilityResult[]>;
}

/** What {@link createApp} needs. */
export interface ApiDeps {
  suggester: Suggester;
  availability: AvailabilityChecker;
  /** True once the model is loaded and the API can answer suggestion requests. */
  ready: () => boolean | Promise<boolean>;
  /** Settings; missing ones take the defaults of {@link defaultConfig}. */
  config?: Partial<ApiConfigInput>;
  /** Structured logger. Defaults to pino at `config.logLevel` on stdout. */
  logger?: Logger;
  /** True while the server drains for shutdown: new requests get 503. Defaults to never. */
  isDraining?: () => boolean;
  /** Collect the process metrics (RSS, heap, event-loop lag) into `/metrics`. Defaults to true. */
  processMetrics?: boolean;
}
