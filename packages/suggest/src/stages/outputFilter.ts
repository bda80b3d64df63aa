import { checkInput, filterNames } from "@nomen/guard";

/**
 * Decides whether a generated domain may be shown. Returns `true` to keep it. Inject your own to add
 * rules (a customer's own trademarks, a blocklist).
 */
export type OutputFilter = (domain: string, label: string) => boolean | Promise<boolean>;

/**
 * The default output filter, both from `@nomen/guard`: `filterNames` (profanity in any word split,
 * famous trademarks and look-alikes, impersonation of banks, governments and support desks), then the
 * input policy applied to the name itself (hyphens as spaces), so a name never says what a description
 * may not ("methlab").
 */
export const policyOutputFilter: OutputFilter = (domain, label) =>
  filterNames([domain]).kept.length === 1 && checkInput(label.replaceAll("-", " ")).allowed;
