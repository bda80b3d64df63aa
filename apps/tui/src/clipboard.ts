/**
 * Copies text with the OSC 52 terminal escape: works over SSH and inside tmux (with `set -g set-clipboard on`),
 * needs no clipboard program. Terminals that do not support it ignore the sequence.
 */
export function copyWithOsc52(
  text: string,
  write: (data: string) => void = (data) => process.stdout.write(data),
): void {
  const payload = Buffer.from(text, "utf8").toString("base64");
  const sequence = `\u001B]52;c;${payload}\u0007`;
  write(process.env.TMUX ? `\u001BPtmux;${sequence.replaceAll("\u001B", "\u001B\u001B")}\u001B\\` : sequence);
}
