/**
 * GPT-2's reversible byte ↔ unicode map: every byte gets a printable character, so byte-level BPE
 * tokens can be stored as strings (space = "Ġ", "\n" = "Ċ"). tokenizer.json and GGUF both use it.
 */

/** `BYTE_TO_UNICODE[b]` is the character that stands for byte `b`. */
export const BYTE_TO_UNICODE: readonly string[] = buildByteToUnicode();

/** Byte for each mapped character's code point; -1 where the code point is not a mapped byte. */
const UNICODE_TO_BYTE = new Int16Array(324).fill(-1);
for (let byte = 0; byte < 256; byte++) UNICODE_TO_BYTE[(BYTE_TO_UNICODE[byte] as string).charCodeAt(0)] = byte;

/**
 * The byte order GPT-2 vocabularies use for their first 256 tokens: printable bytes first.
 * `BYTE_ORDER[i]` is the byte whose token comes i-th.
 */
export const BYTE_ORDER: readonly number[] = buildByteOrder();

function buildByteOrder(): number[] {
  const order: number[] = [];
  for (let b = 0x21; b <= 0x7e; b++) order.push(b);
  for (let b = 0xa1; b <= 0xac; b++) order.push(b);
  for (let b = 0xae; b <= 0xff; b++) order.push(b);
  const printable = new Set(order);
  for (let b = 0; b < 256; b++) if (!printable.has(b)) order.push(b);
  return order;
}

function buildByteToUnicode(): string[] {
  const map: string[] = new Array(256);
  let next = 256;
  for (const byte of buildByteOrder()) {
    const printable =
      (byte >= 0x21 && byte <= 0x7e) || (byte >= 0xa1 && byte <= 0xac) || (byte >= 0xae && byte <= 0xff);
    map[byte] = String.fromCharCode(printable ? byte : next++);
  }
  return map;
}

/** Turns raw bytes into their mapped string (the form tokens are stored in). */
export function bytesToUnicode(bytes: Uint8Array): string {
  let out = "";
  for (const byte of bytes) out += BYTE_TO_UNICODE[byte];
  return out;
}

/** Turns a mapped token string back into bytes; returns null when a character is not a mapped byte. */
export function unicodeToBytes(text: string): Uint8Array | null {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const byte = code < UNICODE_TO_BYTE.length ? (UNICODE_TO_BYTE[code] as number) : -1;
    if (byte < 0) return null;
    bytes[i] = byte;
  }
  return bytes;
}
