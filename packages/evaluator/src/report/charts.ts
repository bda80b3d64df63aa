import type { Estimate } from "../stats/bootstrap.js";
import type { PairedComparison } from "../stats/pairedComparison.js";
import type { FailureTable } from "../taxonomy/classifyFailure.js";
import { escapeXml, legend, PALETTE, r1, svgOpen } from "./svg.js";

/** A model's mean score per criterion, each with a CI. */
export interface CriterionSeries {
  model: string;
  estimates: Record<string, Estimate>;
}

/** Grouped bars of mean score (0–10) per criterion per model, with 95% CI whiskers and n. */
export function criterionChart(series: readonly CriterionSeries[]): string {
  const criteria = Object.keys(series[0]?.estimates ?? {});
  const width = 80 + criteria.length * 90;
  const height = 300;
  const top = 40;
  const bottom = 240;
  const y = (v: number) => bottom - ((bottom - top) * Math.max(0, Math.min(10, v))) / 10;
  const group = 90;
  const bar = Math.min(28, (group - 20) / Math.max(1, series.length));
  let body = "";
  for (let tick = 0; tick <= 10; tick += 2) {
    body += `<line x1="50" x2="${width - 10}" y1="${r1(y(tick))}" y2="${r1(y(tick))}" stroke="#ddd"/><text x="44" y="${r1(y(tick) + 4)}" text-anchor="end">${tick}</text>`;
  }
  criteria.forEach((criterion, c) => {
    series.forEach((s, m) => {
      const e = s.estimates[criterion];
      if (!e) return;
      const x = 60 + c * group + m * bar;
      body += `<rect data-series="${escapeXml(s.model)}" x="${r1(x)}" y="${r1(y(e.value))}" width="${r1(bar - 2)}" height="${r1(bottom - y(e.value))}" fill="${PALETTE[m % PALETTE.length]}"><title>${escapeXml(`${s.model} ${criterion}: ${e.value.toFixed(2)} [${e.low.toFixed(2)}, ${e.high.toFixed(2)}] n=${e.n}`)}</title></rect>`;
      const cx = x + (bar - 2) / 2;
      body += `<line class="ci" x1="${r1(cx)}" x2="${r1(cx)}" y1="${r1(y(e.low))}" y2="${r1(y(e.high))}" stroke="#222"/><line x1="${r1(cx - 3)}" x2="${r1(cx + 3)}" y1="${r1(y(e.low))}" y2="${r1(y(e.low))}" stroke="#222"/><line x1="${r1(cx - 3)}" x2="${r1(cx + 3)}" y1="${r1(y(e.high))}" y2="${r1(y(e.high))}" stroke="#222"/>`;
    });
    body += `<text x="${60 + c * group + (series.length * bar) / 2}" y="${bottom + 14}" text-anchor="middle">${escapeXml(criterion)}</text>`;
  });
  return `${svgOpen("criteria", width, height, "Mean score per criterion (95% CI)")}${body}${legend(
    series.map((s) => `${s.model} (n=${Object.values(s.estimates)[0]?.n ?? 0})`),
    60,
    height - 16,
  )}</svg>`;
}

/** Forest plot of B − A deltas with 95% CIs; significant rows are drawn bold. */
export function deltaChart(
  rows: readonly { label: string; comparison: PairedComparison }[],
  title = "B − A (95% paired-bootstrap CI)",
): string {
  const height = 50 + rows.length * 22 + 20;
  const width = 560;
  const extent = Math.max(
    0.5,
    ...rows.flatMap((r) => [Math.abs(r.comparison.delta.low), Math.abs(r.comparison.delta.high)]),
  );
  const left = 200;
  const right = width - 90;
  const x = (v: number) => left + ((v + extent) / (2 * extent)) * (right - left);
  let body = `<line x1="${r1(x(0))}" x2="${r1(x(0))}" y1="30" y2="${height - 20}" stroke="#888" stroke-dasharray="3 3"/>`;
  rows.forEach((row, i) => {
    const d = row.comparison.delta;
    const cy = 44 + i * 22;
    const significant = row.comparison.verdict !== "no significant difference";
    const colour = !significant ? "#777" : d.value > 0 ? PALETTE[2] : PALETTE[5];
    body += `<text x="${left - 8}" y="${cy + 4}" text-anchor="end"${significant ? ' font-weight="700"' : ""}>${escapeXml(row.label)} (n=${d.n})</text>`;
    body += `<line class="ci" x1="${r1(x(d.low))}" x2="${r1(x(d.high))}" y1="${cy}" y2="${cy}" stroke="${colour}" stroke-width="2"/><circle cx="${r1(x(d.value))}" cy="${cy}" r="4" fill="${colour}"><title>${escapeXml(`${row.label}: ${d.value.toFixed(3)} [${d.low.toFixed(3)}, ${d.high.toFixed(3)}] p=${row.comparison.wilcoxon.p.toExponential(2)}`)}</title></circle>`;
    body += `<text x="${right + 6}" y="${cy + 4}">${d.value >= 0 ? "+" : ""}${d.value.toFixed(2)}</text>`;
  });
  body += `<text x="${r1(x(-extent))}" y="${height - 6}">${(-extent).toFixed(2)}</text><text x="${r1(x(extent))}" y="${height - 6}" text-anchor="end">+${extent.toFixed(2)}</text>`;
  return `${svgOpen("deltas", width, height, title)}${body}</svg>`;
}

