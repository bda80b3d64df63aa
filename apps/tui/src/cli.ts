#!/usr/bin/env node
import { Command } from "commander";
import { defaultModelFiles, findDefaultModel } from "./defaultModel.js";
import { packageInfo } from "./packageInfo.js";

/** Exit codes: 0 ok, 1 unexpected error, 2 usage, 3 a required model or file is missing. */
export const ExitCode = { ok: 0, error: 1, usage: 2, missing: 3 } as const;

const program = new Command()
  .name("nomen")
  .description("Good, safe, available domain names from a business description — locally.")
  .version(packageInfo.version);

program
  .command("suggest")
  .description("Suggest domain names for a business description.")
  .argument("<description>", "what the business does")
  .option("--model <path>", "a Llama/Qwen2 GGUF to use instead of the embedded default model")
  .option("--json", "print the API's JSON shape")
  .action((_description: string, options: { model?: string }) => {
    const model = options.model ?? findDefaultModel()?.base;
    if (!model) {
      process.stderr.write(
        `nomen: the embedded default model is not there yet: expected models/${defaultModelFiles.base} ` +
          "(issue: the default model is trained by Nomen's own pipeline and has not shipped in this checkout).\n" +
          "Hint: pass --model path/to/any-llama-or-qwen2.gguf, once the suggest pipeline lands.\n",
      );
      process.exitCode = ExitCode.missing;
      return;
    }
    process.stderr.write(`nomen: the suggest pipeline is not built yet (model found at ${model}).\n`);
    process.exitCode = ExitCode.missing;
  });

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`nomen: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = ExitCode.error;
});
