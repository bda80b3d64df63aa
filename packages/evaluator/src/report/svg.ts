/** Escapes text for SVG/HTML. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Colours for series (colour-blind safe, Okabe–Ito). */
export const PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00"];

/** Opens an SVG element with a chart id (`data-chart`), title and accessible label. */
export function svgOpen(id: string, width: number, height: number, title: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" data-chart="${id}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(title)}" font-family="system-ui, sans-serif" font-size="11"><title>${escapeXml(title)}</title><text x="${width / 2}" y="16" text-anchor="middle" font-size="13" font-weight="600">${escapeXml(title)}</text>`;
}

/** A legend row at (x, y). */
export function legend(labels: readonly string[], x: number, y: number): string {
  return labels
    .map(
      (label, i) =>
        `<rect x="${x + i * 150}" y="${y - 9}" width="10" height="10" fill="${PALETTE[i % PALETTE.length]}"/><text x="${x + i * 150 + 14}" y="${y}">${escapeXml(label)}</text>`,
    )
    .join("");
}

/** Rounds for compact SVG. */
export function r1(value: number): string {
  return (Math.round(value * 10) / 10).toString();
}
