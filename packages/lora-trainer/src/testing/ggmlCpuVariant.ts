/** Test support: which ggml-cpu build node-llama-cpp loaded into this process. */
import { readFileSync } from "node:fs";

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
