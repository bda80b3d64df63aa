import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CalibratorFileError } from "./errors.js";
import { calibrationPathFor, loadCalibrator } from "./loadCalibrator.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "nomen-calibrator-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("loadCalibrator", () => {
  it("uses <model>.calibration.json beside the model when present, else none", async () => {
    const model = join(dir, "nomen-tiny.gguf");
    expect(calibrationPathFor(model)).toBe(join(dir, "nomen-tiny.calibration.json"));
    expect(await loadCalibrator(undefined, model)).toBeUndefined();
    const spec = { kind: "isotonic", thresholds: [0.1, 0.9], values: [0.2, 0.8] };
    await writeFile(calibrationPathFor(model), JSON.stringify(spec));
    expect(await loadCalibrator(undefined, model)).toEqual(spec);
  });

  it("rejects malformed specs with expected vs got and a hint", async () => {
    const path = join(dir, "broken.json");
    await writeFile(path, "{not json");
    await expect(loadCalibrator(path, "m.gguf")).rejects.toThrow(/expected JSON, got unparseable text.*Hint:/);
    await expect(loadCalibrator({ kind: "platt", a: 1, b: Number.NaN }, "m.gguf")).rejects.toBeInstanceOf(
      CalibratorFileError,
    );
  });
});
