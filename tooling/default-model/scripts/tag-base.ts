/**
 * Marks a base GGUF for the runtime, weights untouched: lowercase user turns (`nomen.prompt.lowercase_user`) and the
 * longest prompt it was trained on (`nomen.prompt.max_tokens`, `@nomen/suggest` shortens longer descriptions).
 *   npx tsx scripts/tag-base.ts --in ../../models/runs/base-v1/nomen-base.gguf [--out same]
 *     [--lowercase-user true|false|keep] [--max-prompt-tokens 384|keep]
 * Defaults: --lowercase-user true, --max-prompt-tokens 384 (BASE_PROMPT_TOKEN_LIMIT). "keep" leaves a key as it is.
 * The adapters trained on lowercased rows (`build-v2.ts --lowercase`, lora-v15 on) need lowercasing on their base.
 */
import { mkdir } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { parseArgs } from "node:util";
import { bool, type GgufValue, u32 } from "@nomen/gguf";
import { LOWERCASE_USER_TURNS_KEY, PROMPT_TOKEN_LIMIT_KEY } from "@nomen/metal-runtime";
import { BASE_PROMPT_TOKEN_LIMIT, copyGgufWithMetadata, PipelineInputError } from "../src/index.js";

const { values } = parseArgs({
  options: {
    in: { type: "string" },
    out: { type: "string" },
    "lowercase-user": { type: "string", default: "true" },
    "max-prompt-tokens": { type: "string", default: String(BASE_PROMPT_TOKEN_LIMIT) },
  },
});
if (!values.in) throw new PipelineInputError("tag-base: --in <base.gguf> is required");
const metadata: Record<string, GgufValue> = {};
const flag = values["lowercase-user"];
if (flag !== "true" && flag !== "false" && flag !== "keep")
  throw new PipelineInputError(`tag-base: --lowercase-user expects true, false or keep, got ${JSON.stringify(flag)}`);
if (flag !== "keep") metadata[LOWERCASE_USER_TURNS_KEY] = bool(flag === "true");
const limit = values["max-prompt-tokens"];
if (limit !== "keep") {
  if (!/^[1-9]\d{0,8}$/.test(limit))
    throw new PipelineInputError(
      `tag-base: --max-prompt-tokens expects a positive integer or keep, got ${JSON.stringify(limit)}`,
    );
  metadata[PROMPT_TOKEN_LIMIT_KEY] = u32(Number(limit));
}
const to = resolve(values.out ?? values.in);
await mkdir(dirname(to), { recursive: true });
const bytes = await copyGgufWithMetadata({ from: resolve(values.in), to, metadata });
console.log(`wrote ${to} (${bytes} bytes): ${Object.keys(metadata).join(", ") || "no keys changed"}`);
