import type { GgufTypedValue } from "../vocab/ggufMetadata.js";

/**
 * A minimal GGUF v3 encoder for vocab-only files (metadata, no tensors): enough for llama.cpp's
 * `vocabOnly` load, which is the reference tokenizer in the parity tests and the benchmark.
 * Production code writes GGUF through `@nomen/gguf`.
 */
export function encodeVocabOnlyGguf(metadata: Readonly<Record<string, GgufTypedValue>>): Uint8Array {
  const chunks: Uint8Array[] = [];
  const encoder = new TextEncoder();
  const u32 = (n: number): void => {
    const b = new Uint8Array(4);
    new DataView(b.buffer).setUint32(0, n, true);
    chunks.push(b);
  };
  const i32 = (n: number): void => {
    const b = new Uint8Array(4);
    new DataView(b.buffer).setInt32(0, n, true);
    chunks.push(b);
  };
  const u64 = (n: number): void => {
    const b = new Uint8Array(8);
    new DataView(b.buffer).setBigUint64(0, BigInt(n), true);
    chunks.push(b);
  };
  const string = (s: string): void => {
    const bytes = encoder.encode(s);
    u64(bytes.length);
    chunks.push(bytes);
  };
  chunks.push(encoder.encode("GGUF"));
  u32(3);
  u64(0);
  u64(Object.keys(metadata).length);
  for (const [key, value] of Object.entries(metadata)) {
    string(key);
    u32(value.type);
    if (value.type === 4) u32(value.value);
    else if (value.type === 5) i32(value.value);
    else if (value.type === 7) chunks.push(new Uint8Array([value.value ? 1 : 0]));
    else if (value.type === 8) string(value.value);
    else {
      u32(value.itemType);
      u64(value.value.length);
      if (value.itemType === 5) {
        const b = new Uint8Array(4 * value.value.length);
        const view = new DataView(b.buffer);
        for (let i = 0; i < value.value.length; i++) view.setInt32(4 * i, value.value[i] as number, true);
        chunks.push(b);
      } else for (const s of value.value) string(s);
    }
  }
  const total = chunks.reduce((n, c) => n + c.length, 0);
  const out = new Uint8Array(Math.ceil(total / 32) * 32);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
