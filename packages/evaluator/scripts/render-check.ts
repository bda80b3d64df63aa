/**
 * Renders a report in headless Chromium (Debian's `chromium`), checks every chart is in the
 * rendered DOM with a non-zero size, and saves a screenshot next to the report.
 * Not part of CI (needs `apt-get install -y chromium`). Usage:
 *   pnpm --filter @nomen/evaluator render-check [--report out/eval-demo/report.html]
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";

/** Charts every full report must contain. */
export const EXPECTED_CHARTS = ["criteria", "deltas", "failures"];

const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--hide-scrollbars",
];

/** Loads the page in Chromium; returns the rendered DOM plus the chart sizes measured by the browser. */
export function renderInChromium(
  htmlPath: string,
  options: { chromium?: string; screenshot?: string; charts?: readonly string[] } = {},
): { dom: string; sizes: Record<string, string> } {
  const { chromium = "chromium", screenshot, charts = EXPECTED_CHARTS } = options;
  const profile = mkdtempSync(join(tmpdir(), "nomen-chromium-"));
  try {
    const url = `file://${resolve(htmlPath)}`;
    const base = [...FLAGS, `--user-data-dir=${profile}`];
    const dom = execFileSync(chromium, [...base, "--virtual-time-budget=5000", "--dump-dom", url], {
      encoding: "utf8",
      timeout: 60_000,
      maxBuffer: 64 << 20,
    });
    if (screenshot)
      execFileSync(chromium, [...base, `--screenshot=${screenshot}`, "--window-size=1200,3200", url], {
        timeout: 60_000,
        stdio: "ignore",
      });
    const sizes: Record<string, string> = {};
    for (const chart of charts) {
      const match = dom.match(new RegExp(`<svg[^>]*data-chart="${chart}"[^>]*width="(\\d+)"[^>]*height="(\\d+)"`));
      if (match) sizes[chart] = `${match[1]}×${match[2]}`;
    }
    return { dom, sizes };
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      report: { type: "string", default: "out/eval-demo/report.html" },
      chromium: { type: "string", default: "chromium" },
    },
  });
  const screenshot = join(dirname(resolve(values.report)), "report.png");
  const { dom, sizes } = renderInChromium(values.report, { chromium: values.chromium, screenshot });
  const missing = EXPECTED_CHARTS.filter((c) => !sizes[c]);
  const shapes = (dom.match(/<(rect|line|path|circle)\b/g) ?? []).length;
  console.log(
    `rendered ${values.report} in Chromium: charts ${Object.entries(sizes)
      .map(([k, v]) => `${k} ${v}`)
      .join(", ")}; ${shapes} SVG shapes; screenshot ${screenshot}`,
  );
  if (missing.length) {
    console.error(`missing charts: ${missing.join(", ")}`);
    process.exit(1);
  }
}
