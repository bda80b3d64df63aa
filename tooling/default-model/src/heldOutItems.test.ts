import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { heldOutItems } from "./heldOutItems.js";

const chat = (user: string) =>
  JSON.stringify({
    messages: [
      { role: "user", content: user },
      { role: "assistant", content: "{}" },
    ],
  });
const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

describe("heldOutItems", () => {
  it("drops every row of a group that has one description in the training files, and blocked rows", async () => {
    const dir = await mkdtemp(join(tmpdir(), "held-out-"));
    dirs.push(dir);
    const rows = [
      { id: "1", group: "bakery", category: "business", text: "a bakery downtown" },
      { id: "2", group: "bakery", category: "business", text: "sourdough bakery" },
      { id: "3", group: "kiln", category: "business", text: "pottery kiln studio" },
      { id: "4", group: "nonce:x", category: "nonce", text: "zorbic tea bar" },
      { id: "5", group: "bad", category: "blocked", text: "stolen cards shop" },
    ];
    await writeFile(join(dir, "test.jsonl"), rows.map((row) => chat(row.text)).join("\n"));
    await writeFile(join(dir, "test.meta.jsonl"), rows.map(({ text: _, ...meta }) => JSON.stringify(meta)).join("\n"));
    await writeFile(join(dir, "mix.jsonl"), `${chat("sourdough bakery")}\n${chat("unrelated")}\n`);
    const { items, droppedGroups } = await heldOutItems({ datasetDir: dir, trainedOn: [join(dir, "mix.jsonl")] });
    expect(droppedGroups).toEqual(["bakery"]);
    expect(items.map((item) => item.id)).toEqual(["3", "4"]);
    expect(items[0]).toEqual({ id: "3", group: "kiln", category: "business", description: "pottery kiln studio" });
  });
});
