import { basename, dirname } from "node:path";

/**
 * A short name for base + adapter in evaluation file names: `nomen-base+lora-v8`. A run's adapter is always called
 * `nomen-lora.gguf` and its checkpoint exports `step-N.gguf`, so inside `models/runs/<run>/<name>/` the folder names
 * them (`lora-v8`, `lora-v8-step-340`, `lora-v15-step-357-biased`) — otherwise every run's evaluation would overwrite the shipped adapter's
 * (`models/nomen-lora.gguf` keeps `nomen-lora`), and step 280 of one run another's.
 */
export function modelLabel(modelPath: string, adapterPath?: string): string {
  const file = (path: string) => basename(path, ".gguf");
  if (!adapterPath) return file(modelPath);
  const adapter = file(adapterPath);
  const folder = basename(dirname(adapterPath));
  const inRunFolder = folder !== "models" && folder !== ".";
  let label = adapter;
  if (inRunFolder && adapter === "nomen-lora") label = folder;
  else if (inRunFolder && /^step-\d+(-[\w-]+)?$/.test(adapter)) label = `${folder}-${adapter}`;
  return `${file(modelPath)}+${label}`;
}
