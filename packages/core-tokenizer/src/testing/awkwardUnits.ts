/** Units that, repeated, stress a pre-tokenizer regex (runs of spaces, marks, digits, emoji, special-token prefixes). */
export const AWKWARD_UNITS: readonly string[] = [
  "a",
  " ",
  "\n",
  "\t ",
  "1",
  "!",
  "'s",
  "日",
  "😀",
  "\u0301",
  "a\u0301",
  " \n",
  "\u00a0",
  "<|im_",
];

/** CPU time (user + system, all threads of this process) that `run` takes, in milliseconds. */
export function cpuTimed<T>(run: () => T): { value: T; cpuMs: number } {
  const start = process.cpuUsage();
  const value = run();
  const used = process.cpuUsage(start);
  return { value, cpuMs: (used.user + used.system) / 1000 };
}
