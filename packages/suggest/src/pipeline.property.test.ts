import { parseAssistantTurn } from "@nomen/dataset-gen";
import { validateDomain } from "@nomen/domains";
import { BLOCKED_RESPONSE } from "@nomen/guard";
import {
  type GenerationResult,
  type LocalModel,
  loadRuntime,
  type Runtime,
  type SuggestionGenerator,
} from "@nomen/metal-runtime";
import { type TinyModelFile, writeTinyModel } from "@nomen/metal-runtime/testing";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSuggester, type Suggester } from "./createSuggester.js";
import { resolveRequest, type SuggestRequest } from "./request.js";

/** 40 in the default suite; `pnpm test:slow` runs 1,000 (vitest.slow.config.ts sets the variable). */
const RUNS = Number(process.env.NOMEN_PROPERTY_RUNS ?? 40);

let tiny: TinyModelFile;
let runtime: Runtime;
let model: LocalModel;
let generator: SuggestionGenerator;
const results: GenerationResult[] = [];

beforeAll(async () => {
  tiny = await writeTinyModel();
  runtime = await loadRuntime({ gpu: false, threads: 1 });
  model = await runtime.loadModel({ modelPath: tiny.path });
  const local = await model.createGenerator({ sequences: 4 });
  // Record every raw generation to count parse failures independently of the pipeline.
  generator = {
    backend: local.backend,
    generateSuggestions: async (options) => {
      const result = await local.generateSuggestions(options);
      results.push(result);
      return result;
    },
    dispose: () => local.dispose(),
    [Symbol.asyncDispose]: () => local.dispose(),
  };
});

afterAll(async () => {
  await runtime?.dispose();
  await tiny?.dispose();
});

const words = ["bake", "loaf", "crumb", "rye", "oven"];
const requestArbitrary: fc.Arbitrary<SuggestRequest> = fc.record(
  {
    business_description: fc.constantFrom(
      "A family bakery in Lyon selling sourdough bread and pastries.",
      "Mobile app that helps runners find training partners nearby.",
      "Eco-friendly cleaning products delivered monthly to small offices.",
      "Bike repair shop in Utrecht with a cafe.",
    ),
    count: fc.integer({ min: 1, max: 20 }),
    tlds: fc.subarray(["com", "io", "ai", "co.uk", "de", "app", "shop"], { minLength: 1 }),
    style: fc.constantFrom("any", "brandable", "descriptive", "short", "playful", "professional"),
    max_length: fc.integer({ min: 5, max: 63 }),
    include: fc.oneof(fc.constant<string[]>([]), fc.subarray(words, { minLength: 1, maxLength: 2 })),
    exclude: fc.subarray(["x", "q", "zz", "bad", "e"], { maxLength: 2 }),
    allow_hyphens: fc.boolean(),
    allow_digits: fc.boolean(),
    language: fc.constantFrom("en", "fr", "de"),
  },
  { requiredKeys: ["business_description"] },
);

describe(`suggest pipeline on a random-weight model: ${RUNS} property runs`, () => {
  let suggester: Suggester;
  beforeAll(async () => {
    suggester = await createSuggester({ generator, maxTokens: 300, seed: 1 });
  });

  it("never returns an invalid domain, honours every option, and never fails to parse", async () => {
    let successes = 0;
    let returned = 0;
    await fc.assert(
      fc.asyncProperty(requestArbitrary, async (request) => {
        const r = resolveRequest(request);
        const response = await suggester.suggest(request);
        if (response.status === "blocked") {
          expect(response).toEqual(BLOCKED_RESPONSE);
          return;
        }
        successes++;
        expect(Object.keys(response)).toEqual(["suggestions", "status"]);
        expect(response.suggestions.length).toBeLessThanOrEqual(r.count);
        expect(new Set(response.suggestions.map((s) => s.domain)).size).toBe(response.suggestions.length);
        for (const { domain, confidence } of response.suggestions) {
          returned++;
          const v = validateDomain(domain, { allowedTlds: r.tlds });
          expect(v.valid, domain).toBe(true);
          if (!v.valid) continue;
          expect(v.domain).toBe(domain);
          expect(r.tlds).toContain(v.publicSuffix);
          expect(v.label.length).toBeLessThanOrEqual(r.maxLength);
          if (!r.allowHyphens) expect(v.label).not.toContain("-");
          if (!r.allowDigits) expect(v.label).not.toMatch(/\d/);
          if (r.include.length)
            expect(
              r.include.some((w) => v.label.includes(w)),
              domain,
            ).toBe(true);
          for (const w of r.exclude) expect(v.label).not.toContain(w);
          expect(confidence).toBeGreaterThanOrEqual(0);
          expect(confidence).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: RUNS, seed: 2026 },
    );
    const complete = results.filter((x) => x.finishReason === "stop");
    let parseFailures = 0;
    for (const result of complete) {
      try {
        parseAssistantTurn(result.text);
      } catch {
        parseFailures++;
      }
    }
    console.log(
      `property: ${RUNS} requests, ${successes} success, ${returned} domains returned, ` +
        `${results.length} generations (${complete.length} complete, ${parseFailures} parse failures)`,
    );
    expect(parseFailures).toBe(0);
    expect(results.length).toBeGreaterThanOrEqual(RUNS);
    expect(returned).toBeGreaterThan(RUNS / 2);
  }, 600_000);
});
