import fc from "fast-check";
import { expect, it } from "vitest";
import { parseGguf } from "./openGguf.js";
import { readTensor, readTensorBytes } from "./readTensor.js";
import { GgmlType, type GgufValue, GgufValueType as V } from "./types.js";
import { encodeGguf } from "./writeGguf.js";

const f32 = fc.float({ noNaN: true }).map(Math.fround);
const scalar: [number, fc.Arbitrary<unknown>][] = [
  [V.UINT8, fc.integer({ min: 0, max: 255 })],
  [V.INT8, fc.integer({ min: -128, max: 127 })],
  [V.UINT16, fc.integer({ min: 0, max: 65535 })],
  [V.INT16, fc.integer({ min: -32768, max: 32767 })],
  [V.UINT32, fc.integer({ min: 0, max: 2 ** 32 - 1 })],
  [V.INT32, fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 })],
  [V.FLOAT32, f32],
  [V.FLOAT64, fc.double({ noNaN: true })],
  [V.BOOL, fc.boolean()],
  [V.STRING, fc.string({ unit: "grapheme", maxLength: 12 })],
  [V.UINT64, fc.bigInt({ min: 0n, max: 2n ** 64n - 1n })],
  [V.INT64, fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n })],
];
const value: fc.Arbitrary<GgufValue> = fc.oneof(
  ...scalar.map(([type, arb]) => arb.map((v) => ({ type, value: v }) as GgufValue)),
  ...scalar.map(([itemType, arb]) =>
    fc.array(arb, { maxLength: 5 }).map((v) => ({ type: V.ARRAY, itemType, value: v }) as GgufValue),
  ),
);

it("any metadata and F32/F16/Q8_0 tensors survive encode → parse with their exact types", async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.dictionary(fc.string({ minLength: 1, maxLength: 20 }), value, { maxKeys: 8 }),
      fc.array(fc.tuple(fc.constantFrom(GgmlType.F32, GgmlType.F16, GgmlType.Q8_0), fc.integer({ min: 1, max: 3 })), {
        maxLength: 4,
      }),
      async (metadata, shapes) => {
        const tensors = shapes.map(([type, rows], i) => ({
          name: `t${i}`,
          shape: [32, rows],
          type,
          // Integers with 127 in every block of 32: Q8_0 gets d = 1, so every type holds them exactly.
          data: Float32Array.from({ length: 32 * rows }, (_, j) => (j % 32 === 0 ? 127 : ((j * 37) % 201) - 100)),
        }));
        const file = parseGguf(encodeGguf({ metadata, tensors }, { validate: "structure" }));
        expect(file.metadata).toEqual(metadata);
        expect(Object.keys(file.metadata)).toEqual(Object.keys(metadata));
        for (const t of tensors) {
          expect(await readTensor(file, t.name)).toEqual(t.data);
          expect((await readTensorBytes(file, t.name)).length).toBe(
            file.tensors.find((x) => x.name === t.name)!.byteLength,
          );
        }
      },
    ),
    { numRuns: 150 },
  );
});
