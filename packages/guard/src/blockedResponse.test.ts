import { describe, expect, it } from "vitest";
import { BLOCKED_RESPONSE } from "./blockedResponse.js";

describe("BLOCKED_RESPONSE", () => {
  it("is the API's blocked shape and cannot be changed", () => {
    expect(BLOCKED_RESPONSE).toEqual({
      suggestions: [],
      status: "blocked",
      message: "Request contains inappropriate content",
    });
    expect(Object.isFrozen(BLOCKED_RESPONSE)).toBe(true);
    expect(Object.isFrozen(BLOCKED_RESPONSE.suggestions)).toBe(true);
  });
});
