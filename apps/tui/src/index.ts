/**
 * @module nomen — The nomen command: an Ink terminal app to name a business, train and evaluate models, and scripts-friendly subcommands.
 */
export { packageInfo } from "./packageInfo.js";
