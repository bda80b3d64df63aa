import { createRequire } from "node:module";
import type { Brief } from "../describe/brief.js";
import { industryById } from "../lexicon/taxonomy.js";
import type { Rng } from "../random/Rng.js";
import type { Strategy } from "./strategies.js";

const require = createRequire(import.meta.url);

/** The IANA root zone's TLDs (from the `tlds` package), ASCII only. */
export const IANA_TLDS: ReadonlySet<string> = new Set((require("tlds") as string[]).filter((t) => /^[a-z]+$/.test(t)));

const TECH = new Set(["software", "ai", "security", "it", "crypto"]);

/**
 * The TLD for the i-th suggestion: `.com` first, then TLDs that fit the industry (`.co/.io/.app/.shop/.cafe/…`),
 * a ccTLD for a local business or a place name, only the stated TLDs under a `tldOnly` constraint.
 */
export function pickTld(index: number, strategy: Strategy, brief: Brief, rng: Rng): string {
  const only = brief.constraints.tldOnly;
  if (only) return index === 0 ? only[0]! : rng.pick(only);
  const cc = brief.city?.cc;
  if (strategy === "place" && cc && rng.chance(0.7)) return cc;
  if (index === 0) return rng.chance(0.9) ? "com" : fitting(brief, rng);
  if (cc && brief.language !== "en" && rng.chance(0.35)) return cc;
  const r = rng.next();
  if (r < 0.42) return "com";
  if (r < 0.8) return fitting(brief, rng);
  if (cc && r < 0.9) return cc;
  return TECH.has(brief.industry)
    ? rng.pick(["io", "ai", "app", "dev"])
    : rng.pick(["co", "net", "org", "io", "app"].slice(0, 3));
}

function fitting(brief: Brief, rng: Rng): string {
  if (brief.industry === "nonce") return rng.pick(["co", "io", "shop", "studio", "app", "net"]);
  const tlds = industryById(brief.industry).tlds.filter((t) => IANA_TLDS.has(t));
  return tlds.length > 0 ? rng.pick(tlds) : "co";
}