/** Grouped horizontal bars: failures per class per model version. */
export function failureChart(tables: readonly FailureTable[]): string {
  const classes = Object.keys(tables[0]?.counts ?? {});
  const rowHeight = 10 + tables.length * 10;
  const height = 50 + classes.length * rowHeight + 20;
  const width = 560;
  const left = 140;
  const max = Math.max(1, ...tables.flatMap((t) => Object.values(t.counts)));
  const x = (v: number) => left + (v / max) * (width - left - 60);
  let body = "";
  classes.forEach((failureClass, c) => {
    const cy = 36 + c * rowHeight;
    body += `<text x="${left - 6}" y="${cy + rowHeight / 2}" text-anchor="end">${escapeXml(failureClass)}</text>`;
    tables.forEach((t, m) => {
      const count = t.counts[failureClass as keyof typeof t.counts] ?? 0;
      body += `<rect data-series="${escapeXml(t.model)}" x="${left}" y="${cy + m * 10}" width="${r1(x(count) - left)}" height="9" fill="${PALETTE[m % PALETTE.length]}"><title>${escapeXml(`${t.model} ${failureClass}: ${count}`)}</title></rect><text x="${r1(x(count) + 4)}" y="${cy + m * 10 + 8}">${count}</text>`;
    });
  });
  return `${svgOpen("failures", width, height, "Failures per class (one class per failed item)")}${body}${legend(
    tables.map((t) => `${t.model} (${t.failures}/${t.items})`),
    left,
    height - 8,
  )}</svg>`;
}

/** A training loss curve (from the trainer's log). */
export interface LossCurve {
  label: string;
  points: readonly { step: number; loss: number }[];
}

/** Line chart of training (and validation) loss against step. */
export function lossChart(curves: readonly LossCurve[]): string {
  const width = 560;
  const height = 280;
  const all = curves.flatMap((c) => c.points);
  const maxStep = Math.max(1, ...all.map((p) => p.step));
  const losses = all.map((p) => p.loss);
  const lo = Math.min(...losses, 0);
  const hi = Math.max(...losses, 1);
  const x = (s: number) => 50 + (s / maxStep) * (width - 70);
  const y = (l: number) => 230 - ((l - lo) / (hi - lo || 1)) * 190;
  let body = `<line x1="50" x2="${width - 20}" y1="230" y2="230" stroke="#888"/><line x1="50" x2="50" y1="40" y2="230" stroke="#888"/>`;
  body += `<text x="46" y="${r1(y(hi) + 4)}" text-anchor="end">${hi.toFixed(2)}</text><text x="46" y="234" text-anchor="end">${lo.toFixed(2)}</text><text x="${width - 20}" y="244" text-anchor="end">step ${maxStep}</text>`;
  curves.forEach((curve, i) => {
    const path = curve.points.map((p, j) => `${j ? "L" : "M"}${r1(x(p.step))},${r1(y(p.loss))}`).join("");
    body += `<path data-series="${escapeXml(curve.label)}" d="${path}" fill="none" stroke="${PALETTE[i % PALETTE.length]}" stroke-width="1.5"/>`;
  });
  return `${svgOpen("loss", width, height, "Training loss")}${body}${legend(
    curves.map((c) => c.label),
    60,
    height - 10,
  )}</svg>`;
}
