import type { GgufTypedValue } from "../vocab/ggufMetadata.js";

/**
 * A minimal GGUF v3 encoder for vocab-only files (metadata, no tensors): enough for llama.cpp's
 * `vocabOnly` load, which is the reference tokenizer in the parity tests and the benchmark.
 * Production code writes GGUF through `@nomen/gguf`.
 */
export function encodeVocabOnlyGguf(metadata: Readonly<Record<string, GgufTypedValue>>): Uint8Array {
  const out = new Writer();
  out.bytes(new TextEncoder().encode("GGUF"));
  out.u32(3);
  out.u64(0);
  out.u64(Object.keys(metadata).length);
  for (const [key, value] of Object.entries(metadata)) {
    out.string(key);
    out.u32(value.type);
    if (value.type === 4) out.u32(value.value);
    else if (value.type === 5) out.i32(value.value);
    else if (value.type === 7) out.bytes(new Uint8Array([value.value ? 1 : 0]));
    else if (value.type === 8) out.string(value.value);
    else {
      out.u32(value.itemType);
      out.u64(value.value.length);
      if (value.itemType === 5) for (const n of value.value) out.i32(n);
      else for (const s of value.value) out.string(s);
    }
  }
  return out.finish(32);
}

class Writer {
  #buffer = new Uint8Array(1 << 16);
  #view = new DataView(this.#buffer.buffer);
  #at = 0;
  readonly #encoder = new TextEncoder();

  #reserve(n: number): void {
    if (this.#at + n <= this.#buffer.length) return;
    let size = this.#buffer.length * 2;
    while (size < this.#at + n) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.#buffer.subarray(0, this.#at));
    this.#buffer = grown;
    this.#view = new DataView(grown.buffer);
  }
  u32(n: number): void {
    this.#reserve(4);
    this.#view.setUint32(this.#at, n, true);
    this.#at += 4;
  }
  i32(n: number): void {
    this.#reserve(4);
    this.#view.setInt32(this.#at, n, true);
    this.#at += 4;
  }
  u64(n: number): void {
    this.#reserve(8);
    this.#view.setBigUint64(this.#at, BigInt(n), true);
    this.#at += 8;
  }
  bytes(b: Uint8Array): void {
    this.#reserve(b.length);
    this.#buffer.set(b, this.#at);
    this.#at += b.length;
  }
  string(s: string): void {
    this.#reserve(8 + s.length * 3);
    const { written } = this.#encoder.encodeInto(s, this.#buffer.subarray(this.#at + 8));
    this.#view.setBigUint64(this.#at, BigInt(written), true);
    this.#at += 8 + written;
  }
  finish(alignment: number): Uint8Array {
    const size = Math.ceil(this.#at / alignment) * alignment;
    const out = new Uint8Array(size);
    out.set(this.#buffer.subarray(0, this.#at));
    return out;
  }
}
