import { describe, expect, it } from "vitest";
import { backoffMs, isRetryableStatus, sleep } from "./retry.js";

describe("retry policy", () => {
  it.each([
    [408, true],
    [429, true],
    [500, true],
    [503, true],
    [400, false],
    [401, false],
    [404, false],
  ])("status %i retryable: %s", (status, expected) => {
    expect(isRetryableStatus(status)).toBe(expected);
  });

  it("backs off exponentially with jitter inside [ceiling/2, ceiling], capped", () => {
    for (let attempt = 1; attempt <= 8; attempt++) {
      const ceiling = Math.min(2000, 100 * 2 ** (attempt - 1));
      for (let i = 0; i < 50; i++) {
        const ms = backoffMs(attempt, 100, 2000);
        expect(ms).toBeGreaterThanOrEqual(ceiling / 2);
        expect(ms).toBeLessThanOrEqual(ceiling);
      }
    }
  });

  it("obeys Retry-After in seconds or as a date", () => {
    expect(backoffMs(1, 100, 10_000, "2")).toBe(2000);
    expect(backoffMs(1, 100, 1000, "30")).toBe(1000);
    const date = new Date(Date.now() + 3000).toUTCString();
    expect(backoffMs(1, 100, 10_000, date)).toBeGreaterThan(1000);
  });

  it("sleep rejects as soon as the signal fires", async () => {
    const controller = new AbortController();
    const started = performance.now();
    const pending = sleep(10_000, controller.signal);
    controller.abort(new Error("stop"));
    await expect(pending).rejects.toThrow("stop");
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
