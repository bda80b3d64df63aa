import { GENERIC_AFFIXES, PHISHING_WORDS, splitsInto } from "./affixes.js";
import { GOVERNMENT_MARKS } from "./famousMarks.js";
import type { FilterHit } from "./findTrademark.js";
import type { NameParts } from "./nameLabel.js";

const GOVERNMENT = new Set(GOVERNMENT_MARKS);
const AFFIXES = new Set([
  ...GENERIC_AFFIXES,
  ...PHISHING_WORDS,
  "tax",
  "taxes",
  "benefits",
  "refund",
  "stimulus",
  "check",
  "payment",
  "license",
  "licence",
  "renewal",
  "appointment",
  "passport",
  "visa",
  "fine",
  "fines",
  "toll",
  "tolls",
  "parcel",
  "delivery",
  "tracking",
  "package",
]);
/** Institutions that phishing names pretend to be. */
const INSTITUTIONS = [
  "bank",
  "banking",
  "wallet",
  "account",
  "billing",
  "payment",
  "creditcard",
  "card",
  "tax",
  "refund",
  "pension",
  "benefit",
  "parcel",
  "delivery",
  "toll",
  "fine",
];
/** Credential-harvesting words. */
const CREDENTIALS = [
  "login",
  "logon",
  "signin",
  "verify",
  "verification",
  "secure",
  "unlock",
  "recovery",
  "reset",
  "password",
  "confirm",
  "suspended",
  "suspension",
  "validate",
  "authenticat",
  "2fa",
  "otp",
  "reactivat",
  "locked",
];

/**
 * Impersonation of governments (agency names, `gov` as a word or suffix) and phishing patterns
 * (an institution word with a credential word: "secure-bank-login", "wallet-verify").
 */
export function findImpersonation(name: NameParts): FilterHit | undefined {
  const { compact, tokens } = name;
  const governmentToken = tokens.find((token) => GOVERNMENT.has(token));
  if (governmentToken || /gov(t)?$/.test(compact)) {
    return { rule: "impersonation/government", reason: "reads as an official government site" };
  }
  for (const mark of GOVERNMENT) {
    const at = compact.indexOf(mark);
    // "gov" inside a word is ordinary ("govtech", "governance"); it counts only as a token or suffix (above).
    if (at < 0 || mark.length < 3 || mark.startsWith("gov")) continue;
    if (splitsInto(compact.slice(0, at), AFFIXES) && splitsInto(compact.slice(at + mark.length), AFFIXES)) {
      return { rule: "impersonation/government", reason: "reads as an official government site" };
    }
  }
  const institution = INSTITUTIONS.some((word) => compact.includes(word));
  const credential = CREDENTIALS.some((word) => compact.includes(word));
  if (institution && credential) {
    return {
      rule: "impersonation/phishing-pattern",
      reason: "combines an institution with login or verification words",
    };
  }
  return undefined;
}
