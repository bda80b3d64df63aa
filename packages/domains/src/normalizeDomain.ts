import { domainToASCII } from "node:url";

const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * Reduces what people type or paste to a bare host name: trims whitespace, drops a scheme
 * (`https://`), user info, port, path, query and fragment, a trailing root dot and a leading
 * `www.`, lower-cases, and maps Unicode through UTS-46 (fullwidth letters, `ß` kept as in
 * non-transitional processing) to its ASCII (punycode) form. When UTS-46 rejects the host the
 * lower-cased host is returned unchanged so that {@link validateDomain} can say why.
 *
 * @example normalizeDomain("HTTPS://www.Bücher.de/path?q=1") // "xn--bcher-kva.de"
 */
export function normalizeDomain(input: string): string {
  const host = stripToHost(input);
  if (host === "") return "";
  const ascii = domainToASCII(host);
  return ascii === "" ? host : stripWww(ascii);
}

/** The host part of `input`, lower-cased, without trailing dot or leading `www.`; no UTS-46 mapping. */
export function stripToHost(input: string): string {
  let host = input.trim().replace(SCHEME, "");
  host = host.replace(/^\/\//, "");
  host = host.split(/[/?#\\]/, 1)[0] ?? "";
  const at = host.lastIndexOf("@");
  if (at >= 0) host = host.slice(at + 1);
  host = host.replace(/:\d*$/, "");
  // Fullwidth and ideographic full stops are label separators in UTS-46.
  host = host.replace(/[\u3002\uff0e\uff61]/g, ".").toLowerCase();
  if (host.endsWith(".")) host = host.slice(0, -1);
  return stripWww(host);
}

function stripWww(host: string): string {
  return host.startsWith("www.") && host.split(".").length > 2 ? host.slice(4) : host;
}
