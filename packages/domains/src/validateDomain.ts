import { domainToASCII, domainToUnicode } from "node:url";
import { parse } from "tldts";
import { ianaTlds } from "./ianaTlds.js";
import { stripToHost } from "./normalizeDomain.js";

/** Why a domain is not valid. Stable codes: match on these, show `message` to people. */
export type InvalidDomainReason =
  | "empty"
  | "ip-address"
  | "invalid-character"
  | "invalid-idn"
  | "invalid-punycode"
  | "symbol-in-idn"
  | "mixed-script"
  | "name-too-long"
  | "empty-label"
  | "label-too-long"
  | "leading-hyphen"
  | "trailing-hyphen"
  | "reserved-hyphens"
  | "missing-tld"
  | "numeric-tld"
  | "unknown-tld"
  | "tld-not-allowed"
  | "public-suffix-only"
  | "subdomain";

/** A valid, registrable domain in its normalized forms. */
export interface ValidDomain {
  readonly valid: true;
  /** ASCII (A-label) form, lower case, no scheme, `www.`, path or trailing dot: `xn--bcher-kva.de`. */
  readonly domain: string;
  /** Unicode (U-label) form for display: `bücher.de`. */
  readonly unicode: string;
  /** The registrable label, ASCII: `xn--bcher-kva` (for `shop.example.co.uk` with subdomains allowed: `example`). */
  readonly label: string;
  /** The last label, ASCII: `uk` for `example.co.uk`. */
  readonly tld: string;
  /** The ICANN public suffix the name is registered under: `co.uk`. */
  readonly publicSuffix: string;
  /** Labels left of the registrable domain; `""` unless `allowSubdomains`. */
  readonly subdomain: string;
}

/** Why the input is not a valid domain. */
export interface InvalidDomain {
  readonly valid: false;
  readonly reason: InvalidDomainReason;
  readonly message: string;
}

export type DomainValidation = ValidDomain | InvalidDomain;

export interface ValidateDomainOptions {
  /**
   * Suffixes to accept, e.g. `["com", "io", "co.uk"]`, Unicode or ASCII. An entry matches the
   * public suffix or the TLD (`"uk"` accepts `example.co.uk`). Defaults to every IANA TLD.
   */
  readonly allowedTlds?: Iterable<string>;
  /** Accept names below a registrable domain (`shop.example.com`). Defaults to `false`: Nomen suggests registrable names. */
  readonly allowSubdomains?: boolean;
  /**
   * Accept emoji and other symbols in IDN labels (`💩.la`). UTS-46 maps them, but IDNA2008 and
   * almost every registry refuse them. Defaults to `false`.
   */
  readonly allowSymbols?: boolean;
}

const MAX_NAME = 253;
const MAX_LABEL = 63;
const LDH = /^[a-z0-9-]+$/;
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/**
 * Checks that `input` is a registrable domain: RFC 1035/1123 LDH labels of 1–63 octets, a name of
 * at most 253 octets, no leading/trailing hyphen, `--` at positions 3–4 only for `xn--`, valid
 * punycode, UTS-46 mapping for IDNs (node:url), a TLD in the IANA list and an ICANN public suffix
 * (tldts) below which the name is registered. Scheme, `www.`, path, case and trailing dot are
 * normalized away first.
 *
 * @example validateDomain("https://www.Bücher.de/") // {valid: true, domain: "xn--bcher-kva.de", unicode: "bücher.de", ...}
 */
export function validateDomain(input: string, options: ValidateDomainOptions = {}): DomainValidation {
  if (typeof input !== "string" || input.trim() === "") return invalid("empty", "the input is empty");
  const host = stripToHost(input);
  if (host === "") return invalid("empty", "no host name is left after removing scheme, path and dots");
  if (IPV4.test(host) || host.includes(":") || host.startsWith("[")) {
    return invalid("ip-address", "an IP address is not a domain name");
  }
  // WHATWG URL parsing treats a name ending in a number as an IPv4 address, so check before mapping.
  if (/(^|\.)\d+$/.test(host) && host.includes(".")) {
    return invalid("numeric-tld", "a top-level domain cannot be all digits");
  }
  const mapped = domainToASCII(host);
  if (mapped === "") return unmappable(host);
  const ascii = mapped.startsWith("www.") && mapped.split(".").length > 2 ? mapped.slice(4) : mapped;
  if (ascii.length > MAX_NAME) {
    return invalid("name-too-long", `the name is ${ascii.length} octets in ASCII form; at most ${MAX_NAME} allowed`);
  }
  const labels = ascii.split(".");
  for (const label of labels) {
    const problem = checkLabel(label);
    if (problem) return problem;
  }
  if (labels.length < 2)
    return invalid("missing-tld", `"${ascii}" has no top-level domain; expected e.g. "${ascii}.com"`);
  const unicodeProblem = checkUnicode(domainToUnicode(ascii), options);
  if (unicodeProblem) return unicodeProblem;
  return checkSuffix(ascii, labels.at(-1)!, options);
}

