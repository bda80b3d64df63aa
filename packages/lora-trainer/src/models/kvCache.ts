import type { Tensor4D } from "@tensorflow/tfjs";
import type { Tf } from "../backend/loadTf.js";
import { DisposedError } from "../errors.js";

/**
 * Keys and values of the positions seen so far, per layer: [B, kvHeads, S, hd] each (after RoPE).
 * The forward pass appends to it and then calls {@link KvCache.advance}; it owns its tensors.
 */
export class KvCache {
  #keys: Array<Tensor4D | undefined>;
  #values: Array<Tensor4D | undefined>;
  #length = 0;
  #disposed = false;

  constructor(
    private readonly tf: Tf,
    layers: number,
  ) {
    this.#keys = new Array(layers).fill(undefined);
    this.#values = new Array(layers).fill(undefined);
  }

  /** Number of cached positions. */
  get length(): number {
    return this.#length;
  }

  get disposed(): boolean {
    return this.#disposed;
  }

  /** Appends this step's k, v [B, KV, T, hd] for one layer and returns the full [B, KV, S+T, hd] pair. */
  append(layer: number, k: Tensor4D, v: Tensor4D): { keys: Tensor4D; values: Tensor4D } {
    if (this.#disposed) throw new DisposedError("KvCache was used after dispose()");
    const { tf } = this;
    const oldK = this.#keys[layer];
    const oldV = this.#values[layer];
    const keys = tf.keep(oldK ? tf.concat([oldK, k], 2) : k.clone());
    const values = tf.keep(oldV ? tf.concat([oldV, v], 2) : v.clone());
    oldK?.dispose();
    oldV?.dispose();
    this.#keys[layer] = keys;
    this.#values[layer] = values;
    return { keys, values };
  }

  /** Marks `steps` more positions as cached, once every layer has appended. */
  advance(steps: number): void {
    this.#length += steps;
  }

  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    for (const t of [...this.#keys, ...this.#values]) t?.dispose();
    this.#keys.fill(undefined);
    this.#values.fill(undefined);
  }

  [Symbol.dispose](): void {
    this.dispose();
  }
}
