/** A domain given to an operation that needs a valid one (e.g. an availability check) is not valid. */
export class InvalidDomainError extends Error {
  override readonly name = "InvalidDomainError";
  constructor(
    readonly input: string,
    readonly reason: string,
    options?: ErrorOptions,
  ) {
    super(
      `Invalid domain ${JSON.stringify(input.slice(0, 200))}: ${reason}. Expected a registrable name such as "example.com"; validate it first with validateDomain().`,
      options,
    );
  }
}

/** The RDAP bootstrap (IANA dns.json) could not be read or does not have the expected shape. */
export class RdapBootstrapError extends Error {
  override readonly name = "RdapBootstrapError";
  constructor(
    readonly source: string,
    detail: string,
    options?: ErrorOptions,
  ) {
    super(
      `RDAP bootstrap from ${source} is unusable: ${detail}. Expected IANA's dns.json shape {"services": [[["tld", ...], ["https://rdap.example/"]], ...]}; download it from https://data.iana.org/rdap/dns.json or pass endpoints explicitly.`,
      options,
    );
  }
}

/** An option passed to the availability checker is out of range. */
export class AvailabilityOptionsError extends Error {
  override readonly name = "AvailabilityOptionsError";
  constructor(option: string, expected: string, got: unknown, options?: ErrorOptions) {
    super(`Availability option "${option}" is invalid: expected ${expected}, got ${JSON.stringify(got)}.`, options);
  }
}
