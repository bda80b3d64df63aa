/** The reference baseline: share of the label's character trigrams found in the description. */
export function charTrigramBaseline(description: string, domain: string): number {
  const label = domain.toLowerCase().split(".")[0] ?? "";
  const text = description.toLowerCase().replace(/[^a-z0-9]/g, "");
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= label.length; i++) grams.add(label.slice(i, i + 3));
  let shared = 0;
  for (const g of grams) if (text.includes(g)) shared++;
  return grams.size ? shared / grams.size : 0;
}
