import { BackendUnavailableError } from "../errors.js";
import { applyWasmKernelFixes } from "./wasmKernelFixes.js";

/** The TensorFlow.js namespace (the umbrella package: it registers every gradient). */
export type Tf = typeof import("@tensorflow/tfjs");

/** `tensorflow` = native libtensorflow via tfjs-node, `wasm` = XNNPACK + SIMD, `cpu` = pure JavaScript. */
export type TfBackendName = "tensorflow" | "wasm" | "cpu";

/** What {@link loadTf} picked. */
export interface LoadedTf {
  tf: Tf;
  backend: TfBackendName;
  /** Why each faster backend was skipped, e.g. `{ tensorflow: "tfjs_binding.node can not be found" }`. */
  skipped: Readonly<Partial<Record<TfBackendName, string>>>;
}

/** Options for {@link loadTf}. */
export interface LoadTfOptions {
  /** Use only this backend. Defaults to `process.env.TF_BACKEND`, else the order tensorflow → wasm → cpu. */
  backend?: TfBackendName;
  /** Receives one line naming the backend that ran (and what was skipped). Defaults to `console.error`. */
  log?: (line: string) => void;
}

const ORDER: readonly TfBackendName[] = ["tensorflow", "wasm", "cpu"];
let loaded: Promise<LoadedTf> | undefined;
let loadedFor: string | undefined;

/**
 * Imports TensorFlow.js and selects the fastest backend that initialises here. The engine is process-global,
 * so the first call decides; later calls with the same preference return the same result.
 *
 * @example
 * const { tf, backend } = await loadTf({ backend: "wasm" }); // logs "lora-trainer: tfjs backend wasm"
 */
export function loadTf(options: LoadTfOptions = {}): Promise<LoadedTf> {
  const prefer = options.backend ?? (process.env["TF_BACKEND"] as TfBackendName | undefined);
  const key = prefer ?? "auto";
  if (loaded && loadedFor === key) return loaded;
  loadedFor = key;
  loaded = selectBackend(prefer, options.log ?? ((line) => console.error(line)));
  loaded.catch(() => {
    loaded = undefined;
  });
  return loaded;
}

async function selectBackend(prefer: TfBackendName | undefined, log: (line: string) => void): Promise<LoadedTf> {
  if (prefer !== undefined && !ORDER.includes(prefer)) {
    throw new BackendUnavailableError({ [prefer]: `unknown backend; expected one of ${ORDER.join(", ")}` });
  }
  const skipped: Partial<Record<TfBackendName, string>> = {};
  for (const name of prefer ? [prefer] : ORDER) {
    try {
      const tf = await initBackend(name);
      const reasons = Object.entries(skipped).map(([n, why]) => `${n}: ${why}`);
      log(`lora-trainer: tfjs backend ${name}${reasons.length ? ` (skipped ${reasons.join("; ")})` : ""}`);
      return { tf, backend: name, skipped };
    } catch (error) {
      skipped[name] = firstLine(error);
    }
  }
  throw new BackendUnavailableError(skipped);
}

async function initBackend(name: TfBackendName): Promise<Tf> {
  if (name === "tensorflow") {
    // A variable specifier: tsc must not need the optional package, and pnpm may leave it installed without its binding,
    // so only a successful import proves it works.
    const spec = "@tensorflow/tfjs-node";
    const tf = (await import(spec)) as Tf;
    if (tf.getBackend() !== "tensorflow" && !(await tf.setBackend("tensorflow"))) throw new Error("setBackend failed");
    return tf;
  }
  const tf = await import("@tensorflow/tfjs");
  if (name === "wasm") {
    await import("@tensorflow/tfjs-backend-wasm");
    if (!(await tf.setBackend("wasm"))) throw new Error("wasm backend failed to initialise");
    applyWasmKernelFixes(tf);
  } else if (!(await tf.setBackend("cpu"))) {
    throw new Error("cpu backend failed to initialise");
  }
  await tf.ready();
  return tf;
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split("\n")[0]?.slice(0, 200) ?? "";
}
