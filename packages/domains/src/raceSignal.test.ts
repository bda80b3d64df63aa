import { describe, expect, it } from "vitest";
import { raceSignal } from "./raceSignal.js";

describe("raceSignal", () => {
  it("settles like the promise when the signal never aborts", async () => {
    await expect(raceSignal(Promise.resolve(7), new AbortController().signal)).resolves.toBe(7);
    await expect(raceSignal(Promise.reject(new Error("boom")))).rejects.toThrow("boom");
  });

  it("rejects with the reason on abort while the shared promise still settles for others", async () => {
    let finish: (value: string) => void = () => {};
    const shared = new Promise<string>((resolve) => {
      finish = resolve;
    });
    const first = new AbortController();
    const mine = raceSignal(shared, first.signal);
    const theirs = raceSignal(shared, new AbortController().signal);
    first.abort(new Error("first caller cancelled"));
    await expect(mine).rejects.toThrow("first caller cancelled");
    finish("loaded");
    await expect(theirs).resolves.toBe("loaded");
  });

  it("rejects at once for an already aborted signal", async () => {
    await expect(raceSignal(new Promise(() => {}), AbortSignal.abort(new Error("late")))).rejects.toThrow("late");
  });
});
