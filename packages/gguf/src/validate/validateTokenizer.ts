import { GgufShapeError } from "../errors.js";
import { GgufValueType as V } from "../types.js";
import type { Problems } from "./Problems.js";

const SPECIAL_IDS = ["bos", "eos", "unknown", "seperator", "padding", "eot", "eom"].map(
  (s) => `tokenizer.ggml.${s}_token_id`,
);
const NO_VOCAB = new Set(["no_vocab", "none"]);

/** `tokenizer.*` keys: model, tokens, merges (gpt2), token_type (i32[]), special ids (u32). Returns the vocab size. */
export function validateTokenizer(p: Problems): number | undefined {
  const model = p.key("tokenizer.ggml.model", ["string"], 'llama.cpp refuses to load without it (e.g. "gpt2").');
  if (model?.type === V.STRING && NO_VOCAB.has(model.value)) return undefined;
  const tokens = p.key(
    "tokenizer.ggml.tokens",
    ["string[]"],
    'llama.cpp: "cannot find tokenizer vocab in model file".',
  );
  if (model?.type === V.STRING && model.value === "gpt2") {
    p.key("tokenizer.ggml.merges", ["string[]"], "A gpt2 (byte-level BPE) vocab needs its merges.");
  }
  p.key("tokenizer.ggml.pre", ["string"]);
  p.key("tokenizer.chat_template", ["string"]);
  for (const flag of ["add_bos_token", "add_eos_token", "add_space_prefix"]) p.key(`tokenizer.ggml.${flag}`, ["bool"]);
  const vocab = tokens?.type === V.ARRAY ? tokens.value.length : undefined;
  const sameLength = (key: string, expected: "i32[]" | "f32[]", hint: string) => {
    const value = p.key(key, [expected], undefined, hint);
    if (value?.type === V.ARRAY && vocab !== undefined && value.value.length !== vocab) {
      p.add(new GgufShapeError(key, `${vocab} entries (one per token)`, `${value.value.length}`, p.where));
    }
  };
  sameLength("tokenizer.ggml.token_type", "i32[]", 'llama.cpp rejects other element types ("invalid gguf type").');
  sameLength("tokenizer.ggml.scores", "f32[]", "");
  for (const key of SPECIAL_IDS) {
    // An id past the vocab only makes llama.cpp warn and fall back, so only the type is checked.
    p.key(key, ["u32"], undefined, "llama.cpp rejects i32 token ids.");
  }
  return vocab;
}
