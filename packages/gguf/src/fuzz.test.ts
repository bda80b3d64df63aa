import fc from "fast-check";
import { expect, it } from "vitest";
import { GgufError } from "./errors.js";
import { parseGguf } from "./openGguf.js";
import { readTensor } from "./readTensor.js";
import { tinyModelSpec } from "./tinyModel/tinyModelSpec.js";
import { GgmlType } from "./types.js";
import { validateGgufFile } from "./validate/validateModelMetadata.js";
import { encodeGguf } from "./writeGguf.js";

const typeOf = (name: string) => (name === "token_embd.weight" ? GgmlType.Q4_K : GgmlType.F32);
const valid = encodeGguf(tinyModelSpec({ dim: 256, layers: 1, typeOf }));
const headerEnd = parseGguf(valid).dataOffset;
/** Where the tensor infos start: the u64 length before the first tensor's name. */
const infoStart =
  Buffer.from(valid).indexOf("token_embd.weight", Buffer.from(valid).indexOf("general.architecture") + 100) - 8;
// Edits land anywhere in the header, but more often in the small structural parts (counts, keys, tensor infos).
const position = fc.oneof(
  fc.nat({ max: headerEnd - 1 }),
  fc.nat({ max: 80 }),
  fc.integer({ min: infoStart, max: headerEnd - 1 }),
);

it("any corruption of the header gives a named GgufError or a file that still reads and validates", async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.tuple(position, fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
      async (edits) => {
        const bytes = Uint8Array.from(valid);
        for (const [at, value] of edits) bytes[at] = value;
        try {
          const file = parseGguf(bytes);
          validateGgufFile(file, { allowUnknownArchitecture: true });
          for (const t of file.tensors.slice(0, 3)) await readTensor(file, t.name);
        } catch (error) {
          if (!(error instanceof GgufError)) throw error;
        }
      },
    ),
    { numRuns: 500 },
  );
  expect(infoStart).toBeGreaterThan(1000);
});
