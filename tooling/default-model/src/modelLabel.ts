import { basename, dirname } from "node:path";

/**
 * A short name for base + adapter in evaluation file names: `nomen-base+lora-v8`. A run's adapter is always called
 * `nomen-lora.gguf`, so inside `models/runs/<run>/<name>/` the folder names it — otherwise every run's evaluation
 * would overwrite the shipped adapter's (`models/nomen-lora.gguf` keeps `nomen-lora`).
 */
export function modelLabel(modelPath: string, adapterPath?: string): string {
  const name = (path: string) => {
    const file = basename(path, ".gguf");
    const folder = basename(dirname(path));
    return file === "nomen-lora" && folder !== "models" && folder !== "." ? folder : file;
  };
  return adapterPath ? `${name(modelPath)}+${name(adapterPath)}` : name(modelPath);
}
