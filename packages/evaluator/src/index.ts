/**
 * @module @nomen/evaluator — Rubric judges validated on real companies, statistics with confidence intervals, edge-case taxonomy, run tracking and reports.
 */
export { packageInfo } from "./packageInfo.js";
