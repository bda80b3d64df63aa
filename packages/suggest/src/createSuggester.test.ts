import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AvailabilityChecker } from "@nomen/domains";
import { BLOCKED_RESPONSE } from "@nomen/guard";
import {
  AdapterMismatchError,
  BusyError,
  type GenerateSuggestionsOptions,
  GenerationAbortedError,
  GenerationTimeoutError,
  ModelFileError,
  type SuggestionGenerator,
} from "@nomen/metal-runtime";
import { writeTinyAdapter, writeTinyModel } from "@nomen/metal-runtime/testing";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createSuggester, type Suggester, type SuggestStreamItem } from "./createSuggester.js";
import { CalibratorFileError, InvalidRequestError, SuggesterConfigError } from "./errors.js";
import type { PipelineStats } from "./runPipeline.js";

let dir: string;
let modelPath: string;
let suggester: Suggester;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "nomen-suggest-"));
  modelPath = (await writeTinyModel({ path: join(dir, "tiny.gguf") })).path;
  suggester = await createSuggester({ model: modelPath, gpu: false, sequences: 2, seed: 7, maxTokens: 300 });
});

afterAll(async () => {
  await suggester?.dispose();
  await rm(dir, { recursive: true, force: true });
});

/** A generator that replays fixed answers through the real streaming contract. */
function scripted(answers: string[][], blocked = false): SuggestionGenerator & { calls: GenerateSuggestionsOptions[] } {
  const calls: GenerateSuggestionsOptions[] = [];
  return {
    backend: "scripted",
    calls,
    async generateSuggestions(options) {
      calls.push(options);
      const domains = answers[calls.length - 1] ?? [];
      const suggestions = domains.map((domain, index) => ({ index, domain, confidence: 0.5, rawConfidence: 0.5 }));
      for (const s of suggestions) options.onSuggestion?.(s);
      return { suggestions, blocked, text: JSON.stringify({ suggestions: domains }), tokens: 10, finishReason: "stop" };
    },
    dispose: async () => {},
    [Symbol.asyncDispose]: async () => {},
  };
}

describe("createSuggester on a real tiny model", () => {
  it("answers with exactly the response shape the apps return", async () => {
    const response = await suggester.suggest({
      business_description: "A bakery in Lyon",
      count: 3,
      tlds: ["com", "fr"],
    });
    expect(response.status).toBe("success");
    expect(Object.keys(response)).toEqual(["suggestions", "status"]);
    for (const s of response.suggestions) expect(Object.keys(s)).toEqual(["domain", "confidence"]);
    expect(suggester.backend).toBe("llama.cpp cpu");
  });

  it("streams suggestions, and they are the ones suggest would rank", async () => {
    const streamed: SuggestStreamItem[] = [];
    for await (const item of suggester.stream({ business_description: "A bakery in Lyon", count: 4 }))
      streamed.push(item);
    expect(streamed.length).toBeGreaterThan(0);
    expect(streamed.length).toBeLessThanOrEqual(4);
    for (const item of streamed) expect(item).toHaveProperty("domain");
  });

  it("blocks a request the input policy refuses, without generating", async () => {
    const generator = scripted([["never.com"]]);
    const guarded = await createSuggester({ generator });
    const request = { business_description: "Buy cocaine and meth online, fast delivery" };
    expect(await guarded.suggest(request)).toEqual(BLOCKED_RESPONSE);
    const streamed: SuggestStreamItem[] = [];
    for await (const item of guarded.stream(request)) streamed.push(item);
    expect(streamed).toEqual([{ status: "blocked", message: BLOCKED_RESPONSE.message }]);
    expect(generator.calls).toHaveLength(0);
  });

  it("returns the blocked response when the model refuses", async () => {
    const refusing = await createSuggester({ generator: scripted([[]], true) });
    expect(await refusing.suggest({ business_description: "A bakery" })).toEqual(BLOCKED_RESPONSE);
  });
});

