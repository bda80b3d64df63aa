import { checkInput } from "@nomen/guard";

/**
 * Decides whether a generated domain may be shown. Returns `true` to keep it. Apps inject
 * `@nomen/guard`'s output filter (profanity, trademarks, look-alikes) here.
 */
export type OutputFilter = (domain: string, label: string) => boolean | Promise<boolean>;

/**
 * The default output filter: `@nomen/guard`'s input policy applied to the name itself, with the label
 * split at hyphens, so a name can never say what a description may not. A stand-in until the guard's
 * dedicated output filter (`filterNames`) is exported; pass that as `outputFilter` when it is.
 */
export const policyOutputFilter: OutputFilter = (_domain, label) => checkInput(label.replaceAll("-", " ")).allowed;
