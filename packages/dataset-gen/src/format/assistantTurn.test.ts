import { describe, expect, it } from "vitest";
import { InvalidAssistantTurnError } from "../errors.js";
import { BLOCKED_TURN, formatAssistantTurn, parseAssistantTurn, SYSTEM_PROMPT } from "./assistantTurn.js";
import { toChatRecord, toCompletionRecord } from "./records.js";

describe("formatAssistantTurn", () => {
  it("writes exactly the runtime's JSON: no spaces, domains best first", () => {
    expect(formatAssistantTurn({ suggestions: ["kypimyrt.com", "kypimyrtrepair.io"] })).toBe(
      '{"suggestions":["kypimyrt.com","kypimyrtrepair.io"]}',
    );
    expect(formatAssistantTurn({ blocked: true })).toBe('{"suggestions":[],"status":"blocked"}');
    expect(BLOCKED_TURN).toBe('{"suggestions":[],"status":"blocked"}');
  });

  it.each(["Bakery.com", "bäckerei.de", "", "a b.com"])(
    "rejects a domain not in normalized ASCII form: %j",
    (domain) => {
      expect(() => formatAssistantTurn({ suggestions: [domain] })).toThrow(InvalidAssistantTurnError);
    },
  );

  it("round-trips through parseAssistantTurn and rejects any other shape", () => {
    const text = formatAssistantTurn({ suggestions: ["a.com", "b.io"] });
    expect(parseAssistantTurn(text)).toEqual({ suggestions: ["a.com", "b.io"] });
    expect(parseAssistantTurn(BLOCKED_TURN)).toEqual({ suggestions: [], status: "blocked" });
    for (const bad of [
      '{"suggestions": ["a.com"]}',
      '{"suggestions":["a.com"],"x":1}',
      "not json",
      '{"status":"blocked","suggestions":[]}',
    ]) {
      expect(() => parseAssistantTurn(bad)).toThrow(InvalidAssistantTurnError);
    }
  });

  it("keeps the system prompt short and puts it first in chat records", () => {
    expect(SYSTEM_PROMPT.length).toBeLessThan(80);
    const chat = toChatRecord("dog grooming salon", BLOCKED_TURN);
    expect(chat.messages.map((m) => m.role)).toEqual(["system", "user", "assistant"]);
    expect(chat.messages[0].content).toBe(SYSTEM_PROMPT);
    expect(toCompletionRecord("x", "y")).toEqual({ prompt: "x", completion: "y" });
  });
});

describe("@nomen/dataset-gen/format", () => {
  it("exports the contract without loading the generator", async () => {
    const format = await import("./index.js");
    expect(format.SYSTEM_PROMPT).toBe(SYSTEM_PROMPT);
    expect(format.formatAssistantTurn({ blocked: true })).toBe(BLOCKED_TURN);
  });
});