describe("pipeline stages with a scripted generator", () => {
  it("drops invalid, disallowed, duplicate and guarded names, and fills count with another round", async () => {
    const generator = scripted([
      [
        "good.com",
        "good.com",
        "bad-tld.zzzz",
        "has-hyphen.com",
        "digit1.com",
        "methlab.com",
        "fuckbakery.com",
        "paypall.com",
        "cheapbread.com",
      ],
      ["second.com", "third.com", "fourth.com"],
    ]);
    const stats: PipelineStats = { rounds: 0, generated: 0, tokens: 0, dropped: {} };
    const s = await createSuggester({ generator });
    const response = await s.suggest(
      { business_description: "A bakery", count: 3, tlds: ["com"], exclude: ["cheap"] },
      { stats },
    );
    expect(response.status === "success" && response.suggestions.map((x) => x.domain).sort()).toEqual(
      ["good.com", "second.com", "third.com"].sort(),
    );
    expect(stats.rounds).toBe(2);
    expect(stats.dropped).toEqual({ duplicate: 1, invalid: 1, hyphen: 1, digit: 1, guard: 3, "excluded-word": 1 });
    expect(generator.calls[0]).toMatchObject({ count: 5, tlds: ["com"], allowHyphens: false, allowDigits: false });
    expect(generator.calls[0]?.messages?.[0]?.content).toMatch(/domain names/i);
  });

  it("runs an injected output filter on each name", async () => {
    const seen: string[] = [];
    const outputFilter = (domain: string) => {
      seen.push(domain);
      return !domain.startsWith("blocked");
    };
    const s = await createSuggester({ generator: scripted([["blockedname.com", "fine.com"]]), outputFilter });
    const response = await s.suggest({ business_description: "A bakery", count: 2 });
    expect(seen).toEqual(["blockedname.com", "fine.com"]);
    expect(response.status === "success" && response.suggestions.map((x) => x.domain)).toEqual(["fine.com"]);
  });

  it("keeps only names the availability check does not report as taken", async () => {
    const availability = {
      check: async (domain: string) => ({ state: domain.startsWith("taken") ? "taken" : "unknown" }),
    };
    const s = await createSuggester({ generator: scripted([["takenname.com", "freename.com"]]), availability });
    const response = await s.suggest({ business_description: "A bakery", count: 2, check_availability: true });
    expect(response.status === "success" && response.suggestions.map((x) => x.domain)).toEqual(["freename.com"]);
  });

  it("answers with the names found when a later round times out", async () => {
    const generator = scripted([["first.com"]]);
    const original = generator.generateSuggestions.bind(generator);
    generator.generateSuggestions = async (options) => {
      if (generator.calls.length >= 1) {
        generator.calls.push(options);
        throw new GenerationTimeoutError(10);
      }
      return original(options);
    };
    const s = await createSuggester({ generator });
    const response = await s.suggest({ business_description: "A bakery", count: 3 });
    expect(response.status === "success" && response.suggestions.map((x) => x.domain)).toEqual(["first.com"]);
    const empty = await createSuggester({
      generator: { ...scripted([]), generateSuggestions: generator.generateSuggestions },
    });
    await expect(empty.suggest({ business_description: "A bakery" })).rejects.toBeInstanceOf(GenerationTimeoutError);
  });

  it("passes runtime errors through typed (BusyError stays BusyError)", async () => {
    const busy: SuggestionGenerator = {
      ...scripted([]),
      generateSuggestions: async () => {
        throw new BusyError(8, 8);
      },
    };
    const s = await createSuggester({ generator: busy });
    await expect(s.suggest({ business_description: "A bakery" })).rejects.toBeInstanceOf(BusyError);
    const iterate = async () => {
      for await (const _ of s.stream({ business_description: "A bakery" })) {
        // drain
      }
    };
    await expect(iterate()).rejects.toBeInstanceOf(BusyError);
  });
});

