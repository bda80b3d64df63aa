/**
 * @module @nomen/domains — Domain name validity (RFC 1035/1123, UTS-46, IANA TLDs, public suffixes) and honest availability (RDAP, DNS).
 */
export {
  AvailabilityChecker,
  type AvailabilityCheckerOptions,
  type AvailabilityResult,
} from "./AvailabilityChecker.js";
export { AvailabilityOptionsError, DisposedError, InvalidDomainError, RdapBootstrapError } from "./errors.js";
export { ianaTlds } from "./ianaTlds.js";
export { type AvailabilityState, interpretRdap } from "./interpretRdap.js";
export { type LookupNameserversOptions, lookupNameservers, type NameserverSignal } from "./lookupNameservers.js";
export { normalizeDomain } from "./normalizeDomain.js";
export { packageInfo } from "./packageInfo.js";
export { parseRetryAfter, type QueryRdapOptions, queryRdap, type RdapOutcome } from "./queryRdap.js";
export {
  DEFAULT_RDAP_BOOTSTRAP,
  type LoadRdapBootstrapOptions,
  loadRdapBootstrap,
  RdapBootstrap,
  type RdapBootstrapJson,
} from "./rdapBootstrap.js";
export {
  type DomainValidation,
  type InvalidDomain,
  type InvalidDomainReason,
  type ValidateDomainOptions,
  type ValidDomain,
  validateDomain,
} from "./validateDomain.js";
