import type { SuggestRequest, SuggestResponse } from "@nomen/api";
import { openSuggester } from "../backend.js";
import { loadCliConfig } from "../config.js";
import { UsageError } from "../errors.js";
import { ExitCode } from "../exitCodes.js";
import { bar, type CommandIo, paint, processIo } from "../terminal.js";
import { recordTimings } from "../timings.js";

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
 * `nomen suggest "<description>"`: one request through the suggest pipeline `nomen serve` runs, printed in
 * the API's response shape (`--json`: exactly the keys of `POST /v1/suggestions`; `suggest.test.ts` checks
 * it against the API app). It calls the pipeline directly rather than the in-process HTTP app: the app's
 * logging and metrics modules cost ~0.3 s of a cold start. Invalid input gets the pipeline's validation
 * message. With `NOMEN_TIMINGS=1` it also writes one `nomen-timings {json}` line to stderr: the stage marks
 * its benchmark reads.
 */
export async function suggestCommand(description: string, flags: SuggestFlags, io: CommandIo = processIo) {
  const timings = recordTimings(io.env);
  timings?.mark("cli:command");
  try {
    return await suggest(description, flags, io, timings);
  } finally {
    timings?.mark("cli:done");
    if (timings) io.stderr.write(timings.finish());
  }
}

async function suggest(
  description: string,
  flags: SuggestFlags,
  io: CommandIo,
  timings: ReturnType<typeof recordTimings>,
): Promise<number> {
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
  const request = {
    business_description: description,
    count: config.count,
    tlds: config.tlds,
    style: config.style,
    max_length: flags.maxLength ?? config.maxLength,
    include: list(flags.include),
    exclude: list(flags.exclude),
    check_availability: flags.checkAvailability ?? false,
  };
  const backend = await openSuggester({ model: config.model, adapter: config.adapter, demo: flags.demo });
  timings?.mark("cli:backend-ready");
  try {
    // Loaded with the pipeline already (after llama.cpp's start, see openSuggester).
    const { resolveRequest } = await import("@nomen/suggest");
    try {
      resolveRequest(request);
    } catch (error) {
      throw new UsageError((error as Error).message, { cause: error });
    }
    // resolveRequest just checked it against the schema both the API and the pipeline use.
    const checked = request as SuggestRequest;
    const response = exactShape(await backend.suggester.suggest(checked, { signal: AbortSignal.timeout(120_000) }));
    timings?.mark("cli:response");
    if (flags.json) io.stdout.write(`${JSON.stringify(response)}\n`);
    else printSuggestions(response, io);
    return response.status === "blocked" ? ExitCode.blocked : ExitCode.ok;
  } finally {
    await backend.dispose();
  }
}

/** Exactly the keys the API returns (`POST /v1/suggestions`), in its order, whatever else the pipeline adds. */
function exactShape(response: SuggestResponse): SuggestResponse {
  if (response.status === "blocked") return { suggestions: [], status: "blocked", message: response.message };
  return {
    suggestions: response.suggestions.map(({ domain, confidence }) => ({ domain, confidence })),
    status: "success",
  };
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
