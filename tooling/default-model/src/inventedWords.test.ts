import { describe, expect, it } from "vitest";
import { augmentationRng, type ChatRecord, inventWordExample } from "./inventedWords.js";

const record = (user: string, answer: string): ChatRecord => ({
  messages: [
    { role: "system", content: "Suggest domain names for this business. Reply in JSON." },
    { role: "user", content: user },
    { role: "assistant", content: answer },
  ],
});

describe("inventWordExample", () => {
  it("replaces the key word in the description and in every domain with one nonce word", () => {
    const source = record(
      "Hydroponics startup for seniors; we love hydroponics",
      '{"suggestions":["hydroponics-startup.com","windhydroponics.com","seedbee.farm"]}',
    );
    const made = inventWordExample(source, { category: "business", group: "hydroponics startup" }, augmentationRng(1));
    expect(made).toBeDefined();
    const { word, replaced, record: out } = made!;
    expect(replaced).toBe("hydroponics");
    const user = out.messages[1]!.content;
    expect(user.toLowerCase()).not.toContain("hydroponics");
    expect(user).toContain(word[0]!.toUpperCase() + word.slice(1));
    expect(user).toContain(` ${word}`);
    expect(JSON.parse(out.messages[2]!.content).suggestions).toEqual([
      `${word}-startup.com`,
      `wind${word}.com`,
      "seedbee.farm",
    ]);
    expect(source.messages[1]!.content).toContain("Hydroponics"); // the input is not mutated
  });

  it("returns undefined when no word of the group appears in both the description and the answer", () => {
    const source = record("A bakery in Lyon", '{"suggestions":["painlyon.fr"]}');
    expect(inventWordExample(source, { category: "business", group: "bakery" }, augmentationRng(1))).toBeUndefined();
  });

  it("is deterministic for a seed and never invents a reserved word", () => {
    const source = record("taxi company", '{"suggestions":["taxico.com"]}');
    const meta = { category: "business", group: "taxi company" };
    const first = inventWordExample(source, meta, augmentationRng(3))!;
    expect(inventWordExample(source, meta, augmentationRng(3))!.word).toBe(first.word);
    const other = inventWordExample(source, meta, augmentationRng(3), { reserved: new Set([first.word]) })!;
    expect(other.word).not.toBe(first.word);
  });
});
