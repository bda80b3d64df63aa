import {
  describeValueType,
  type GgufFile,
  GgufValueType,
  getMetadata,
  getNumber,
  getString,
  openGguf,
  validateGgufFile,
} from "@nomen/gguf/reader";
import { AdapterMismatchError, ModelFileError } from "./errors.js";
import type { AdapterFileSummary, ModelFileSummary, ModelValidator } from "./ModelValidator.js";
import { PROMPT_TOKEN_LIMIT_KEY } from "./promptTokenLimit.js";
import { REFUSAL_BIAS_KEY } from "./refusalDecision.js";

/**
 * The default {@link ModelValidator}: reads the header with `@nomen/gguf` (magic, version, truncation,
 * tensor offsets) and runs its `validateGgufFile` (required keys, exact value types, tensor shapes,
 * adapter pairing and architecture), so llama.cpp never sees a file that would abort the process.
 */
export const ggufModelValidator: ModelValidator = {
  async validateModel(path, signal) {
    const file = await open(path, signal, (detail, cause) => new ModelFileError(path, detail, { cause }));
    try {
      validateGgufFile(file, { kind: "model" });
    } catch (cause) {
      throw new ModelFileError(path, (cause as Error).message, { cause });
    }
    const architecture = getString(file, "general.architecture") ?? "";
    const promptTokenLimit = readPromptTokenLimit(file, path);
    return {
      path,
      architecture,
      contextLength: getNumber(file, `${architecture}.context_length`) ?? 0,
      tensorShapes: new Map(file.tensors.map((t) => [t.name, t.shape])),
      ...(promptTokenLimit === undefined ? {} : { promptTokenLimit }),
    } satisfies ModelFileSummary;
  },

  async validateAdapter(path, base, signal) {
    const file = await open(path, signal, (detail, cause) => new AdapterMismatchError(path, detail, { cause }));
    if (getString(file, "general.type") !== "adapter") {
      throw new AdapterMismatchError(
        path,
        `general.type must be "adapter", got ${JSON.stringify(getString(file, "general.type"))}`,
      );
    }
    const tensors = [...base.tensorShapes].map(([name, shape]) => ({ name, shape }));
    try {
      validateGgufFile(file, { kind: "adapter", base: { tensors, architecture: base.architecture } });
    } catch (cause) {
      throw new AdapterMismatchError(path, (cause as Error).message, { cause });
    }
    const refusalBias = getMetadata(file, REFUSAL_BIAS_KEY);
    if (refusalBias === undefined) return { path } satisfies AdapterFileSummary;
    if (refusalBias.type !== GgufValueType.FLOAT32 || !Number.isFinite(refusalBias.value)) {
      throw new AdapterMismatchError(
        path,
        `${REFUSAL_BIAS_KEY} must be a finite float32, got ${describeValueType(refusalBias)} ${String(refusalBias.value)}. ` +
          "Hint: write it with @nomen/gguf's f32()",
      );
    }
    return { path, refusalBias: refusalBias.value } satisfies AdapterFileSummary;
  },
};

function readPromptTokenLimit(file: GgufFile, path: string): number | undefined {
  const limit = getMetadata(file, PROMPT_TOKEN_LIMIT_KEY);
  if (limit === undefined) return undefined;
  if (limit.type !== GgufValueType.UINT32 || typeof limit.value !== "number" || limit.value < 1) {
    throw new ModelFileError(
      path,
      `${PROMPT_TOKEN_LIMIT_KEY} must be a uint32 of at least 1, got ${describeValueType(limit)} ${String(limit.value)}. ` +
        "Hint: write it with @nomen/gguf's u32()",
    );
  }
  return limit.value;
}

async function open(
  path: string,
  signal: AbortSignal | undefined,
  fail: (detail: string, cause: unknown) => Error,
): Promise<GgufFile> {
  try {
    return await openGguf(path, { signal });
  } catch (cause) {
    signal?.throwIfAborted();
    const code = (cause as NodeJS.ErrnoException).code;
    const detail =
      code === "ENOENT"
        ? "no such file"
        : code === "EISDIR"
          ? "it is a directory, expected a .gguf file"
          : (cause as Error).message;
    throw fail(detail, cause);
  }
}
