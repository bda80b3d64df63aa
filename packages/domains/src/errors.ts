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

/** An option passed to the availability checker is out of range or of the wrong type. */
export class AvailabilityOptionsError extends Error {
  override readonly name = "AvailabilityOptionsError";
  constructor(
    readonly option: string,
    expected: string,
    got: unknown,
    options?: ErrorOptions & { readonly hint?: string },
  ) {
    const shown =
      typeof got === "function" ? "a function" : typeof got === "number" ? String(got) : JSON.stringify(got);
    const hint = options?.hint ?? `leave "${option}" out to use its default`;
    super(`Availability option "${option}" is invalid: expected ${expected}, got ${shown}. Hint: ${hint}.`, options);
  }
}

/** A method was called on an availability checker after `dispose()`. */
export class DisposedError extends Error {
  override readonly name = "DisposedError";
  constructor(
    readonly resource: string,
    options?: ErrorOptions,
  ) {
    super(
      `${resource} is disposed: expected a live instance, got one whose dispose() already ran. Hint: create a new ${resource} (its cache and bootstrap were released).`,
      options,
    );
  }
}
