import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bool, getMetadata, openGguf, readTensorBytes, str } from "@nomen/gguf";
import { LOWERCASE_USER_TURNS_KEY } from "@nomen/metal-runtime";
import { writeTinyModel } from "@nomen/metal-runtime/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyGgufWithMetadata } from "./copyGgufWithMetadata.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "default-model-tag-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("copyGgufWithMetadata", () => {
  it("adds and replaces keys, and copies every tensor byte", async () => {
    await using tiny = await writeTinyModel({ path: join(dir, "tiny.gguf") });
    const before = await readFile(tiny.path);
    const to = join(dir, "tagged.gguf");
    await copyGgufWithMetadata({
      from: tiny.path,
      to,
      metadata: { [LOWERCASE_USER_TURNS_KEY]: bool(true), "general.name": str("tagged") },
    });
    expect(await readFile(tiny.path)).toEqual(before);
    const [a, b] = [await openGguf(tiny.path), await openGguf(to)];
    expect(getMetadata(b, LOWERCASE_USER_TURNS_KEY)?.value).toBe(true);
    expect(getMetadata(b, "general.name")?.value).toBe("tagged");
    expect(Object.keys(b.metadata).length).toBe(Object.keys(a.metadata).length + 1);
    expect(b.tensors.map((t) => [t.name, t.shape, t.type])).toEqual(a.tensors.map((t) => [t.name, t.shape, t.type]));
    for (const t of a.tensors) expect(await readTensorBytes(b, t.name)).toEqual(await readTensorBytes(a, t.name));
  });
});
