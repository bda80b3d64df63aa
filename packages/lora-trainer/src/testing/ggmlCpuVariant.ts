/** Test support: which ggml-cpu build node-llama-cpp loaded into this process, and whether we model it exactly. */
import { readFileSync } from "node:fs";
import { type GgmlCpuProfile, ggmlCpuProfile } from "../models/ggmlCpuForward.js";

/**
 * The `<variant>` of the `libggml-cpu-<variant>.so` mapped into this process (e.g. "zen4", "haswell"), read from
 * /proc/self/maps after `getLlama()` has loaded the backend; undefined when none is loaded or not on Linux.
 */
export function loadedGgmlCpuVariant(): string | undefined {
  let maps: string;
  try {
    maps = readFileSync("/proc/self/maps", "utf8");
  } catch {
    return undefined;
  }
  return /libggml-cpu-([\w-]+)\.so/.exec(maps)?.[1];
}

/** The runtime glibc version ("2.36"), or undefined off glibc. */
export function glibcVersion(): string | undefined {
  const header = (process.report?.getReport() as { header?: { glibcVersionRuntime?: string } } | undefined)?.header;
  return header?.glibcVersionRuntime;
}

/**
 * The profile for `ggmlCpuLogits` if this process runs a ggml-cpu variant we model and the libm whose cosf/sinf we
 * reproduce (glibc ≥ 2.28); otherwise why not, for the test log.
 */
export function exactGgmlCpuProfile(): { profile: GgmlCpuProfile; variant: string } | { skip: string } {
  const variant = loadedGgmlCpuVariant();
  const profile = variant ? ggmlCpuProfile(variant) : undefined;
  if (!variant || !profile) return { skip: `ggml-cpu variant ${variant ?? "(none found)"} is not modelled` };
  const glibc = glibcVersion();
  const [major = 0, minor = 0] = (glibc ?? "").split(".").map(Number);
  if (!glibc || major < 2 || (major === 2 && minor < 28)) {
    return { skip: `libm is not glibc ≥ 2.28 (${glibc ?? "not glibc"}), whose cosf/sinf RoPE uses` };
  }
  return { profile, variant };
}
