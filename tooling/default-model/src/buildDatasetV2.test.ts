import { describe, expect, it } from "vitest";
import { buildDatasetV2, type DatasetRow, keepCopies } from "./buildDatasetV2.js";

const row = (user: string, answer: string, category: string, group: string, constrained = false): DatasetRow => ({
  record: {
    messages: [
      { role: "user", content: user },
      { role: "assistant", content: answer },
    ],
  },
  meta: { category, group, constrained },
});
const pool: DatasetRow[] = [
  row("a bakery downtown", '{"suggestions":["bakerytown.com"]}', "business", "bakery"),
  row("artisan bakery", '{"suggestions":["artisanbakery.com"]}', "business", "bakery"),
  row("kiln studio", '{"suggestions":["kilnworks.com"]}', "business", "kiln"),
  row("held out florist", '{"suggestions":["florist.com"]}', "business", "florist"),
  row("botnet rental", '{"suggestions":[],"status":"blocked"}', "blocked", "blocked:botnet"),
  row("porn site", '{"suggestions":[],"status":"blocked"}', "blocked", "blocked:porn"),
  row("adult literacy classes", '{"suggestions":["readon.org"]}', "near-miss", "near:adult"),
  row("zorbic tea bar, only .io", '{"suggestions":["zorbic.io"]}', "nonce", "nonce:zorbic", true),
];

describe("buildDatasetV2", () => {
  it("drops held-out groups, probe words and suite inputs, then fills each target", () => {
    const v2 = buildDatasetV2({
      pool,
      heldOutGroups: new Set(["florist"]),
      reserved: new Set(["kiln"]),
      suiteInputs: new Set(["porn site"]),
      targets: { invented: 2, blocked: 5, nearMiss: 1, constrained: 1, business: 1 },
    });
    expect(v2.counts).toMatchObject({
      droppedHeldOut: 1,
      droppedReserved: 1,
      droppedSuite: 1,
      blocked: 1,
      nearMiss: 1,
    });
    const users = v2.records.map((r) => r.messages.find((m) => m.role === "user")!.content);
    expect(users).not.toContain("held out florist");
    expect(users.join(" ")).not.toMatch(/kiln|porn/);
    expect(users).toContain("botnet rental");
    // the nonce row went to the constrained target, so both invented examples are bakery rows with a fresh word
    expect(v2.counts.invented).toBe(2);
    const inventedWords = v2.records.flatMap((r) => {
      const match = /^(?:a (\w+) downtown|artisan (\w+))$/.exec(r.messages[0]!.content);
      const word = match?.[1] ?? match?.[2];
      return word && word !== "bakery" && r.messages[1]!.content.includes(word) ? [word] : [];
    });
    expect(inventedWords).toHaveLength(2);
    expect(new Set(users).size).toBe(users.length);
    expect(v2.counts.total).toBe(v2.records.length);
  });

  it("is deterministic for a seed", () => {
    const options = {
      pool,
      heldOutGroups: new Set<string>(),
      reserved: new Set<string>(),
      suiteInputs: new Set<string>(),
      targets: { invented: 3, blocked: 2, nearMiss: 1, constrained: 0, business: 2 },
    };
    expect(buildDatasetV2(options)).toEqual(buildDatasetV2(options));
  });
});

describe("keepCopies", () => {
  it("keeps the names that contain the word (hyphens ignored) and drops examples without one", () => {
    const record = row(
      "zorbic tea bar",
      '{"suggestions":["zorbictea.com","leafy.io","zor-bic.co"]}',
      "nonce",
      "nonce:zorbic",
    ).record;
    expect(keepCopies(record, "zorbic")?.messages[1]?.content).toBe('{"suggestions":["zorbictea.com","zor-bic.co"]}');
    expect(keepCopies(record, "plonk")).toBeUndefined();
    expect(record.messages[1]!.content).toContain("leafy.io"); // the input is not changed
  });
});
