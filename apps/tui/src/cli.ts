#!/usr/bin/env node
import { Command, InvalidArgumentError } from "commander";
import { ExitCode, exitCodeFor } from "./exitCodes.js";
import { packageInfo } from "./packageInfo.js";

export { ExitCode } from "./exitCodes.js";

const integer = (value: string) => {
  const number = Number(value);
  if (!Number.isInteger(number)) throw new InvalidArgumentError("expected a whole number");
  return number;
};

/** Runs a command's (lazily imported) implementation and turns its result or error into the exit code. */
async function run(job: () => Promise<number>): Promise<void> {
  try {
    process.exitCode = await job();
  } catch (error) {
    process.stderr.write(`nomen: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = exitCodeFor(error);
  }
}

const program = new Command()
  .name("nomen")
  .description(
    "Good, safe, available domain names from a business description — locally.\nWith no command: the interactive app.",
  )
  .version(packageInfo.version)
  .option("--model <path>", "a Llama/Qwen2 GGUF instead of the embedded default model")
  .option("--adapter <path>", "a LoRA adapter GGUF")
  .option("--demo", "run the app on the demo backend (names from your words by a fixed rule, no model)")
  .option("--config <file>", "settings file (YAML/JSON); default ./nomen.config.yaml or ~/.config/nomen/config.yaml")
  .addHelpText(
    "after",
    "\nEnvironment:\n  NOMEN_MODELS_DIR  folder holding the default model (nomen-base.gguf, nomen-lora.gguf); default: the\n                    nearest models/ folder above the installed command",
  )
  .enablePositionalOptions()
  .exitOverride((error) => process.exit(error.exitCode === 0 ? ExitCode.ok : ExitCode.usage))
  .showHelpAfterError()
  .action((flags) => run(async () => (await import("./commands/interactive.js")).interactiveCommand(flags)));

program
  .command("suggest")
  .description("Suggest domain names for a business description.")
  .argument("<description>", "what the business does")
  .option("--json", "print the API's JSON shape")
  .option("--count <n>", "how many suggestions (1–20)", integer)
  .option("--tlds <list>", "comma-separated TLDs, e.g. com,io")
  .option("--style <style>", "any, brandable, descriptive, short, playful or professional")
  .option("--max-length <n>", "longest name before the TLD", integer)
  .option("--include <words>", "comma-separated words the names should contain")
  .option("--exclude <words>", "comma-separated words the names must not contain")
  .option("--check-availability", "drop names the registry reports as taken")
  .option("--model <path>", "a Llama/Qwen2 GGUF instead of the embedded default model")
  .option("--adapter <path>", "a LoRA adapter GGUF")
  .option("--demo", "use the demo backend (no model)")
  .option("--config <file>", "settings file (YAML/JSON)")
  .action((description: string, flags) =>
    run(async () => (await import("./commands/suggest.js")).suggestCommand(description, flags)),
  );

program
  .command("serve")
  .description("Serve the HTTP API (OpenAPI at /openapi.json, Swagger UI at /docs).")
  .option("--host <host>", "interface to listen on (default 127.0.0.1)")
  .option("--port <port>", "port (default 8787)")
  .option("--model <path>", "a Llama/Qwen2 GGUF instead of the embedded default model")
  .option("--adapter <path>", "a LoRA adapter GGUF")
  .option("--demo", "serve the demo backend (no model)")
  .option("--api-config <file>", "the API's JSON config file (default $NOMEN_API_CONFIG)")
  .action((flags) => run(async () => (await import("./commands/serve.js")).serveCommand(flags)));

program
  .command("check")
  .description(
    "Check that a domain is valid and whether it is available (RDAP; 'unknown' when the registry cannot say).",
  )
  .argument("<domain>", "e.g. example.com")
  .option("--json", "print JSON")
  .action((domain: string, flags) =>
    run(async () => (await import("./commands/check.js")).checkCommand(domain, flags)),
  );

program
  .command("runs")
  .description(
    "List or show recorded dataset/train/eval runs, or compare two eval runs of one suite (paired bootstrap + Wilcoxon).",
  )
  .argument("[action]", "list, show or compare", "list")
  .argument("[id]", "the run id (for show; run A for compare)")
  .argument("[other]", "run B (for compare)")
  .option("--json", "print JSON")
  .option("--dir <path>", "dataset runs folder (default: runsDir setting, ./runs)")
  .option("--db <file>", "the evaluator's run store (eval runs)", ".nomen/runs.db")
  .option("--config <file>", "settings file (YAML/JSON)")
  .action((action: string, id: string | undefined, other: string | undefined, flags) =>
    run(async () => (await import("./commands/runs.js")).runsCommand(action, id, flags, undefined, other)),
  );

const dataset = program.command("dataset").description("Build training datasets.");
dataset
  .command("generate")
  .description("Generate a synthetic dataset (descriptions + target domains, splits, card) with live progress.")
  .requiredOption("--out <dir>", "output folder")
  .option("--size <n>", "number of examples", "2000")
  .option("--seed <seed>", "random seed", "1")
  .option("--request-share <x>", "share of benign examples worded like blocked requests (0–1)", "0")
  .option("--evasion-share <x>", "share of blocked requests disguised (leetspeak, separators; 0–1; default 0.17)")
  .option("--extra-blocked-phrases", "draw blocked requests from the training-only phrases too")
  .option("--benign-evasion-share <x>", "share of benign examples disguised the same way (0–1)", "0")
  .option("--config <file>", "settings file (YAML/JSON)")
  .action((flags) => run(async () => (await import("./commands/dataset.js")).datasetGenerateCommand(flags)));
dataset
  .command("card")
  .description("Print a dataset's card; --verify re-checks every file against it (exit 1 on any problem).")
  .argument("<dir>", "dataset folder, e.g. datasets/v1")
  .option("--json", "print JSON")
  .option("--verify", "re-read the files: hashes, counts, domain validity, leakage across splits")
  .action((dir: string, flags) =>
    run(async () => (await import("./commands/datasetCard.js")).datasetCardCommand(dir, flags)),
  );

const number = (value: string) => {
  const parsed = Number(value);
  if (!Number.isFinite(parsed)) throw new InvalidArgumentError("expected a number");
  return parsed;
};

const train = program
  .command("train")
  .description(
    "Train models: a LoRA adapter (lora), a hyper-parameter sweep (sweep), a base model from scratch (base).",
  );
train
  .command("lora")
  .description(
    "Fine-tune a LoRA adapter on a base GGUF with live progress (bar + ETA, loss chart, tokens/s).\n" +
      "Writes <out>/adapter.gguf, <out>/peft/, <out>/train-log.json and <out>/checkpoints/.\n" +
      "Ctrl-C stops at the next batch; --resume continues from the newest checkpoint.\n" +
      "Exit: 0 done, 2 bad settings or data, 3 a file is missing, 130 interrupted.",
  )
  .option("--base <model.gguf>", "base model (Llama or Qwen2 GGUF)")
  .option("--data <train.jsonl>", 'training JSONL: chat {"messages"} or {"prompt","completion"}')
  .option("--val <val.jsonl>", "validation JSONL (default: 10% of --data held out)")
  .option("--out <dir>", "output folder, e.g. adapters/x")
  .option("--rank <n>", "LoRA rank (default 8)", integer)
  .option("--alpha <x>", "LoRA alpha (default 16)", number)
  .option("--lr <x>", "peak learning rate (default 1e-4)", number)
  .option("--epochs <n>", "passes over the data (default 2)", integer)
  .option("--batch-size <n>", "examples per micro-batch (default 4)", integer)
  .option("--grad-accum <n>", "micro-batches per optimizer step (default 1)", integer)
  .option("--max-steps <n>", "optimizer steps; replaces --epochs", integer)
  .option("--checkpoint-every <n>", "steps between checkpoints, 0 = never (default 10)", integer)
  .option("--max-length <n>", "longest example in tokens (default 256)", integer)
  .option("--seed <n>", "seed for split, order, dropout and init (default 0)", integer)
  .option("--resume", "continue from the newest checkpoint in <out>/checkpoints")
  .option("--config <file.yaml>", "settings file (YAML/JSON, keys as the flags); flags override it")
  .action((flags) => run(async () => (await import("./commands/train.js")).trainLoraCommand(flags)));
const list = (parse: (value: string) => number) => (value: string) =>
  value.split(",").map((part) => parse(part.trim()));
train
  .command("sweep")
  .description(
    "LoRA hyper-parameter sweep: trains one adapter per combination (grid) or a seeded sample (random), ranked by\n" +
      "validation loss; trial-NNN.json and results.json in --out. Exit: 0 done, 2 bad settings, 3 missing file, 130 interrupted.",
  )
  .option("--base <model.gguf>", "base model (Llama or Qwen2 GGUF)")
  .option("--data <train.jsonl>", "training JSONL")
  .option("--val <val.jsonl>", "validation JSONL (default: 10% of --data held out)")
  .option("--out <dir>", "where trial results go")
  .option("--lr <list>", "learning rates, comma-separated (default 1e-4)", list(number))
  .option("--rank <list>", "ranks (default 8)", list(integer))
  .option("--alpha <list>", "alphas (default 16)", list(number))
  .option("--epochs <list>", "epoch counts (default 1)", list(integer))
  .option("--method <grid|random>", "every combination, or a seeded sample (default grid)")
  .option("--trials <n>", "trials for random (default 8)", integer)
  .option("--batch-size <n>", "examples per micro-batch (default 4)", integer)
  .option("--grad-accum <n>", "micro-batches per optimizer step (default 1)", integer)
  .option("--max-length <n>", "longest example in tokens (default 256)", integer)
  .option("--seed <n>", "seed (default 0)", integer)
  .option("--config <file.yaml>", "settings file (YAML/JSON, keys as the flags); flags override it")
  .action((flags) => run(async () => (await import("./commands/train.js")).trainSweepCommand(flags)));
train
  .command("base")
  .description(
    "Pre-train a small Llama/Qwen2 model from scratch with live progress; writes <out>/model.gguf (llama.cpp loads it),\n" +
      "<out>/vocabulary.json, <out>/train-log.json and <out>/checkpoints/. Ctrl-C checkpoints and exits 130; --resume\n" +
      "continues. Exit: 0 done, 2 bad settings or data, 3 a file is missing, 130 interrupted.",
  )
  .option("--data <train.jsonl>", 'training JSONL: chat {"messages"} or {"prompt","completion"}')
  .option("--validation <val.jsonl>", "validation JSONL (default: 10% of --data held out)")
  .option("--out <dir>", "output folder, e.g. models/base")
  .option("--architecture <qwen2|llama>", "default qwen2")
  .option("--dim <n>", "model width (default 128)", integer)
  .option("--layers <n>", "default 4", integer)
  .option("--heads <n>", "default 4", integer)
  .option("--kv-heads <n>", "default = --heads", integer)
  .option("--ffn <n>", "feed-forward width (default 3·dim, rounded up to 32)", integer)
  .option("--vocab <byte|bpe:N|file.gguf>", "byte-level (default), N BPE merges learned from --data, or a GGUF's")
  .option("--tokens <n>", "training tokens; sets the steps (default 200000)", integer)
  .option("--max-steps <n>", "optimizer steps; replaces --tokens", integer)
  .option("--batch-size <n>", "examples per micro-batch (default 8)", integer)
  .option("--grad-accum <n>", "micro-batches per optimizer step (default 1)", integer)
  .option("--lr <x>", "peak learning rate (default 3e-3)", number)
  .option("--max-length <n>", "longest example in tokens, and the context length (default 256)", integer)
  .option("--checkpoint-every <n>", "steps between checkpoints, 0 = never (default 20)", integer)
  .option("--eval-every <n>", "steps between validation losses, 0 = never (default 50)", integer)
  .option("--type <F32|F16|Q8_0>", "matrix type of model.gguf (default F32)")
  .option("--seed <n>", "seed for split, order and init (default 0)", integer)
  .option("--resume", "continue from the newest checkpoint in <out>/checkpoints")
  .option("--config <file.yaml>", "settings file (YAML/JSON, keys as the flags); flags override it")
  .action((flags) => run(async () => (await import("./commands/trainBase.js")).trainBaseCommand(flags)));

const evalProgram = program
  .command("eval")
  .description(
    "Evaluate a model on a dataset split or a suite: suggestions per description, scored by the validated judge " +
      "(relevance trained on the real-companies train split, as judgeCheck checks it), recorded run; --against " +
      "compares with a recorded run (paired bootstrap + Wilcoxon), --report writes Markdown + HTML.",
  )
  .option("--data <dir>", "a dataset folder from nomen dataset generate (or --suite)")
  .option("--suite <file.jsonl>", "a suite instead of --data: datasets/suites/edge-cases-v1.jsonl or safety-v1.jsonl")
  .option(
    "--against <run id>",
    "compare with a recorded eval run of the same suite (B = this run): CIs, Wilcoxon, verdict",
  )
  .option("--report <dir>", "write report.md and a self-contained report.html (SVG charts) there")
  .option("--train-log <file>", "a trainer log (loss.jsonl or lora-trainer result JSON) for the report's loss curves")
  .option("--split <name>", "train, validation or test", "test")
  .option("--limit <n>", "at most this many descriptions (default: 50 of a split, all of a suite)")
  .option("--count <n>", "suggestions per description (1–20)", "5")
  .option("--db <file>", "the evaluator's run store", ".nomen/runs.db")
  .option("--model <path>", "a Llama/Qwen2 GGUF instead of the embedded default model")
  .option("--adapter <path>", "a LoRA adapter GGUF")
  .option("--demo", "evaluate the demo backend (no model)")
  .option(
    "--judge-data <companies.jsonl>",
    "real-companies file the judge trains on (default ../shared/data/real-companies/companies.jsonl)",
  )
  .option("--untrained-judge", "score with the untrained metric judge instead (not the validated one)")
  .option("--config <file>", "settings file (YAML/JSON)")
  .action((flags) => run(async () => (await import("./commands/eval.js")).evalCommand(flags)));
evalProgram
  .command("judge-check")
  .description("Validate the metric judge on the real-companies test split: AUC overall and on no-mention rows.")
  .option("--data <companies.jsonl>", "real-companies file (default ../shared/data/real-companies/companies.jsonl)")
  .option("--validation", "report on the validation part of the train split (for tuning) instead")
  .option("--negatives <n>", "shuffled domains per description", "5")
  .option("--json", "print the result as JSON")
  .action((flags) => run(async () => (await import("./commands/evalJudgeCheck.js")).evalJudgeCheckCommand(flags)));

await program.parseAsync(process.argv);
