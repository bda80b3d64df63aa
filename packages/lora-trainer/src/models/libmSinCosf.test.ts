import { describe, expect, it } from "vitest";
import { libmCosf, libmSinf } from "./libmSinCosf.js";

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);
const fromBits = (bits: number) => {
  u32[0] = bits;
  return f32[0] as number;
};

/**
 * [x, cosf(x), sinf(x)] as float bits, printed by glibc (Debian, x86-64 FMA build) for inputs where at least one
 * result is not the correctly rounded value, so `Math.fround(Math.cos(x))` would fail them.
 */
const GLIBC = [
  [0x42084f93, 0xbf6317d9, 0x3eec583a], // x = 34.0777092
  [0x42253d90, 0xbf644f2b, 0xbee79c5a], // x = 41.3101196
  [0x429dc75c, 0xbf7084ab, 0xbeaf59cf], // x = 78.8893738
  [0x42661d05, 0x3f0eaae6, 0x3f548f7c], // x = 57.5283394
  [0x42aee5b0, 0x3f5eaba7, 0xbefc9df5], // x = 87.4486084
  [0x4343fe1a, 0x3eb2e7bf, 0x3f6fdce9], // x = 195.992584 (large-argument reduction from here on)
  [0x450bf6fd, 0xbf5e509d, 0x3efddde5], // x = 2239.43677
  [0x44c93912, 0x3e8edd82, 0x3f75d4ff], // x = 1609.78345
  [0x43e7248e, 0xbf641252, 0xbee88ba9], // x = 462.285583
  [0x450cb102, 0xbde49874, 0x3f7e6679], // x = 2251.06299
] as const;

describe("libmSinf / libmCosf reproduce glibc's float32 results", () => {
  it.each(GLIBC.map((row) => [fromBits(row[0]), row] as const))("x = %f", (x, [, cos, sin]) => {
    expect(libmCosf(x)).toBe(fromBits(cos));
    expect(libmSinf(x)).toBe(fromBits(sin));
    expect(libmCosf(-x)).toBe(fromBits(cos));
    expect(libmSinf(-x)).toBe(-fromBits(sin));
    const naive = Math.fround(Math.cos(x)) === fromBits(cos) && Math.fround(Math.sin(x)) === fromBits(sin);
    expect(naive).toBe(false);
  });

  it("small arguments and special values", () => {
    expect(libmCosf(0)).toBe(1);
    expect(libmSinf(0)).toBe(0);
    expect(libmSinf(2 ** -13)).toBe(2 ** -13);
    expect(libmCosf(0.5)).toBe(Math.fround(Math.cos(0.5)));
    expect(libmSinf(Number.POSITIVE_INFINITY)).toBeNaN();
  });
});
