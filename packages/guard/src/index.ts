/**
 * @module @nomen/guard — Safety policy for Nomen: input categories with evasion normalization and near-miss rules; output filter for profanity, trademarks and impersonation.
 */
export { packageInfo } from "./packageInfo.js";
