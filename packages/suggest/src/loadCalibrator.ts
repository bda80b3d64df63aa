import { access, readFile } from "node:fs/promises";
import type { CalibratorSpec } from "@nomen/metal-runtime";
import { z } from "zod";
import { CalibratorFileError } from "./errors.js";

const finite = z.number().finite();
const calibratorSpecSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("identity") }),
  z.object({ kind: z.literal("platt"), a: finite, b: finite }),
  z
    .object({ kind: z.literal("isotonic"), thresholds: z.array(finite), values: z.array(z.number().min(0).max(1)) })
    .refine((spec) => spec.thresholds.length === spec.values.length, "thresholds and values differ in length"),
]);

/** Where a model's calibration ships: beside the GGUF, e.g. `nomen-tiny.gguf` → `nomen-tiny.calibration.json`. */
export function calibrationPathFor(modelPath: string): string {
  return `${modelPath.replace(/\.gguf$/i, "")}.calibration.json`;
}

/**
 * Resolves `createSuggester`'s `calibrator` option: a spec is checked and returned, a string is read as
 * a JSON spec file. Without one, `<model>.calibration.json` is used when it exists; else `undefined`
 * (the generator then returns raw token probabilities). Throws {@link CalibratorFileError}.
 */
export async function loadCalibrator(
  calibrator: CalibratorSpec | string | undefined,
  modelPath: string,
): Promise<CalibratorSpec | undefined> {
  if (calibrator === undefined) {
    const beside = calibrationPathFor(modelPath);
    const exists = await access(beside).then(
      () => true,
      () => false,
    );
    return exists ? readSpec(beside) : undefined;
  }
  if (typeof calibrator === "string") return readSpec(calibrator);
  return checkSpec(calibrator, "the calibrator option");
}

async function readSpec(path: string): Promise<CalibratorSpec> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (cause) {
    throw new CalibratorFileError(path, "a readable JSON file", `${(cause as NodeJS.ErrnoException).code ?? cause}`, {
      cause,
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new CalibratorFileError(path, "JSON", `unparseable text (${(cause as Error).message})`, { cause });
  }
  return checkSpec(json, path);
}

function checkSpec(value: unknown, source: string): CalibratorSpec {
  const parsed = calibratorSpecSchema.safeParse(value);
  if (!parsed.success) {
    const got = parsed.error.issues.map((issue) => `${issue.path.join(".") || "spec"}: ${issue.message}`).join("; ");
    throw new CalibratorFileError(source, 'a calibrator spec ({"kind":"identity"|"platt"|"isotonic",…})', got, {
      cause: parsed.error,
    });
  }
  return parsed.data;
}
