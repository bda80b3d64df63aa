import { Box, Text } from "ink";
import { bar } from "../terminal.js";

/** What a long job reports: the phase, its progress, and a few lines of live numbers. */
export interface ProgressState {
  title: string;
  phase: string;
  done: number;
  total: number;
  /** Live numbers, e.g. `loss 2.31`, `examples 1,200`. */
  lines: string[];
  /** Set when the job ended. */
  finished?: { ok: boolean; message: string };
}

/** The live progress of `nomen dataset|train|eval`: phase, bar, percent, elapsed time and ETA. */
export function ProgressView(props: { state: ProgressState; elapsedMs: number }) {
  const { state, elapsedMs } = props;
  const fraction = state.total > 0 ? Math.min(1, state.done / state.total) : 0;
  const etaMs = fraction > 0 && fraction < 1 ? (elapsedMs / fraction) * (1 - fraction) : undefined;
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1}>
      <Text bold>{state.title}</Text>
      <Text>
        <Text color="cyan">{state.phase.padEnd(10)}</Text> <Text color="green">{bar(fraction, 30)}</Text>{" "}
        {`${Math.round(fraction * 100)}%`.padStart(4)} {state.done}/{state.total}
      </Text>
      <Text dimColor>
        elapsed {seconds(elapsedMs)}
        {etaMs === undefined ? "" : ` · eta ${seconds(etaMs)}`}
      </Text>
      {state.lines.map((line) => (
        <Text key={line}>{line}</Text>
      ))}
      {state.finished ? (
        <Text color={state.finished.ok ? "green" : "red"}>
          {state.finished.ok ? "✓" : "✗"} {state.finished.message}
        </Text>
      ) : null}
    </Box>
  );
}

function seconds(ms: number): string {
  return ms < 60_000 ? `${(ms / 1000).toFixed(1)}s` : `${Math.floor(ms / 60_000)}m${Math.round((ms % 60_000) / 1000)}s`;
}
