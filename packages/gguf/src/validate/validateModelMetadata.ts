import { type GgufError, GgufValidationError, UnsupportedArchitectureError } from "../errors.js";
import { type GgufFile, type GgufMetadata, GgufValueType as V } from "../types.js";
import { Problems } from "./Problems.js";
import { type AdapterBase, validateAdapter } from "./validateAdapter.js";
import { type TensorShape, validateArchTensors } from "./validateArchTensors.js";
import { validateHparams } from "./validateHparams.js";
import { validateTokenizer } from "./validateTokenizer.js";

/** Architectures whose hparams and tensors this package checks and configures. */
export const SUPPORTED_ARCHITECTURES: readonly string[] = ["llama", "qwen2"];

/** What a GGUF file is for: a full model, a tokenizer-only file (llama.cpp `vocabOnly`), or a LoRA adapter. */
export type GgufKind = "model" | "vocab" | "adapter";

/** Options for {@link validateModelMetadata}. */
export interface ValidateModelOptions {
  /** Tensor names and ne shapes to check against the metadata. Defaults to none (metadata only). */
  tensors?: readonly TensorShape[];
  /** Defaults to "adapter" when general.type is "adapter", "vocab" when `tensors` is given and empty, else "model". */
  kind?: GgufKind;
  /** For adapters: the base model's tensors and architecture, to check targets and shapes. Defaults to none. */
  base?: AdapterBase;
  /** Check only general and tokenizer keys of architectures other than llama/qwen2 instead of failing. Defaults to false. */
  allowUnknownArchitecture?: boolean;
  /** Names the file in messages. Defaults to "metadata". */
  where?: string;
}

/** Every problem llama.cpp would trip over (errors and process aborts), without throwing. */
export function findModelProblems(metadata: GgufMetadata, options: ValidateModelOptions = {}): GgufError[] {
  const p = new Problems(metadata, options.where);
  const generalType = metadata["general.type"];
  const kind =
    options.kind ?? defaultKind(generalType?.type === V.STRING ? generalType.value : undefined, options.tensors);
  if (kind === "adapter") {
    validateAdapter(p, options.tensors, options.base);
    return p.list;
  }
  const archValue = p.key("general.architecture", ["string"], 'llama.cpp: "unknown model architecture".');
  const arch = archValue?.type === V.STRING ? archValue.value : undefined;
  const known = arch !== undefined && SUPPORTED_ARCHITECTURES.includes(arch);
  if (arch !== undefined && !known && !options.allowUnknownArchitecture) {
    p.add(new UnsupportedArchitectureError(arch, SUPPORTED_ARCHITECTURES, options.where));
  }
  p.key("general.name", ["string"]);
  p.key("general.file_type", ["u32"]);
  p.key("general.alignment", ["u32"]);
  const vocab = validateTokenizer(p);
  if (kind === "vocab" || !known || arch === undefined) return p.list;
  const hparams = validateHparams(p, arch);
  if (options.tensors) validateArchTensors(p, arch, hparams, vocab ?? p.count(`${arch}.vocab_size`), options.tensors);
  return p.list;
}

function defaultKind(generalType: string | undefined, tensors: readonly TensorShape[] | undefined): GgufKind {
  if (generalType === "adapter") return "adapter";
  return tensors?.length === 0 ? "vocab" : "model";
}

/**
 * Throws one GgufValidationError listing every problem that would make llama.cpp fail or abort the process
 * (missing `feed_forward_length`/`head_count`, u64 instead of u32, u32 LoRA alpha, wrong tensor shapes…).
 * Call it before handing any file to llama.cpp.
 * @example validateModelMetadata(file.metadata, { tensors: file.tensors, where: path })
 */
export function validateModelMetadata(
  metadata: GgufMetadata,
  tensorsOrOptions: readonly TensorShape[] | ValidateModelOptions = {},
): void {
  const options: ValidateModelOptions = isTensorList(tensorsOrOptions)
    ? { tensors: tensorsOrOptions }
    : tensorsOrOptions;
  const problems = findModelProblems(metadata, options);
  if (problems.length > 0) throw new GgufValidationError(problems, options.where ?? "metadata");
}

function isTensorList(x: readonly TensorShape[] | ValidateModelOptions): x is readonly TensorShape[] {
  return Array.isArray(x);
}

/** {@link validateModelMetadata} on an opened file, with its tensors and path. */
export function validateGgufFile(file: GgufFile, options: Omit<ValidateModelOptions, "tensors" | "where"> = {}): void {
  validateModelMetadata(file.metadata, { ...options, tensors: file.tensors, where: file.source.description });
}