describe("bad input: a typed error, and the process stays up", () => {
  it.each([
    ["empty text", ""],
    ["whitespace only", "   \n  "],
    ["a 100 KB description", "x".repeat(100 * 1024)],
    ["control characters", "bakery\u0007\u0000"],
    ["invalid UTF-8", Uint8Array.from([0xff, 0xfe, 0x80])],
  ])("%s → InvalidRequestError (suggest and stream)", async (_name, description) => {
    await expect(suggester.suggest({ business_description: description })).rejects.toBeInstanceOf(InvalidRequestError);
    expect(() => suggester.stream({ business_description: description })).toThrow(InvalidRequestError);
  });

  it("an unknown model path → ModelFileError", async () => {
    await expect(createSuggester({ model: join(dir, "nope.gguf"), gpu: false })).rejects.toBeInstanceOf(ModelFileError);
  });

  it("a corrupt or truncated GGUF → ModelFileError", async () => {
    const bytes = await readFile(modelPath);
    await writeFile(join(dir, "truncated.gguf"), bytes.subarray(0, bytes.length >> 1));
    await writeFile(join(dir, "corrupt.gguf"), Buffer.concat([Buffer.from("GGUF"), Buffer.alloc(64, 0xff)]));
    for (const name of ["truncated.gguf", "corrupt.gguf"]) {
      await expect(createSuggester({ model: join(dir, name), gpu: false })).rejects.toBeInstanceOf(ModelFileError);
    }
  });

  it("an adapter for another architecture → AdapterMismatchError", async () => {
    const adapter = await writeTinyAdapter({ path: join(dir, "llama-lora.gguf"), architecture: "llama" });
    await expect(createSuggester({ model: modelPath, adapter, gpu: false })).rejects.toBeInstanceOf(
      AdapterMismatchError,
    );
  });

  it("neither or both of generator and model → SuggesterConfigError", async () => {
    await expect(createSuggester({})).rejects.toBeInstanceOf(SuggesterConfigError);
  });

  it("the suggester still works after all of the above", async () => {
    const response = await suggester.suggest({ business_description: "Still alive bakery", count: 2 });
    expect(response.status).toBe("success");
  });
});

