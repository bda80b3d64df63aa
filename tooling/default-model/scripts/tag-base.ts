/**
 * Marks a base GGUF so the runtime lowercases user turns (`nomen.prompt.lowercase_user`), weights untouched.
 *   npx tsx scripts/tag-base.ts --in ../../models/runs/base-v1/nomen-base.gguf [--out same] [--lowercase-user true|false]
 * The adapters trained on lowercased rows (`build-v2.ts --lowercase`, lora-v15 on) need it on their base.
 */
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { bool } from "@nomen/gguf";
import { LOWERCASE_USER_TURNS_KEY } from "@nomen/metal-runtime";
import { copyGgufWithMetadata, PipelineInputError } from "../src/index.js";

const { values } = parseArgs({
  options: { in: { type: "string" }, out: { type: "string" }, "lowercase-user": { type: "string", default: "true" } },
});
if (!values.in) throw new PipelineInputError("tag-base: --in <base.gguf> is required");
const flag = values["lowercase-user"];
if (flag !== "true" && flag !== "false")
  throw new PipelineInputError(`tag-base: --lowercase-user expects true or false, got ${JSON.stringify(flag)}`);
const to = resolve(values.out ?? values.in);
const bytes = await copyGgufWithMetadata({
  from: resolve(values.in),
  to,
  metadata: { [LOWERCASE_USER_TURNS_KEY]: bool(flag === "true") },
});
console.log(`wrote ${to} (${bytes} bytes, ${LOWERCASE_USER_TURNS_KEY} = ${flag})`);
