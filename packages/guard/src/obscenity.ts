import { createRequire } from "node:module";

type Obscenity = typeof import("obscenity");

let loaded: Obscenity | undefined;

/**
 * obscenity, loaded on first use. Its 24 CommonJS modules cost tens of milliseconds to load, and a
 * cold `nomen suggest` imports the guard long before it needs a profanity matcher; `require` also
 * skips the export scan an ESM import of CommonJS does. It is the same module instance the ESM
 * import gives (obscenity's `index.mjs` re-exports it).
 */
export function obscenity(): Obscenity {
  loaded ??= createRequire(import.meta.url)("obscenity") as Obscenity;
  return loaded;
}
