/**
 * In-memory stand-ins for the suggest pipeline and the availability checker, for tests, benchmarks and demos.
 * They are not Nomen's model: the names are derived from the description's words by a fixed rule.
 */
import { setTimeout as sleep } from "node:timers/promises";
import type {
  AvailabilityChecker,
  AvailabilityResult,
  CallOptions,
  Suggester,
  SuggestRequest,
  SuggestResponse,
  SuggestStreamItem,
} from "./types.js";

/** Options for {@link createFakeSuggester}. */
export interface FakeSuggesterOptions {
  /** Delay before each suggestion, in ms (simulates generation time). Defaults to 0. */
  msPerSuggestion?: number;
  /** Descriptions matching this are answered with `status: blocked`. Defaults to a tiny explicit-content pattern. */
  blockPattern?: RegExp;
}

const blockedMessage = "Request contains inappropriate content";

/** A deterministic fake {@link Suggester}: word-based names, decreasing confidence, honours the abort signal. */
export function createFakeSuggester(options: FakeSuggesterOptions = {}): Suggester {
  const { msPerSuggestion = 0, blockPattern = /\b(?:porn|nude|explicit)\b/i } = options;
  async function* stream(request: SuggestRequest, { signal }: CallOptions): AsyncGenerator<SuggestStreamItem> {
    if (blockPattern.test(request.business_description)) {
      yield { status: "blocked", message: blockedMessage };
      return;
    }
    for (const suggestion of fakeNames(request)) {
      if (msPerSuggestion > 0) await sleep(msPerSuggestion, undefined, { signal });
      signal.throwIfAborted();
      yield suggestion;
    }
  }
  return {
    stream,
    async suggest(request, callOptions): Promise<SuggestResponse> {
      const suggestions = [];
      for await (const item of stream(request, callOptions)) {
        if ("status" in item) return { suggestions: [], status: "blocked", message: item.message };
        suggestions.push(item);
      }
      return { suggestions, status: "success" };
    },
  };
}

function fakeNames(request: SuggestRequest) {
  const words = request.business_description
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9\s]/g, " ")
    .split(/\s+/)
    .filter((word) => word.length > 2 && !(request.exclude ?? []).includes(word));
  const stems = [...(request.include ?? []), ...(words.length > 0 ? words : ["nomen"])];
  const tlds = request.tlds ?? ["com"];
  const maxLength = request.max_length ?? 20;
  const names = new Set<string>();
  for (let i = 0; names.size < request.count && i < request.count * 4; i++) {
    const first = stems[i % stems.length] ?? "nomen";
    const second = stems[(i + 1) % stems.length] ?? "hub";
    const label = (i % 2 === 0 ? `${first}${second}` : `${first}hq${i}`).slice(0, maxLength).replace(/-+$/, "");
    names.add(`${label || "nomen"}.${tlds[i % tlds.length]}`);
  }
  return [...names].map((domain, index) => ({
    domain,
    confidence: Math.max(0.05, Math.round((0.95 - index * 0.04) * 100) / 100),
  }));
}

/** A fake {@link AvailabilityChecker}: names containing "taken" are taken, ".example" is unknown, the rest available. */
export function createFakeAvailability(): AvailabilityChecker {
  return {
    async check(domains): Promise<AvailabilityResult[]> {
      return domains.map((domain) => ({
        domain,
        status: domain.includes("taken") ? "taken" : domain.endsWith(".example") ? "unknown" : "available",
        source: "fake",
      }));
    },
  };
}
