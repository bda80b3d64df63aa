import { describe, expect, it } from "vitest";
import { readSse } from "./readSse.js";

function body(parts: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const part of parts) controller.enqueue(encoder.encode(part));
      controller.close();
    },
  });
}

async function collect(parts: string[]): Promise<string[]> {
  const out: string[] = [];
  for await (const payload of readSse(body(parts))) out.push(payload);
  return out;
}

describe("readSse", () => {
  it("yields data payloads split across chunks and stops at [DONE]", async () => {
    const events = await collect(['data: {"a"', ":1}\n\nda", "ta: 2\r\n\r\n: comment\n\ndata: [DONE]\n\ndata: 3\n\n"]);
    expect(events).toEqual(['{"a":1}', "2"]);
  });

  it("joins multi-line data and flushes an unterminated last event", async () => {
    expect(await collect(["data: x\ndata: y\n\ndata: tail"])).toEqual(["x\ny", "tail"]);
  });
});
