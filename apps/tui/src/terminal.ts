import { styleText } from "node:util";

/** Where a command writes, and what kind of terminal that is (injected in tests). */
export interface CommandIo {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown };
  env: Record<string, string | undefined>;
}

export const processIo: CommandIo = { stdout: process.stdout, stderr: process.stderr, env: process.env };

/** Colour only on a terminal, and never with `NO_COLOR` set (https://no-color.org) or `TERM=dumb`. */
export function colorEnabled(io: CommandIo): boolean {
  return Boolean(io.stdout.isTTY) && !("NO_COLOR" in io.env && io.env.NO_COLOR !== "") && io.env.TERM !== "dumb";
}

/** `styleText` when colour is on, the plain text otherwise. */
export function paint(io: CommandIo, style: Parameters<typeof styleText>[0], text: string): string {
  return colorEnabled(io) ? styleText(style, text) : text;
}

/** A text bar for a value in [0, 1]: `█████░░░░░`. */
export function bar(value: number, width = 10): string {
  const filled = Math.round(Math.min(1, Math.max(0, value)) * width);
  return `${"█".repeat(filled)}${"░".repeat(width - filled)}`;
}