describe("resources, cancellation, seeds and calibration", () => {
  it("dispose() disposes the AvailabilityChecker it made on first use", async () => {
    const check = vi.spyOn(AvailabilityChecker.prototype, "check").mockResolvedValue({ state: "unknown" } as never);
    const disposeChecker = vi.spyOn(AvailabilityChecker.prototype, "dispose");
    try {
      const s = await createSuggester({ generator: scripted([["freename.com"]]) });
      await s.suggest({ business_description: "A bakery", count: 1, check_availability: true });
      expect(check).toHaveBeenCalledTimes(1);
      expect(disposeChecker).not.toHaveBeenCalled();
      await s.dispose();
      expect(disposeChecker).toHaveBeenCalledTimes(1);
      await s.dispose();
      expect(disposeChecker).toHaveBeenCalledTimes(1);
    } finally {
      check.mockRestore();
      disposeChecker.mockRestore();
    }
  });

  it("stream(): breaking out of the loop aborts generation", async () => {
    let emitted = 0;
    let sawAbort = false;
    let finished!: Promise<void>;
    const generator: SuggestionGenerator = {
      ...scripted([]),
      generateSuggestions(options) {
        const run = async () => {
          // Emits forever-ish (duplicates never fill `count`), until the pipeline's signal says stop.
          for (let i = 0; i < 200; i++) {
            if (options.signal?.aborted) {
              sawAbort = true;
              throw new GenerationAbortedError();
            }
            emitted++;
            options.onSuggestion?.({ index: i, domain: "loop.com", confidence: 0.5, rawConfidence: 0.5 });
            await new Promise((resolve) => setTimeout(resolve, 2));
          }
          return { suggestions: [], blocked: false, text: "", tokens: 200, finishReason: "maxTokens" as const };
        };
        const result = run();
        finished = result.then(
          () => {},
          () => {},
        );
        return result;
      },
    };
    const s = await createSuggester({ generator, maxRounds: 1 });
    for await (const item of s.stream({ business_description: "A bakery", count: 5 })) {
      expect(item).toEqual({ domain: "loop.com", confidence: 0.5 });
      break;
    }
    await finished;
    expect(sawAbort).toBe(true);
    expect(emitted).toBeLessThan(200);
  });

  it("suggest() and stream() apply a per-call seed: same seed, same answer; other seed, other answer", async () => {
    const words = ["bread", "crumb", "oven", "flour", "crust", "dough", "loaf", "bake"];
    const pool = words.flatMap((first) => words.filter((w) => w !== first).map((second) => `${first}${second}.com`));
    /** Samples names with a PRNG seeded from the call's seed (random when none), like a real sampler. */
    const sampling: SuggestionGenerator = {
      ...scripted([]),
      async generateSuggestions(options) {
        let state = options.seed ?? Math.floor(Math.random() * 2 ** 31);
        const next = () => {
          state = (state * 1103515245 + 12345) % 2 ** 31;
          return state / 2 ** 31;
        };
        const domains = Array.from({ length: options.count ?? 5 }, () => pool[Math.floor(next() * pool.length)]!);
        const suggestions = domains.map((domain, index) => ({ index, domain, confidence: next(), rawConfidence: 0.5 }));
        for (const s of suggestions) options.onSuggestion?.(s);
        return { suggestions, blocked: false, text: "", tokens: 10, finishReason: "stop" };
      },
    };
    const s = await createSuggester({ generator: sampling });
    const request = { business_description: "A bakery", count: 4, tlds: ["com"] };
    const [a1, a2, b] = [
      await s.suggest(request, { seed: 1 }),
      await s.suggest(request, { seed: 1 }),
      await s.suggest(request, { seed: 2 }),
    ];
    expect(a1).toEqual(a2);
    expect(a1).not.toEqual(b);
    const streamed: SuggestStreamItem[] = [];
    for await (const item of s.stream(request, { seed: 1 })) streamed.push(item);
    const sorted = (items: unknown[]) => items.map((x) => JSON.stringify(x)).sort();
    expect(a1.status === "success" && sorted(a1.suggestions)).toEqual(sorted(streamed));
  });

  it("a calibrator (spec or JSON file) maps the model's raw confidences, staying in [0, 1]", async () => {
    const request = { business_description: "A bakery in Lyon", count: 4, tlds: ["com"] };
    const platt = { kind: "platt" as const, a: 1, b: 3 };
    const specPath = join(dir, "calibration.json");
    await writeFile(specPath, JSON.stringify(platt));
    // Refusals off: a random-weight model may otherwise answer "blocked" and leave nothing to compare.
    const options = {
      model: modelPath,
      gpu: false as const,
      sequences: 1,
      seed: 7,
      maxTokens: 300,
      maxRounds: 1,
      trustModelRefusals: false,
    };
    const confidences = async (calibrator?: typeof platt | string) => {
      await using s = await createSuggester({ ...options, calibrator });
      const response = await s.suggest(request);
      if (response.status !== "success") throw new Error("expected success");
      return new Map(response.suggestions.map((x) => [x.domain, x.confidence]));
    };
    const raw = await confidences();
    const fromFile = await confidences(specPath);
    const fromSpec = await confidences(platt);
    expect(raw.size).toBeGreaterThan(0);
    expect([...fromSpec.keys()].sort()).toEqual([...raw.keys()].sort());
    expect(fromFile).toEqual(fromSpec);
    const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
    const logit = (p: number) =>
      Math.log(Math.min(1 - 1e-6, Math.max(1e-6, p)) / (1 - Math.min(1 - 1e-6, Math.max(1e-6, p))));
    for (const [domain, rawConfidence] of raw) {
      const calibrated = fromSpec.get(domain) as number;
      expect(calibrated).toBeGreaterThanOrEqual(0);
      expect(calibrated).toBeLessThanOrEqual(1);
      expect(calibrated).toBeCloseTo(sigmoid(logit(rawConfidence) + 3), 6);
      if (rawConfidence < 0.9) expect(calibrated).toBeGreaterThan(rawConfidence);
    }
  }, 60_000);

  it("a malformed calibrator → CalibratorFileError before loading the model; calibrator with generator → SuggesterConfigError", async () => {
    const badPath = join(dir, "bad.calibration.json");
    await writeFile(badPath, JSON.stringify({ kind: "platt", a: "one" }));
    for (const calibrator of [
      badPath,
      join(dir, "missing.json"),
      { kind: "isotonic", thresholds: [0.5], values: [] },
    ]) {
      await expect(
        createSuggester({ model: modelPath, gpu: false, calibrator: calibrator as string }),
      ).rejects.toBeInstanceOf(CalibratorFileError);
    }
    await expect(createSuggester({ generator: scripted([]), calibrator: { kind: "identity" } })).rejects.toBeInstanceOf(
      SuggesterConfigError,
    );
  });
});
