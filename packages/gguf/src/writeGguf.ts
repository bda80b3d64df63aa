import { randomBytes } from "node:crypto";
import { open, rename, rm } from "node:fs/promises";
import { encodeGgufHeader, encodeTensorData, specAlignment } from "./encodeGguf.js";
import { GgufValidationError } from "./errors.js";
import { alignUp } from "./ggmlTypes.js";
import { findModelProblems, type ValidateModelOptions } from "./validate/validateModelMetadata.js";
import { findWriteSpecProblems, type GgufWriteSpec } from "./validate/validateWriteSpec.js";

/** Options for {@link writeGguf} and {@link encodeGguf}. */
export interface WriteGgufOptions extends Omit<ValidateModelOptions, "tensors" | "where"> {
  /** Aborts between tensors; the temp file is removed and the target left untouched. */
  signal?: AbortSignal;
  /**
   * "model": structural checks plus `validateModelMetadata` (llama.cpp's rules for the file's kind).
   * "structure": only types, ranges, names, shapes and data lengths (for GGUF files that are not llama.cpp models).
   * Defaults to "model".
   */
  validate?: "model" | "structure";
}

/** Validates a write spec and throws one GgufValidationError listing every problem. */
export function validateWriteSpec(spec: GgufWriteSpec, options: WriteGgufOptions = {}, where = "GGUF write"): void {
  const problems = findWriteSpecProblems(spec, where);
  if ((options.validate ?? "model") === "model") {
    problems.push(...findModelProblems(spec.metadata, { ...options, tensors: spec.tensors, where }));
  }
  if (problems.length > 0) throw new GgufValidationError(problems, where);
}

/** The whole file in memory, after the same validation as {@link writeGguf}. For small files and tests. */
export function encodeGguf(spec: GgufWriteSpec, options: WriteGgufOptions = {}): Uint8Array {
  validateWriteSpec(spec, options);
  const alignment = specAlignment(spec);
  const parts = [encodeGgufHeader(spec)];
  for (const t of spec.tensors) {
    const data = encodeTensorData(t);
    parts.push(data, new Uint8Array(alignUp(data.length, alignment) - data.length));
  }
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * Validates everything first (collecting every problem into one GgufValidationError), then writes the file
 * atomically (temp file + rename), quantizing float32 tensors to their `type` one at a time.
 * @returns the number of bytes written
 * @example await writeGguf("tiny.gguf", { metadata: { "general.architecture": str("llama"), … }, tensors })
 */
export async function writeGguf(path: string, spec: GgufWriteSpec, options: WriteGgufOptions = {}): Promise<number> {
  validateWriteSpec(spec, options, path);
  options.signal?.throwIfAborted();
  const alignment = specAlignment(spec);
  const temp = `${path}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  const handle = await open(temp, "w");
  let written = 0;
  try {
    const header = encodeGgufHeader(spec);
    await handle.write(header, 0, header.length, 0);
    written = header.length;
    for (const t of spec.tensors) {
      options.signal?.throwIfAborted();
      const data = encodeTensorData(t);
      const padded = alignUp(data.length, alignment);
      await handle.write(data, 0, data.length, written);
      if (padded > data.length)
        await handle.write(new Uint8Array(padded - data.length), 0, padded - data.length, written + data.length);
      written += padded;
    }
    await handle.sync();
    await handle.close();
    await rename(temp, path);
    return written;
  } catch (error) {
    await handle.close().catch(() => {});
    await rm(temp, { force: true });
    throw error;
  }
}
