import { describe, expect, it } from "vitest";
import { QueueFullError } from "./errors.js";
import { ModelQueue } from "./ModelQueue.js";

const never = new AbortController().signal;

describe("ModelQueue", () => {
  it("runs at most `concurrency` jobs and hands slots over in FIFO order", async () => {
    const queue = new ModelQueue({ concurrency: 1, maxQueued: 5 });
    const order: number[] = [];
    const first = await queue.acquire({ signal: never });
    const waiting = [1, 2, 3].map((n) =>
      queue.acquire({ signal: never }).then((release) => {
        order.push(n);
        return release;
      }),
    );
    expect(queue.active).toBe(1);
    expect(queue.waiting).toBe(3);
    first();
    for (const next of waiting) (await next)();
    expect(order).toEqual([1, 2, 3]);
    expect(queue.active).toBe(0);
  });

  it("refuses with QueueFullError once maxQueued wait", async () => {
    const queue = new ModelQueue({ concurrency: 1, maxQueued: 1, retryAfterSeconds: 3 });
    await queue.acquire({ signal: never });
    void queue.acquire({ signal: never });
    const refusal = await queue.acquire({ signal: never }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(QueueFullError);
    expect((refusal as QueueFullError).headers["Retry-After"]).toBe("3");
  });

  it("lets an aborted waiter leave the line without taking a slot", async () => {
    const queue = new ModelQueue({ concurrency: 1, maxQueued: 2 });
    const release = await queue.acquire({ signal: never });
    const controller = new AbortController();
    const abandoned = queue.acquire({ signal: controller.signal });
    const kept = queue.acquire({ signal: never });
    controller.abort(new Error("client left"));
    await expect(abandoned).rejects.toThrow("client left");
    expect(queue.waiting).toBe(1);
    release();
    (await kept)();
    expect(queue.active).toBe(0);
  });

  it("turns a wait longer than maxWaitMs into QueueFullError, and frees the place in line", async () => {
    const queue = new ModelQueue({ concurrency: 1, maxQueued: 1, maxWaitMs: 20 });
    const release = await queue.acquire({ signal: never });
    const refusal = await queue.acquire({ signal: never }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(QueueFullError);
    expect((refusal as QueueFullError).message).toContain("within 20 ms");
    expect(queue.waiting).toBe(0);
    release();
    expect(queue.active).toBe(0);
  });

  it("ignores a second release of the same slot", async () => {
    const queue = new ModelQueue({ concurrency: 2, maxQueued: 0 });
    const release = await queue.acquire({ signal: never });
    await queue.acquire({ signal: never });
    release();
    release();
    expect(queue.active).toBe(1);
  });
});
