/**
 * @module @nomen/gguf — Read, validate, write and (de)quantize GGUF files in plain TypeScript: no native code, no TensorFlow.js.
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
export { packageInfo } from "./packageInfo.js";
export { GGUF_DEFAULT_ALIGNMENT } from "./parseGgufHeader.js";
export { canDequantize, dequantize } from "./quant/dequantize.js";
export { bf16ToFloat, floatToBf16, floatToHalf, halfToFloatTable } from "./quant/half.js";
export { canQuantize, quantize } from "./quant/quantize.js";
export { getTensorInfo, type ReadTensorOptions, readTensor, readTensorBytes } from "./readTensor.js";
export { BYTE_LEVEL_VOCAB_SIZE, byteLevelVocabMetadata, byteToUnicode } from "./tinyModel/byteLevelVocab.js";
export { type TinyModelOptions, tinyModelSpec } from "./tinyModel/tinyModelSpec.js";
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
export type { AdapterBase } from "./validate/validateAdapter.js";
export type { TensorShape } from "./validate/validateArchTensors.js";
export {
  findModelProblems,
  type GgufKind,
  SUPPORTED_ARCHITECTURES,
  type ValidateModelOptions,
  validateGgufFile,
  validateModelMetadata,
} from "./validate/validateModelMetadata.js";
export { findWriteSpecProblems, type GgufTensorSpec, type GgufWriteSpec } from "./validate/validateWriteSpec.js";
export {
  arr,
  bool,
  describeValueType,
  f32,
  f64,
  getMetadata,
  getNumber,
  getString,
  i8,
  i16,
  i32,
  i64,
  str,
  u8,
  u16,
  u32,
  u64,
} from "./values.js";
export { type WeightBytes, type WeightTypeTotals, weightBytesByType } from "./weightBytesByType.js";
export { encodeGguf, validateWriteSpec, type WriteGgufOptions, writeGguf } from "./writeGguf.js";
