import { AvailabilityChecker, normalizeDomain, validateDomain } from "@nomen/domains";

console.log(normalizeDomain("HTTPS://www.Bücher.de/path?q=1"));
console.log(validateDomain("https://www.Bücher.de/"));
console.log(validateDomain("shop.example.co.uk"));
console.log(validateDomain("ab--cd.com"));
console.log(validateDomain("example.notatld"));

// The built-in bootstrap knows com, net and org only; .io has no RDAP server there, so the
// honest answer is "unknown" (no network call is made).
await using checker = new AvailabilityChecker();
console.log(await checker.check("example.io"));
