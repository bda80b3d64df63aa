/** Base class of every error this package throws; `where` says which file, offset or key. */
export class GgufError extends Error {
  override name = "GgufError";
  constructor(
    message: string,
    readonly where?: string,
    options?: ErrorOptions,
  ) {
    super(where ? `${message} (at ${where})` : message, options);
  }
}

/** The file does not start with the 4 bytes "GGUF". */
export class GgufMagicError extends GgufError {
  override name = "GgufMagicError";
  constructor(
    readonly got: string,
    where: string,
  ) {
    super(
      `Not a GGUF file: expected magic "GGUF", got ${JSON.stringify(got)}. Hint: is this a safetensors or PyTorch file?`,
      where,
    );
  }
}

/** The GGUF version is one this reader does not understand (only 2 and 3 are). */
export class GgufVersionError extends GgufError {
  override name = "GgufVersionError";
  constructor(
    readonly version: number,
    where: string,
  ) {
    super(
      `Unsupported GGUF version: expected 2 or 3, got ${version}. Hint: re-convert with a current llama.cpp.`,
      where,
    );
  }
}

/** The file ends before a value, a tensor info or tensor data it declares. */
export class GgufTruncatedError extends GgufError {
  override name = "GgufTruncatedError";
  constructor(
    readonly needed: number,
    readonly fileSize: number,
    what: string,
    where: string,
  ) {
    super(
      `GGUF file is truncated: ${what} needs bytes up to ${needed}, but the file has ${fileSize}. Hint: the download or write was cut short.`,
      where,
    );
  }
}

/** Malformed structure: bad value type, too many dims, a bad alignment, a duplicate name, an offset out of order. */
export class GgufFormatError extends GgufError {
  override name = "GgufFormatError";
}

/** A tensor's ggml type is unknown, or known but not one this package can (de)quantize. */
export class GgufUnsupportedTensorTypeError extends GgufError {
  override name = "GgufUnsupportedTensorTypeError";
  constructor(
    readonly type: number,
    readonly typeName: string,
    readonly operation: string,
    where: string,
  ) {
    super(`Unsupported ggml tensor type for ${operation}: ${typeName} (${type}).`, where);
  }
}

/** A metadata key the reader, writer or llama.cpp needs is absent. */
export class GgufMissingKeyError extends GgufError {
  override name = "GgufMissingKeyError";
  constructor(
    readonly key: string,
    hint: string,
    where?: string,
  ) {
    super(`Missing metadata key "${key}". ${hint}`, where);
  }
}

/** A metadata key has the wrong GGUF value type (llama.cpp's type check is strict: u64 is not u32). */
export class GgufKeyTypeError extends GgufError {
  override name = "GgufKeyTypeError";
  constructor(
    readonly key: string,
    readonly expected: string,
    readonly got: string,
    hint = "",
    where?: string,
  ) {
    super(
      `Metadata key "${key}" has the wrong type: expected ${expected}, got ${got}.${hint ? ` ${hint}` : ""}`,
      where,
    );
  }
}

/** A tensor's shape or data length does not match what the metadata or its type implies. */
export class GgufShapeError extends GgufError {
  override name = "GgufShapeError";
  constructor(
    readonly tensor: string,
    readonly expected: string,
    readonly got: string,
    where?: string,
  ) {
    super(
      `Tensor "${tensor}" has the wrong shape or size: expected ${expected}, got ${got}. Hint: ne[0] is the contiguous dim, so a row-major [out, in] matrix has ne [in, out] (transpose TF.js [in, out] kernels).`,
      where,
    );
  }
}

/** A tensor that the architecture requires is absent, or a name asked for is not in the file. */
export class GgufMissingTensorError extends GgufError {
  override name = "GgufMissingTensorError";
  constructor(
    readonly tensor: string,
    hint: string,
    where?: string,
  ) {
    super(`Missing tensor "${tensor}". ${hint}`, where);
  }
}

/** `general.architecture` is not one whose config this package understands. */
export class UnsupportedArchitectureError extends GgufError {
  override name = "UnsupportedArchitectureError";
  constructor(
    readonly architecture: string,
    readonly supported: readonly string[],
    where?: string,
  ) {
    super(
      `Unsupported model architecture ${JSON.stringify(architecture)}: expected one of ${supported.join(", ")}.`,
      where,
    );
  }
}

/** Every problem found while validating a file or a write, reported together. */
export class GgufValidationError extends GgufError {
  override name = "GgufValidationError";
  constructor(
    readonly problems: readonly GgufError[],
    readonly subject: string,
  ) {
    super(
      `GGUF validation of ${subject} failed with ${problems.length} problem(s):\n${problems.map((p) => `  - ${p.message}`).join("\n")}`,
    );
  }
}