const SYMBOL = /[\p{Extended_Pictographic}\p{So}\p{Sm}\p{Sc}]/u;
const SCRIPTS: ReadonlyArray<[string, RegExp]> = [
  ["Latin", /\p{Script=Latin}/u],
  ["Cyrillic", /\p{Script=Cyrillic}/u],
  ["Greek", /\p{Script=Greek}/u],
  ["Armenian", /\p{Script=Armenian}/u],
];

/**
 * IDN label rules registries apply beyond UTS-46: no symbols or emoji, and no label mixing Latin,
 * Cyrillic, Greek or Armenian letters (the homograph trick: Latin "p" + Cyrillic "а" in "pаypal").
 */
function checkUnicode(unicode: string, options: ValidateDomainOptions): InvalidDomain | undefined {
  if (/^[\x00-\x7f]*$/.test(unicode)) return undefined;
  if (options.allowSymbols !== true && SYMBOL.test(unicode)) {
    return invalid(
      "symbol-in-idn",
      "emoji and symbols are not allowed in IDN labels (IDNA2008); pass allowSymbols to accept them",
    );
  }
  for (const label of unicode.split(".")) {
    const scripts = SCRIPTS.filter(([, pattern]) => pattern.test(label)).map(([name]) => name);
    if (scripts.length > 1) {
      return invalid("mixed-script", `a label mixes ${scripts.join(" and ")} letters, the mark of a look-alike name`);
    }
  }
  return undefined;
}

function checkLabel(label: string): InvalidDomain | undefined {
  if (label === "") return invalid("empty-label", "the name contains an empty label (two dots in a row)");
  if (label.length > MAX_LABEL) {
    return invalid("label-too-long", `a label is ${label.length} octets in ASCII form; at most ${MAX_LABEL} allowed`);
  }
  if (!LDH.test(label)) return invalid("invalid-character", "labels may contain only letters, digits and hyphens");
  if (label.startsWith("-")) return invalid("leading-hyphen", "a label may not start with a hyphen");
  if (label.endsWith("-")) return invalid("trailing-hyphen", "a label may not end with a hyphen");
  if (label.slice(2, 4) === "--" && !label.startsWith("xn--")) {
    return invalid("reserved-hyphens", 'hyphens in positions 3–4 are reserved for IDN A-labels ("xn--")');
  }
  return undefined;
}

function checkSuffix(ascii: string, tld: string, options: ValidateDomainOptions): DomainValidation {
  if (/^\d+$/.test(tld)) return invalid("numeric-tld", "a top-level domain cannot be all digits");
  if (!ianaTlds().has(tld)) return invalid("unknown-tld", `".${tld}" is not a top-level domain in the IANA root zone`);
  const parsed = parse(ascii, { allowPrivateDomains: false });
  const publicSuffix = parsed.publicSuffix ?? tld;
  if (!parsed.domain || !parsed.domainWithoutSuffix) {
    return invalid("public-suffix-only", `"${ascii}" is a public suffix itself; names are registered below it`);
  }
  if (options.allowedTlds) {
    const allowed = new Set([...options.allowedTlds].map((s) => domainToASCII(s.replace(/^\./, "")) || s));
    if (!allowed.has(publicSuffix) && !allowed.has(tld)) {
      return invalid("tld-not-allowed", `".${publicSuffix}" is not among the allowed suffixes`);
    }
  }
  const subdomain = parsed.subdomain ?? "";
  if (subdomain !== "" && options.allowSubdomains !== true) {
    return invalid("subdomain", `"${ascii}" is below the registrable domain "${parsed.domain}"`);
  }
  return {
    valid: true,
    domain: ascii,
    unicode: domainToUnicode(ascii),
    label: parsed.domainWithoutSuffix,
    tld,
    publicSuffix,
    subdomain,
  };
}

function unmappable(host: string): InvalidDomain {
  if (host.split(".").some((label) => label.startsWith("xn--"))) {
    return invalid("invalid-punycode", "an xn-- label is not valid punycode for a permitted Unicode name");
  }
  if (/^[\x20-\x7e]*$/.test(host) || /\s/.test(host)) {
    return invalid("invalid-character", "labels may contain only letters, digits and hyphens");
  }
  return invalid("invalid-idn", "the internationalized name is not permitted by UTS-46 (IDNA)");
}

function invalid(reason: InvalidDomainReason, message: string): InvalidDomain {
  return { valid: false, reason, message };
}
