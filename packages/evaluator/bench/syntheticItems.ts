import { type Random, seededRandom } from "../src/stats/random.js";

const SUBJECTS = [
  "payments",
  "bakery",
  "robots",
  "clinics",
  "invoices",
  "tutoring",
  "freight",
  "solar panels",
  "pet food",
  "legal contracts",
  "gyms",
  "coffee",
  "insurance",
  "recruiting",
  "cloud security",
  "farming",
  "dental care",
  "video editing",
  "real estate",
  "music lessons",
];
const AUDIENCES = [
  "small businesses",
  "hospitals",
  "students",
  "developers",
  "restaurants",
  "landlords",
  "truckers",
  "families",
  "retailers",
  "startups",
];
const VERBS = [
  "Software that automates",
  "A marketplace for",
  "AI agents that handle",
  "A mobile app for",
  "An API for",
  "Affordable",
];
const SUFFIXES = ["ly", "hub", "nest", "wave", "io", "base", "go", "labs", "ify", "spot"];
const TLDS = ["com", "ai", "io", "co", "app"];

/** Deterministic synthetic (description, suggestions) items for benchmarks, no data files needed. */
export function syntheticItems(
  count: number,
  seed = 1,
): { id: string; category: string; description: string; suggestions: string[] }[] {
  const random: Random = seededRandom(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
  return Array.from({ length: count }, (_, i) => {
    const subject = pick(SUBJECTS);
    const description = `${pick(VERBS)} ${subject} for ${pick(AUDIENCES)}, item ${i}`;
    const root = subject.split(" ")[0] as string;
    const suggestions = Array.from({ length: 5 }, (_, k) => {
      const word = k % 2 ? pick(SUBJECTS).split(" ")[0] : root;
      return `${word?.slice(0, 3 + Math.floor(random() * 4))}${pick(SUFFIXES)}${k}${i % 97}.${pick(TLDS)}`.replace(
        /[0-9]+\./,
        ".",
      );
    });
    return {
      id: `synthetic-${i}`,
      category: subject.includes(" ") ? "two-word subject" : "one-word subject",
      description,
      suggestions,
    };
  });
}
