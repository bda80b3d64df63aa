import { access } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadExamples } from "./parseExamples.js";

/** The repo's generated dataset (dataset-gen's chat and completion JSONL) loads without a single problem. */
const chatPath = fileURLToPath(new URL("../../../../datasets/v1/validation.jsonl", import.meta.url));
const completionPath = fileURLToPath(new URL("../../../../datasets/v1/validation.completion.jsonl", import.meta.url));
const present = await access(chatPath).then(
  () => true,
  () => false,
);
if (!present) console.warn(`skipping the dataset-gen interop test: ${chatPath} is absent`);

describe.skipIf(!present)("dataset-gen output", () => {
  it("datasets/v1 validation split: chat and completion files give the same conversations", async () => {
    const chat = await loadExamples(chatPath);
    const completion = await loadExamples(completionPath);
    expect(chat.format).toBe("chat");
    expect(completion.format).toBe("completion");
    expect(chat.examples.length).toBeGreaterThan(100);
    expect(completion.examples).toHaveLength(chat.examples.length);
    chat.examples.forEach((example, i) => {
      // The completion file drops the system prompt: compare the user and assistant turns.
      const turns = example.messages.filter((m) => m.role !== "system");
      expect(completion.examples[i]!.messages).toEqual(turns);
    });
  });
});
