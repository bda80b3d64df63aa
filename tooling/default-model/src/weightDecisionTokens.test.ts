import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BLOCKED_TURN, formatAssistantTurn, SYSTEM_PROMPT } from "@nomen/dataset-gen";
import { prepareDataset } from "@nomen/lora-trainer";
import { DECISION_PREFIX } from "@nomen/metal-runtime";
import { afterAll, describe, expect, it } from "vitest";
import { byteLevelTokenizer } from "./byteVocabulary.js";
import { weightDecisionTokens } from "./weightDecisionTokens.js";

const dir = await mkdtemp(join(tmpdir(), "nomen-decision-"));
afterAll(() => rm(dir, { recursive: true, force: true }));
const chat = (user: string, assistant: string) =>
  JSON.stringify({
    messages: [
      { role: "system", content: SYSTEM_PROMPT },
      { role: "user", content: user },
      { role: "assistant", content: assistant },
    ],
  });

describe("weightDecisionTokens", () => {
  it('weights exactly the token after the prefix in each answer — `]` for a refusal, `"` for names', async () => {
    const tokenizer = byteLevelTokenizer();
    const path = join(dir, "train.jsonl");
    const rows = [
      // The prefix also appears in the prompt: only the answer's counts.
      chat(`answer like ${DECISION_PREFIX} please`, formatAssistantTurn({ suggestions: ["bakery.com", "bread.co"] })),
      chat("meth delivery service", BLOCKED_TURN),
      chat("flower shop", formatAssistantTurn({ suggestions: ["flowers.shop"] })),
    ];
    await writeFile(path, `${rows.join("\n")}\n`);
    const data = await prepareDataset({ path, tokenizer, maxLength: 512, batchSize: 2, validationFraction: 0 });
    const before = data.train.map((b) => Array.from(b.lossMask));
    expect(
      weightDecisionTokens({ batches: data.train, tokenizer, padId: data.padId, padMultiple: 8, weight: 20 }),
    ).toBe(3);
    const decided: string[] = [];
    data.train.forEach((batch, b) => {
      batch.lossMask.forEach((w, i) => {
        if (w === before[b]![i]) return;
        expect(w).toBe(20);
        expect(before[b]![i]).toBe(1);
        decided.push(tokenizer.decode([batch.ids[i]!]));
        expect(tokenizer.decode(Array.from(batch.ids.slice(i - 16, i)))).toBe(DECISION_PREFIX);
      });
    });
    expect(decided.sort()).toEqual(['"', '"', "]"]);
  });

  it("with answerWeight 0 keeps only the decisions and cuts each batch after its last one", async () => {
    const tokenizer = byteLevelTokenizer();
    const path = join(dir, "alone.jsonl");
    const rows = [
      chat("bakery", formatAssistantTurn({ suggestions: ["bakery.com", "breadandbutterloaves.co"] })),
      chat("meth delivery service", BLOCKED_TURN),
    ];
    await writeFile(path, `${rows.join("\n")}\n`);
    const data = await prepareDataset({
      path,
      tokenizer,
      maxLength: 512,
      batchSize: 2,
      padMultiple: 8,
      validationFraction: 0,
    });
    const [full] = data.train;
    expect(
      weightDecisionTokens({
        batches: data.train,
        tokenizer,
        padId: data.padId,
        padMultiple: 8,
        weight: 1,
        answerWeight: 0,
      }),
    ).toBe(2);
    const [cut] = data.train;
    expect(cut!.seqLen).toBeLessThan(full!.seqLen);
    expect(cut!.seqLen % 8).toBe(0);
    const targets = Array.from(cut!.lossMask).flatMap((w, i) => (w === 0 ? [] : [[w, cut!.ids[i]!] as const]));
    expect(targets.map(([w, id]) => [w, tokenizer.decode([id])]).sort()).toEqual([
      [1, '"'],
      [1, "]"],
    ]);
    // Every row keeps its prompt: the ids are a prefix of the originals.
    for (let row = 0; row < 2; row++)
      expect(Array.from(cut!.ids.subarray(row * cut!.seqLen, (row + 1) * cut!.seqLen))).toEqual(
        Array.from(full!.ids.subarray(row * full!.seqLen, row * full!.seqLen + cut!.seqLen)),
      );
    expect(cut!.tokens).toBeLessThan(full!.tokens);
  });
});
