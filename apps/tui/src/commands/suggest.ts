import { createApp, type SuggestResponse } from "@nomen/api";
import { openBackend } from "../backend.js";
import { loadCliConfig } from "../config.js";
import { UsageError } from "../errors.js";
import { ExitCode } from "../exitCodes.js";
import { bar, type CommandIo, paint, processIo } from "../terminal.js";

/** Flags of `nomen suggest`. */
export interface SuggestFlags {
  json?: boolean;
  count?: number;
  tlds?: string;
  style?: string;
  maxLength?: number;
  include?: string;
  exclude?: string;
  checkAvailability?: boolean;
  model?: string;
  adapter?: string;
  demo?: boolean;
  config?: string;
}

const list = (value: string | undefined) =>
  value
    ?.split(",")
    .map((part) => part.trim())
    .filter(Boolean);

/**
 * `nomen suggest "<description>"`: asks the same HTTP app `nomen serve` runs, in process, so `--json` prints
 * exactly the API's response and invalid input gets the API's validation message.
 */
export async function suggestCommand(description: string, flags: SuggestFlags, io: CommandIo = processIo) {
  const config = loadCliConfig({
    file: flags.config,
    env: io.env,
    flags: {
      model: flags.model,
      adapter: flags.adapter,
      count: flags.count,
      style: flags.style,
      tlds: list(flags.tlds),
    },
  });
  const backend = await openBackend({ model: config.model, adapter: config.adapter, demo: flags.demo });
  try {
    const app = createApp({
      ...backend,
      ready: () => true,
      processMetrics: false,
      config: { requestTimeoutMs: 120_000, logLevel: "silent" },
    });
    const body = {
      business_description: description,
      count: config.count,
      tlds: config.tlds,
      style: config.style,
      max_length: flags.maxLength ?? config.maxLength,
      include: list(flags.include),
      exclude: list(flags.exclude),
      check_availability: flags.checkAvailability,
    };
    const res = await app.request("/v1/suggestions", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    const payload = (await res.json()) as SuggestResponse & {
      detail?: string;
      errors?: { path: string; message: string }[];
    };
    if (!res.ok) {
      const fields = payload.errors?.map((error) => `${error.path}: ${error.message}`).join("; ");
      throw new UsageError(`${payload.detail ?? res.statusText}${fields ? ` (${fields})` : ""}`);
    }
    if (flags.json) io.stdout.write(`${JSON.stringify(payload)}\n`);
    else printSuggestions(payload, io);
    return payload.status === "blocked" ? ExitCode.blocked : ExitCode.ok;
  } finally {
    await backend.dispose();
  }
}

function printSuggestions(response: SuggestResponse, io: CommandIo): void {
  if (response.status === "blocked") {
    io.stderr.write(`nomen: blocked: ${response.message}\n`);
    return;
  }
  if (!io.stdout.isTTY) {
    for (const { domain, confidence } of response.suggestions) io.stdout.write(`${domain}\t${confidence}\n`);
    return;
  }
  const width = Math.max(...response.suggestions.map((s) => s.domain.length), 6);
  for (const { domain, confidence } of response.suggestions) {
    const percent = `${Math.round(confidence * 100)}%`.padStart(4);
    io.stdout.write(`${paint(io, "bold", domain.padEnd(width))}  ${paint(io, "green", bar(confidence))} ${percent}\n`);
  }
}
