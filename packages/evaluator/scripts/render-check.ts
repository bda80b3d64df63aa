/**
 * Renders a report in headless Chromium (Debian's `chromium`), checks every chart is in the
 * rendered DOM with a size, and saves a screenshot next to the report.
 * Not part of CI (needs `apt-get install -y chromium`). Usage:
 *   pnpm --filter @nomen/evaluator render-check [--report out/eval-demo/report.html]
 */
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { EXPECTED_CHARTS, renderInChromium } from "../src/report/renderInChromium.js";

{
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
