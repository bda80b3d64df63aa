import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { RunComparison } from "../compare/compareRuns.js";
import type { SafetyMetrics } from "../safety/safetyMetrics.js";
import { type Estimate, formatEstimate } from "../stats/bootstrap.js";
import type { PairedComparison } from "../stats/pairedComparison.js";
import type { FailureTable } from "../taxonomy/classifyFailure.js";
import { writeFileAtomic } from "../writeFileAtomic.js";
import { criterionChart, deltaChart, failureChart, type LossCurve, lossChart } from "./charts.js";
import { escapeXml } from "./svg.js";

/** One model version's scores for the report. */
export interface ModelSummary {
  name: string;
  runId?: string;
  overall: Estimate;
  criteria: Record<string, Estimate>;
}

/** Options of {@link writeReport}. */
export interface ReportOptions {
  /** Folder for report.md and report.html; created if missing. */
  outDir: string;
  title: string;
  models: readonly ModelSummary[];
  comparison?: RunComparison;
  failures?: readonly FailureTable[];
  safety?: readonly SafetyMetrics[];
  lossCurves?: readonly LossCurve[];
  /** Extra lines for the Markdown header (judge, backend, dataset …). */
  notes?: readonly string[];
}

/** Paths written by {@link writeReport}. */
export interface ReportFiles {
  markdown: string;
  html: string;
}

/**
 * Writes a Markdown report and a self-contained HTML page (inline SVG charts, no scripts,
 * no CDN): scores per criterion with CIs, A-vs-B deltas, failure frequencies, training loss.
 * Files are written atomically (temp file + rename).
 */
export function writeReport(options: ReportOptions): ReportFiles {
  const { outDir, title, models, comparison, failures = [], safety = [], lossCurves = [], notes = [] } = options;
  mkdirSync(outDir, { recursive: true });
  const md: string[] = [`# ${title}`, "", ...notes.map((n) => `- ${n}`), ""];
  md.push(
    "## Scores (mean, 95% bootstrap CI, n)",
    "",
    `| criterion | ${models.map((m) => m.name).join(" | ")} |`,
    `|---|${models.map(() => "---").join("|")}|`,
  );
  const criteria = Object.keys(models[0]?.criteria ?? {});
  md.push(`| **overall** | ${models.map((m) => formatEstimate(m.overall, 2)).join(" | ")} |`);
  for (const c of criteria)
    md.push(`| ${c} | ${models.map((m) => (m.criteria[c] ? formatEstimate(m.criteria[c], 2) : "–")).join(" | ")} |`);
  const charts: string[] = [
    criterionChart(models.map((m) => ({ model: m.name, estimates: { overall: m.overall, ...m.criteria } }))),
  ];
  if (comparison) {
    const o = comparison.overall;
    md.push(
      "",
      `## ${comparison.runB} vs ${comparison.runA}`,
      "",
      `**Verdict: ${o.verdict}** — Δ overall ${formatEstimate(o.delta)}, Wilcoxon z=${o.wilcoxon.z.toFixed(2)}, p=${o.wilcoxon.p.toExponential(2)} (n=${o.wilcoxon.n} non-tied pairs of ${comparison.pairedItems}).`,
      "",
    );
    md.push("| slice | Δ (B−A) [95% CI] (n) | Wilcoxon p | verdict |", "|---|---|---|---|");
    const rows: { label: string; comparison: PairedComparison }[] = [{ label: "overall", comparison: o }];
    for (const [k, v] of Object.entries(comparison.byCriterion)) rows.push({ label: k, comparison: v });
    for (const [k, v] of Object.entries(comparison.byCategory)) rows.push({ label: `category: ${k}`, comparison: v });
    for (const row of rows)
      md.push(
        `| ${row.label} | ${formatEstimate(row.comparison.delta)} | ${row.comparison.wilcoxon.p.toExponential(2)} | ${row.comparison.verdict} |`,
      );
    charts.push(deltaChart(rows));
  }
  if (failures.length) {
    const classes = Object.keys(failures[0]?.counts ?? {});
    md.push(
      "",
      "## Failure taxonomy (one class per failed item)",
      "",
      `| class | ${failures.map((f) => f.model).join(" | ")} |`,
      `|---|${failures.map(() => "---").join("|")}|`,
    );
    for (const c of classes)
      md.push(`| ${c} | ${failures.map((f) => f.counts[c as keyof typeof f.counts]).join(" | ")} |`);
    md.push(`| **failures / items** | ${failures.map((f) => `${f.failures} / ${f.items}`).join(" | ")} |`);
    charts.push(failureChart(failures));
  }
  if (safety.length) {
    md.push(
      "",
      "## Safety",
      "",
      "| configuration | recall on blocked | over-refusal on near-misses |",
      "|---|---|---|",
    );
    for (const s of safety) md.push(`| ${s.label} | ${formatEstimate(s.recall)} | ${formatEstimate(s.overRefusal)} |`);
  }
  if (lossCurves.length) {
    md.push(
      "",
      "## Training loss",
      "",
      ...lossCurves.map(
        (c) => `- ${c.label}: ${c.points.length} points, last loss ${c.points.at(-1)?.loss.toFixed(4) ?? "–"}`,
      ),
    );
    charts.push(lossChart(lossCurves));
  }
  const markdown = `${md.join("\n")}\n`;
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeXml(title)}</title><style>body{font-family:system-ui,sans-serif;max-width:1100px;margin:2rem auto;padding:0 1rem;color:#222}table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #ccc;padding:3px 8px;font-size:13px}svg{display:block;margin:1.5rem 0;background:#fff}pre{white-space:pre-wrap}</style></head><body><h1>${escapeXml(title)}</h1>${charts.map((c) => `<figure>${c}</figure>`).join("")}<h2>Details</h2><pre>${escapeXml(markdown)}</pre></body></html>\n`;
  return {
    markdown: writeFileAtomic(join(outDir, "report.md"), markdown),
    html: writeFileAtomic(join(outDir, "report.html"), html),
  };
}
