const encoder = new TextEncoder();

/** FNV-1a 32-bit hash of the UTF-8 bytes of `text`, as an unsigned integer. */
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of encoder.encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** The project's split rule: a company is in the test split when FNV-1a(name) mod 5 is 0. */
export function isTestSplit(name: string): boolean {
  return fnv1a32(name) % 5 === 0;
}
