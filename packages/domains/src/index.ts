/**
 * @module @nomen/domains — Domain name validity (RFC 1035/1123, UTS-46, IANA TLDs, public suffixes) and honest availability (RDAP, DNS).
 */
export { AvailabilityOptionsError, InvalidDomainError, RdapBootstrapError } from "./errors.js";
export { ianaTlds } from "./ianaTlds.js";
export { normalizeDomain } from "./normalizeDomain.js";
export { packageInfo } from "./packageInfo.js";
export {
  type DomainValidation,
  type InvalidDomain,
  type InvalidDomainReason,
  type ValidateDomainOptions,
  type ValidDomain,
  validateDomain,
} from "./validateDomain.js";
