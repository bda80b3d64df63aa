import { describe, expect, it } from "vitest";
import { BusyError, DisposedError } from "./errors.js";
import { SlotPool } from "./SlotPool.js";

describe("SlotPool", () => {
  it("hands out free slots, then queues, then refuses with BusyError", async () => {
    const pool = new SlotPool(["a", "b"], 1);
    const first = await pool.acquire();
    const second = await pool.acquire();
    expect(new Set([first, second])).toEqual(new Set(["a", "b"]));
    const waiting = pool.acquire();
    expect(pool.queued).toBe(1);
    await expect(pool.acquire()).rejects.toBeInstanceOf(BusyError);
    pool.release(first);
    await expect(waiting).resolves.toBe(first);
    expect(pool.queued).toBe(0);
  });

  it("serves waiters first in, first out", async () => {
    const pool = new SlotPool([1], 5);
    const held = await pool.acquire();
    const order: number[] = [];
    const waiters = [0, 1, 2].map(async (i) => {
      const slot = await pool.acquire();
      order.push(i);
      pool.release(slot);
    });
    pool.release(held);
    await Promise.all(waiters);
    expect(order).toEqual([0, 1, 2]);
  });

  it("an aborted waiter leaves the queue with the signal's reason", async () => {
    const pool = new SlotPool([1], 2);
    await pool.acquire();
    const controller = new AbortController();
    const waiting = pool.acquire(controller.signal);
    controller.abort(new Error("gave up"));
    await expect(waiting).rejects.toThrow("gave up");
    expect(pool.queued).toBe(0);
  });

  it("dispose rejects waiters and later callers", async () => {
    const pool = new SlotPool([1], 2);
    await pool.acquire();
    const waiting = pool.acquire();
    pool.dispose();
    await expect(waiting).rejects.toBeInstanceOf(DisposedError);
    await expect(pool.acquire()).rejects.toBeInstanceOf(DisposedError);
  });

  it("never holds more than maxQueue waiters under a burst", async () => {
    const pool = new SlotPool([1], 10);
    await pool.acquire();
    const attempts = Array.from({ length: 1000 }, () => pool.acquire());
    const refused = await Promise.allSettled(attempts.slice(10));
    expect(pool.queued).toBe(10);
    expect(refused.every((r) => r.status === "rejected" && r.reason instanceof BusyError)).toBe(true);
    pool.dispose();
    await Promise.allSettled(attempts);
  }, 1000);
});
