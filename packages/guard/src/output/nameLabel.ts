import { domainToUnicode } from "node:url";
import { foldText } from "../normalizeText.js";

/** Second-level labels under which ccTLD registries sell names (`example.co.uk`). */
const SECOND_LEVEL = new Set([
  "co",
  "com",
  "net",
  "org",
  "gov",
  "ac",
  "edu",
  "ltd",
  "plc",
  "me",
  "gen",
  "nom",
  "or",
  "ne",
  "go",
  "biz",
  "info",
]);

/** The parts of a suggested name that the output filter inspects. */
export interface NameParts {
  /** The name as given, trimmed and lower-cased. */
  readonly domain: string;
  /** The label(s) left of the public suffix, ASCII, e.g. `paypal-login` (subdomains joined by `-`). */
  readonly ascii: string;
  /** `ascii` without hyphens or digits' meaning changed: `paypallogin`. */
  readonly compact: string;
  /** Hyphen-separated tokens of `ascii`. */
  readonly tokens: readonly string[];
  /** Look-alike skeletons of the label: confusables folded, leetspeak read (`1` as i and as l), letters only. */
  readonly skeletons: readonly string[];
}

const LEET: Readonly<Record<string, string>> = {
  "0": "o",
  "3": "e",
  "4": "a",
  "5": "s",
  "7": "t",
  "8": "b",
  "9": "g",
  "6": "g",
  "2": "z",
};

const PLAIN_LABEL = /^[a-z0-9-]*$/;

/** Splits a domain (or a bare label) into what the filter matches against. */
export function nameParts(domain: string): NameParts {
  const lower = domain.trim().toLowerCase().replace(/\.$/, "");
  const labels = lower.split(".").filter(Boolean);
  let keep = labels.length > 1 ? labels.length - 1 : labels.length;
  if (labels.length > 2 && SECOND_LEVEL.has(labels[labels.length - 2]!) && labels.at(-1)!.length === 2) keep--;
  const ascii = labels.slice(0, Math.max(1, keep)).join("-");
  const unicode =
    ascii.startsWith("xn--") || ascii.includes("-xn--")
      ? domainToUnicode(labels.slice(0, Math.max(1, keep)).join(".")).replace(/\./g, "-")
      : ascii;
  // foldText leaves lower-case ASCII letters, digits and hyphens as they are: skip it for plain labels.
  const folded = (PLAIN_LABEL.test(unicode) ? unicode : foldText(unicode)).replace(/[^a-z0-9]/g, "");
  const withI = folded.replace(/[0-9]/g, (d) => (d === "1" ? "i" : (LEET[d] ?? d)));
  const withL = folded.replace(/[0-9]/g, (d) => (d === "1" ? "l" : (LEET[d] ?? d)));
  return {
    domain: lower,
    ascii,
    compact: ascii.replace(/-/g, ""),
    tokens: ascii.split("-").filter(Boolean),
    skeletons: [...new Set([folded, withI, withL])],
  };
}
