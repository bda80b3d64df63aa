import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

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
/**
 * Needs a Chromium binary (Debian: `apt-get install -y chromium`); used by the render check
 * and the slow test, not by CI.
 */
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
