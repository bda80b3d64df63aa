import { describe, expect, it } from "vitest";
import { JudgeVerdictParseError } from "../errors.js";
import { type JudgeModel, LlmJudge, parseVerdicts } from "./LlmJudge.js";

/** A fake runtime that answers from the domains listed in the prompt, recording each prompt. */
function fakeModel(answer: (domains: string[]) => string): JudgeModel & { prompts: string[] } {
  const prompts: string[] = [];
  return {
    id: "fake",
    prompts,
    async completeJson({ prompt, schema }) {
      expect(schema).toHaveProperty("required", ["verdicts"]);
      prompts.push(prompt);
      const domains = prompt
        .split("\n")
        .filter((l) => l.startsWith("- ") && l.includes("."))
        .map((l) => l.slice(2));
      return answer(domains);
    },
  };
}

const verdicts = (domains: string[]) =>
  JSON.stringify({
    verdicts: domains.map((domain, i) => ({
      domain,
      relevance: 9 - i,
      creativity: 5,
      professionalism: 6,
      format: 10,
      reason: "ok",
    })),
  });

describe("LlmJudge", () => {
  it("shuffles the order between lists, maps verdicts back and caches by content", async () => {
    const model = fakeModel(verdicts);
    const judge = new LlmJudge(model, { seed: 4 });
    const domains = ["alpha.com", "bravo.com", "charlie.com", "delta.com", "echo.com"];
    const first = await judge.judge({ description: "A bakery", domains });
    expect(first.map((v) => v.domain)).toEqual(domains);
    for (let i = 0; i < 5; i++) await judge.judge({ description: `A bakery ${i}`, domains });
    const orders = new Set(model.prompts.map((p) => p.split("Domains:\n")[1]));
    expect(orders.size).toBeGreaterThan(1);
    await judge.judge({ description: "A bakery", domains: [...domains].reverse() });
    expect(model.prompts).toHaveLength(6);
    expect(judge.cached).toBe(6);
  });

  it("retries once on a bad verdict, then throws a named error", async () => {
    let calls = 0;
    const flaky = fakeModel((d) => (calls++ === 0 ? "not json" : verdicts(d)));
    await expect(new LlmJudge(flaky).judge({ description: "x", domains: ["a.com"] })).resolves.toHaveLength(1);
    const broken = fakeModel(() => JSON.stringify({ verdicts: [{ domain: "a.com", relevance: 11 }] }));
    await expect(new LlmJudge(broken).judge({ description: "x", domains: ["a.com"] })).rejects.toThrow(
      JudgeVerdictParseError,
    );
  });

  it("requires a verdict per domain", () => {
    expect(() => parseVerdicts(verdicts(["a.com"]), ["a.com", "b.com"])).toThrow(/no verdict for b.com/);
  });
});

describe("judgeAgreement", () => {
  it("is high when the LLM ranks like the metric judge", async () => {
    const { judgeAgreement } = await import("./judgeAgreement.js");
    const metric = [2, 5, 8, 9].map((v, i) => ({
      domain: `d${i}.com`,
      scores: {
        relevance: v,
        creativity: v,
        professionalism: v,
        format: 10,
        length: 10,
        pronounceability: 5,
        diversity: 5,
        safety: 10,
      },
      overall: v,
      valid: true,
      blocked: false,
    }));
    const llm = [1, 5, 7, 10].map((v, i) => ({
      domain: `d${i}.com`,
      relevance: v,
      creativity: v,
      professionalism: v,
      format: 10,
      reason: "",
    }));
    const [relevance] = judgeAgreement(metric, llm);
    expect(relevance).toMatchObject({ criterion: "relevance", n: 4 });
    expect(relevance?.spearman).toBeCloseTo(1);
    expect(relevance?.kappa).toBeCloseTo(1);
  });
});
