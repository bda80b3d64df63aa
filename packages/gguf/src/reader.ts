/**
 * @module @nomen/gguf/reader — the header/metadata half of `@nomen/gguf`: open and parse a GGUF
 * header, read typed metadata, validate it for llama.cpp, derive the model config. It loads no
 * quantization, tensor-reading or writing code, so a process that only checks a model file before
 * handing it to llama.cpp (`metal-runtime`, `nomen suggest`) starts faster. Every export is the
 * same object as the root export of the same name.
 */
export {
  GgufError,
  GgufFormatError,
  GgufKeyTypeError,
  GgufMagicError,
  GgufMissingKeyError,
  GgufMissingTensorError,
  GgufShapeError,
  GgufTruncatedError,
  GgufUnsupportedTensorTypeError,
  GgufValidationError,
  GgufVersionError,
  UnsupportedArchitectureError,
} from "./errors.js";
export { alignUp, elementCount, type GgmlTypeInfo, ggmlTypeInfo, ggmlTypeName, tensorByteLength } from "./ggmlTypes.js";
export { type ModelConfig, type ModelConfigSource, modelConfigFromGguf } from "./modelConfigFromGguf.js";
export { type OpenGgufOptions, openGguf, parseGguf } from "./openGguf.js";
export { GGUF_DEFAULT_ALIGNMENT } from "./parseGgufHeader.js";
export {
  GgmlType,
  type GgmlTypeName,
  type GgufArray,
  type GgufBigIntType,
  type GgufByteSource,
  type GgufFile,
  type GgufMetadata,
  type GgufNumberType,
  type GgufScalar,
  type GgufScalarType,
  type GgufTensorInfo,
  type GgufValue,
  GgufValueType,
} from "./types.js";
export {
  findModelProblems,
  type GgufKind,
  SUPPORTED_ARCHITECTURES,
  type ValidateModelOptions,
  validateGgufFile,
  validateModelMetadata,
} from "./validate/validateModelMetadata.js";
export { describeValueType, getMetadata, getNumber, getString } from "./values.js";
export { type WeightBytes, type WeightTypeTotals, weightBytesByType } from "./weightBytesByType.js";
