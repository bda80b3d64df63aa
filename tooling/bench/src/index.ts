/**
 * @module @nomen/bench — warm-up, repeats, min/median/max, the environment, one JSON line per result.
 */

export { type BenchCase, type BenchResult, BenchSuite, type BenchSuiteOptions } from "./BenchSuite.js";
export { type BenchEnvironment, benchEnvironment } from "./environment.js";
export { type MeasureOptions, measure, summarize, type Timings } from "./measure.js";
