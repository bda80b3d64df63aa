import { createRequire } from "node:module";
import { domainToASCII } from "node:url";

const require = createRequire(import.meta.url);

let cached: ReadonlySet<string> | undefined;

/**
 * The IANA root-zone TLDs (from the `tlds` package), in ASCII form: Unicode TLDs such as
 * `онлайн` appear as their `xn--` A-label. Loaded once.
 */
export function ianaTlds(): ReadonlySet<string> {
  if (cached) return cached;
  const list = require("tlds") as string[];
  cached = new Set(list.map((tld) => domainToASCII(tld) || tld.toLowerCase()));
  return cached;
}
