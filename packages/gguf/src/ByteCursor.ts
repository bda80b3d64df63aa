import { GgufFormatError, GgufTruncatedError } from "./errors.js";

/** Thrown (internally) when the header continues past the bytes read so far; the caller reads more and retries. */
export class NeedMoreBytes extends Error {
  constructor(readonly needed: number) {
    super(`need ${needed} bytes`);
  }
}

const decoder = new TextDecoder("utf-8");

/** A little-endian read cursor over the first bytes of a GGUF file. */
export class ByteCursor {
  offset = 0;
  readonly #view: DataView;

  constructor(
    readonly bytes: Uint8Array,
    readonly fileSize: number,
    readonly description: string,
  ) {
    this.#view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  where(offset = this.offset): string {
    return `${this.description} offset ${offset}`;
  }

  /** Throws unless `n` more bytes exist; `what` names the item for the truncation message. */
  need(n: number, what: string): void {
    const end = this.offset + n;
    if (end <= this.bytes.length) return;
    if (this.bytes.length < this.fileSize && end <= this.fileSize) throw new NeedMoreBytes(end);
    throw new GgufTruncatedError(end, this.fileSize, what, this.where());
  }

  #advance(n: number, what: string): number {
    this.need(n, what);
    const at = this.offset;
    this.offset += n;
    return at;
  }

  u8(what: string): number {
    return this.#view.getUint8(this.#advance(1, what));
  }
  i8(what: string): number {
    return this.#view.getInt8(this.#advance(1, what));
  }
  u16(what: string): number {
    return this.#view.getUint16(this.#advance(2, what), true);
  }
  i16(what: string): number {
    return this.#view.getInt16(this.#advance(2, what), true);
  }
  u32(what: string): number {
    return this.#view.getUint32(this.#advance(4, what), true);
  }
  i32(what: string): number {
    return this.#view.getInt32(this.#advance(4, what), true);
  }
  f32(what: string): number {
    return this.#view.getFloat32(this.#advance(4, what), true);
  }
  f64(what: string): number {
    return this.#view.getFloat64(this.#advance(8, what), true);
  }
  u64(what: string): bigint {
    return this.#view.getBigUint64(this.#advance(8, what), true);
  }
  i64(what: string): bigint {
    return this.#view.getBigInt64(this.#advance(8, what), true);
  }

  /** A u64 that must fit in a JS number (counts, lengths, offsets). */
  size(what: string): number {
    const at = this.offset;
    const value = this.u64(what);
    if (value > BigInt(Number.MAX_SAFE_INTEGER)) {
      throw new GgufFormatError(`${what} is ${value}, larger than any real file allows`, this.where(at));
    }
    return Number(value);
  }

  /** Checks that `count` items of at least `minBytes` each could fit before allocating for them. */
  checkCount(count: number, minBytes: number, what: string): void {
    const end = this.offset + count * minBytes;
    if (end > this.fileSize) throw new GgufTruncatedError(end, this.fileSize, `${what} (${count} items)`, this.where());
  }

  /** GGUF string: u64 byte length, then UTF-8 bytes without a terminator. */
  string(what: string): string {
    const length = this.size(`${what} length`);
    this.checkCount(length, 1, what);
    const at = this.#advance(length, what);
    // Most keys and tokens are short ASCII: building them directly is several times faster than TextDecoder.
    if (length <= 32) {
      let text = "";
      for (let i = at; i < at + length; i++) {
        const byte = this.bytes[i]!;
        if (byte >= 0x80) return decoder.decode(this.bytes.subarray(at, at + length));
        text += String.fromCharCode(byte);
      }
      return text;
    }
    return decoder.decode(this.bytes.subarray(at, at + length));
  }
}
