/**
 * @module @nomen/dataset-gen — Seeded, versioned synthetic business descriptions and good domain names, with edge-case and safety suites.
 */
export { packageInfo } from "./packageInfo.js";
