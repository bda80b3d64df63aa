import { Rng } from "@nomen/dataset-gen";
import { describe, expect, it } from "vitest";
import { buildDatasetV2, type DatasetRow } from "./buildDatasetV2.js";
import { ODDITY_KINDS, withSurfaceOddity } from "./surfaceOddity.js";

const answer = '{"suggestions":["kilnworks.com","pottery-kiln.io"]}';
const record = {
  messages: [
    { role: "system" as const, content: "Suggest domain names for this business. Reply in JSON." },
    { role: "user" as const, content: "a friendly pottery studio with a wood kiln near the harbour." },
    { role: "assistant" as const, content: answer },
  ],
};

describe("withSurfaceOddity", () => {
  it("changes only the user turn, keeps the business text, never the answer", () => {
    const rng = new Rng("oddity-test");
    for (const kind of ODDITY_KINDS) {
      for (let i = 0; i < 20; i++) {
        const odd = withSurfaceOddity(record, kind, rng);
        expect(odd.messages[0]).toEqual(record.messages[0]);
        expect(odd.messages[2]).toEqual(record.messages[2]);
        const user = odd.messages[1]!.content;
        expect(user).not.toBe(record.messages[1]!.content);
        // The words the answer copies are never misspelled or dropped.
        for (const word of ["pottery", "kiln"]) expect(user).toContain(word);
        if (kind !== "typos") expect(user).toContain("a friendly pottery studio with a wood kiln near the harbour");
      }
    }
  });

  it("keeps a '$' in the description literal", () => {
    const dollar = { messages: [{ role: "user" as const, content: "bikes from $$ to $& cheap" }] };
    const odd = withSurfaceOddity(dollar, "number", new Rng(3));
    expect(odd.messages[0]!.content).toContain("bikes from $$ to $& cheap");
  });

  it("odd rows in buildDatasetV2 only when asked; the other rows are the same either way", () => {
    const row = (user: string, group: string): DatasetRow => ({
      record: {
        messages: [
          { role: "user", content: user },
          { role: "assistant", content: answer },
        ],
      },
      meta: { category: "business", group },
    });
    const pool = Array.from({ length: 12 }, (_, i) => row(`pottery kiln studio number ${i}`, `g${i}`));
    const options = {
      pool,
      heldOutGroups: new Set<string>(),
      reserved: new Set<string>(),
      suiteInputs: new Set<string>(),
    };
    const targets = { invented: 0, blocked: 0, nearMiss: 0, constrained: 0, business: 4 };
    const plain = buildDatasetV2({ ...options, targets });
    expect(plain.counts).not.toHaveProperty("oddBenign");
    const odd = buildDatasetV2({ ...options, targets: { ...targets, oddBenign: 5 } });
    expect(odd.counts).toMatchObject({ business: 4, oddBenign: 5, total: 9 });
    const users = (records: typeof odd.records) => records.map((r) => r.messages[0]!.content);
    const plainUsers = new Set(users(plain.records));
    const extra = users(odd.records).filter((u) => !plainUsers.has(u));
    expect(extra).toHaveLength(5);
    for (const u of extra) expect(u).toMatch(/pottery|kiln|studio|number/);
  });
});
