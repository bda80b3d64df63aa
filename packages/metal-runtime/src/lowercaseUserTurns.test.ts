import { bool } from "@nomen/gguf";
import { getLlama, type Llama, type LlamaModel } from "node-llama-cpp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOWERCASE_USER_TURNS_KEY, lowercaseUserTurns, wantsLowercaseUserTurns } from "./lowercaseUserTurns.js";
import { renderPrompt } from "./renderPrompt.js";
import { type TinyModelFile, writeTinyModel } from "./testing/index.js";
import type { ChatMessage } from "./types.js";

const turns: ChatMessage[] = [
  { role: "system", content: "Suggest domain names. Reply in JSON." },
  { role: "user", content: "Totikoo Studio in BASEL, Ünïcode" },
];
const lowered: ChatMessage[] = [turns[0]!, { role: "user", content: "totikoo studio in basel, ünïcode" }];

describe("lowercaseUserTurns", () => {
  it("lowercases user turns only and leaves its input alone", () => {
    const copy = structuredClone(turns);
    expect(lowercaseUserTurns(turns)).toEqual(lowered);
    expect(turns).toEqual(copy);
  });
});

describe("renderPrompt with nomen.prompt.lowercase_user", () => {
  let llama: Llama;
  const files: TinyModelFile[] = [];
  const models: LlamaModel[] = [];
  const load = async (flag: boolean | undefined) => {
    const file = await writeTinyModel({
      metadata: flag === undefined ? {} : { [LOWERCASE_USER_TURNS_KEY]: bool(flag) },
    });
    files.push(file);
    const model = await llama.loadModel({ modelPath: file.path });
    models.push(model);
    return model;
  };
  beforeAll(async () => {
    llama = await getLlama({ gpu: false, build: "never" });
  });
  afterAll(async () => {
    for (const model of models) await model.dispose();
    await llama?.dispose();
    for (const file of files) await file.dispose();
  });

  it("lowercases the user turns of a model whose GGUF asks for it", async () => {
    const model = await load(true);
    expect(wantsLowercaseUserTurns(model)).toBe(true);
    expect(renderPrompt(model, { messages: turns })).toEqual(renderPrompt(model, { messages: lowered }));
    // The system turn keeps its case: the model was trained on it as written.
    const everyTurnLowered = lowered.map((m) => ({ ...m, content: m.content.toLowerCase() }));
    expect(renderPrompt(model, { messages: turns })).not.toEqual(renderPrompt(model, { messages: everyTurnLowered }));
  });

  it.each([false, undefined])("renders user turns as written when the key is %s", async (flag) => {
    const model = await load(flag);
    expect(wantsLowercaseUserTurns(model)).toBe(false);
    expect(renderPrompt(model, { messages: turns })).not.toEqual(renderPrompt(model, { messages: lowered }));
  });
});
