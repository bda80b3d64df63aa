/**
 * @module @nomen/suggest — The suggest pipeline both apps share: guard, prompt, constrained generation, validation, output guard, ranking, availability.
 */
export { packageInfo } from "./packageInfo.js";
