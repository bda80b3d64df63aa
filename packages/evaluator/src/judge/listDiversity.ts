/** Jaccard similarity of two labels' character-trigram sets. */
export function trigramJaccard(a: string, b: string): number {
  const ga = grams(a);
  const gb = grams(b);
  if (ga.size === 0 && gb.size === 0) return a === b ? 1 : 0;
  let shared = 0;
  for (const g of ga) if (gb.has(g)) shared++;
  return shared / (ga.size + gb.size - shared);
}

function grams(text: string): Set<string> {
  const set = new Set<string>();
  const padded = `^${text}$`;
  for (let i = 0; i + 3 <= padded.length; i++) set.add(padded.slice(i, i + 3));
  return set;
}

/**
 * Diversity 0–10 of each suggestion within its list: 10 × (1 − its highest trigram
 * similarity to another suggestion's label); an exact repeat of an earlier domain scores 0.
 */
export function listDiversity(domains: readonly string[]): number[] {
  const labels = domains.map((d) => d.toLowerCase().split(".")[0] ?? "");
  return domains.map((domain, i) => {
    if (domains.slice(0, i).some((other) => other.toLowerCase() === domain.toLowerCase())) return 0;
    let closest = 0;
    for (let j = 0; j < labels.length; j++)
      if (j !== i) closest = Math.max(closest, trigramJaccard(labels[i] as string, labels[j] as string));
    return 10 * (1 - closest);
  });
}
