const TICKS = "▁▂▃▄▅▆▇█";

/**
 * A one-line chart of `values` at most `width` characters wide (older values averaged into buckets), scaled from
 * the smallest to the largest value shown. Non-finite values are skipped.
 */
export function sparkline(values: readonly number[], width = 40): string {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return "";
  const buckets: number[] = [];
  const size = Math.ceil(finite.length / width);
  for (let start = 0; start < finite.length; start += size) {
    const bucket = finite.slice(start, start + size);
    buckets.push(bucket.reduce((sum, value) => sum + value, 0) / bucket.length);
  }
  const low = Math.min(...buckets);
  const span = Math.max(...buckets) - low;
  return buckets
    .map((value) => TICKS[span === 0 ? 3 : Math.round(((value - low) / span) * (TICKS.length - 1))])
    .join("");
}
