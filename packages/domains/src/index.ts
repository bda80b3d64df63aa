/**
 * @module @nomen/domains — Domain name validity (RFC 1035/1123, UTS-46, IANA TLDs, public suffixes) and honest availability (RDAP, DNS).
 */
export { packageInfo } from "./packageInfo.js";
