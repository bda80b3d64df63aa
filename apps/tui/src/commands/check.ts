import { AvailabilityChecker, validateDomain } from "@nomen/domains";
import { UsageError } from "../errors.js";
import { type CommandIo, paint, processIo } from "../terminal.js";

/** `nomen check <domain>`: validity, then availability over RDAP (`unknown` when the registry cannot say). */
export async function checkCommand(domain: string, flags: { json?: boolean }, io: CommandIo = processIo) {
  const validation = validateDomain(domain);
  if (!validation.valid) throw new UsageError(`${domain} is not a valid domain: ${validation.message}`);
  const checker = new AvailabilityChecker({ timeoutMs: 5_000 });
  const result = await checker.check(validation.domain).finally(() => checker.dispose());
  if (flags.json) {
    io.stdout.write(
      `${JSON.stringify({ domain: result.domain, status: result.state, source: result.source, detail: result.detail })}\n`,
    );
    return 0;
  }
  const style = result.state === "available" ? "green" : result.state === "unknown" ? "yellow" : "red";
  io.stdout.write(`${validation.unicode}\t${paint(io, style, result.state)}\t(${result.source}: ${result.detail})\n`);
  return 0;
}
