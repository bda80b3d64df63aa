/**
 * Fits the confidence calibrator on validation data against the evaluator's judgement.
 *
 *   pnpm --filter @nomen/suggest calibrate -- --model models/nomen-base.gguf --adapter models/nomen-lora.gguf
 *     [--data datasets/v1/validation.jsonl] [--limit 300] [--good 6] [--out <model>.calibration.json]
 *
 * Paths are read from where the command is typed (the repository root in the line above).
 *
 * For each validation description: generate with an identity calibrator (so `confidence` is the raw
 * token-probability confidence), judge every domain with @nomen/evaluator's MetricJudge (good = overall
 * score ≥ --good on its 0–10 scale), then fit Platt and isotonic maps on the first half and report
 * log-loss and Brier score on the second half; the better one (by held-out log-loss) is written to --out.
 * Never point --data at a test split.
 */
import { readFile, rename, rm, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { MetricJudge } from "@nomen/evaluator";
import {
  type CalibrationSample,
  type CalibratorSpec,
  createCalibrator,
  fitIsotonic,
  fitPlatt,
  loadRuntime,
} from "@nomen/metal-runtime";
import { createSuggester } from "../src/createSuggester.js";
import { calibrationPathFor } from "../src/loadCalibrator.js";

// `pnpm --filter @nomen/suggest calibrate -- --model …` runs in packages/suggest and passes the "--" through:
// drop it, and read relative paths from where the command was typed (pnpm's INIT_CWD).
const from = (path: string) => resolve(process.env.INIT_CWD ?? process.cwd(), path);
const { values } = parseArgs({
  args: process.argv.slice(2).filter((arg, i) => !(i === 0 && arg === "--")),
  options: {
    model: { type: "string" },
    adapter: { type: "string" },
    data: { type: "string", default: new URL("../../../datasets/v1/validation.jsonl", import.meta.url).pathname },
    limit: { type: "string", default: "300" },
    good: { type: "string", default: "6" },
    // Beside the model by default, where createSuggester({ model }) picks it up.
    out: { type: "string" },
  },
});
if (!values.model) throw new Error("--model is required: the base GGUF to calibrate");
const modelPath = from(values.model);
const adapterPath = values.adapter ? from(values.adapter) : undefined;
const dataPath = from(values.data);
const out = values.out ? from(values.out) : calibrationPathFor(modelPath);
if (/test/i.test(values.data)) throw new Error(`refusing to calibrate on a test split: ${values.data}`);

const descriptions = (await readFile(dataPath, "utf8"))
  .split("\n")
  .filter(Boolean)
  .map((line) => JSON.parse(line).messages?.find((m: { role: string }) => m.role === "user")?.content as string)
  .filter(Boolean)
  .slice(0, Number(values.limit));

const runtime = await loadRuntime();
const model = await runtime.loadModel({ modelPath });
const generator = await model.createGenerator({
  sequences: 4,
  adapters: adapterPath ? [{ path: adapterPath }] : [],
});
const suggester = await createSuggester({ generator, trustModelRefusals: false, seed: 1 });
const judge = MetricJudge.create();
const samples: CalibrationSample[] = [];
for (const description of descriptions) {
  const response = await suggester.suggest({ business_description: description, count: 5 }).catch(() => undefined);
  if (response?.status !== "success" || response.suggestions.length === 0) continue;
  const scores = judge.scoreList(
    description,
    response.suggestions.map((s) => s.domain),
  );
  response.suggestions.forEach((s, i) => {
    samples.push({ rawConfidence: s.confidence, good: (scores[i]?.overall ?? 0) >= Number(values.good) });
  });
}
await runtime.dispose();

const half = samples.length >> 1;
const [fitSet, holdOut] = [samples.slice(0, half), samples.slice(half)];
const evaluate = (spec: CalibratorSpec) => {
  const calibrate = createCalibrator(spec);
  let logLoss = 0;
  let brier = 0;
  for (const s of holdOut) {
    const p = Math.min(1 - 1e-9, Math.max(1e-9, calibrate(s.rawConfidence)));
    logLoss -= Math.log(s.good ? p : 1 - p);
    brier += (p - (s.good ? 1 : 0)) ** 2;
  }
  return { logLoss: logLoss / holdOut.length, brier: brier / holdOut.length };
};
const good = samples.filter((s) => s.good).length;
console.log(
  `${descriptions.length} descriptions, ${samples.length} judged domains, ${good} good (overall ≥ ${values.good})`,
);
const candidates: CalibratorSpec[] = [{ kind: "identity" }, fitPlatt(fitSet), fitIsotonic(fitSet)];
const results = candidates.map((spec) => ({ spec, ...evaluate(spec) }));
for (const r of results)
  console.log(`${r.spec.kind.padEnd(9)} held-out log-loss ${r.logLoss.toFixed(4)}  Brier ${r.brier.toFixed(4)}`);
const best = results.reduce((a, b) => (b.logLoss < a.logLoss ? b : a));
// Refit the winner on every sample before saving; write atomically.
const final =
  best.spec.kind === "platt" ? fitPlatt(samples) : best.spec.kind === "isotonic" ? fitIsotonic(samples) : best.spec;
const temp = `${out}.${process.pid}.tmp`;
try {
  await writeFile(temp, `${JSON.stringify(final)}\n`);
  await rename(temp, out);
} catch (error) {
  await rm(temp, { force: true });
  throw error;
}
console.log(`wrote ${best.spec.kind} calibrator to ${out}`);
