import { Box, Text, useApp } from "ink";
import { useEffect, useSyncExternalStore } from "react";
import { bar } from "../terminal.js";
import { sparkline } from "../train/sparkline.js";
import type { TrainState, TrainStore } from "./TrainStore.js";

/** Live view of a training run: step bar with ETA, loss sparkline, tokens/s, validation and checkpoint. */
export function TrainView(props: { state: TrainState }) {
  const { state } = props;
  const p = state.progress;
  const fraction = p ? Math.min(1, p.step / p.totalSteps) : 0;
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1}>
      <Text bold>{state.title}</Text>
      <Text>
        <Text color="cyan">{state.phase.padEnd(7)}</Text> <Text color="green">{bar(fraction, 30)}</Text>{" "}
        {`${Math.round(fraction * 100)}%`.padStart(4)} {p ? `step ${p.step}/${p.totalSteps}` : ""}
        {p ? ` · eta ${duration(p.etaSeconds)}` : ""}
      </Text>
      {p ? (
        <Text>
          loss <Text bold>{p.loss.toFixed(4)}</Text> <Text color="yellow">{sparkline(state.losses, 40)}</Text>
        </Text>
      ) : null}
      {p ? (
        <Text dimColor>
          {Math.round(p.tokensPerSecond).toLocaleString("en-US")} tokens/s · lr {p.lr.toExponential(2)} · grad norm{" "}
          {p.gradNorm.toFixed(3)}
          {state.validation ? ` · val loss ${state.validation.loss.toFixed(4)} (step ${state.validation.step})` : ""}
        </Text>
      ) : null}
      {state.checkpoint ? (
        <Text dimColor>
          checkpoint step {state.checkpoint.step}: {state.checkpoint.path}
        </Text>
      ) : null}
      {state.notes.slice(-3).map((note) => (
        <Text key={note} dimColor>
          {note}
        </Text>
      ))}
      {state.finished ? (
        <Text color={state.finished.ok ? "green" : "red"}>
          {state.finished.ok ? "✓" : "✗"} {state.finished.message}
        </Text>
      ) : (
        <Text dimColor>Ctrl-C stops at the next batch; rerun with --resume to continue from the last checkpoint.</Text>
      )}
    </Box>
  );
}

/** Renders a {@link TrainStore} live and exits Ink once the run finished. */
export function TrainApp(props: { store: TrainStore }) {
  const state = useSyncExternalStore(props.store.subscribe, props.store.getSnapshot);
  const { exit } = useApp();
  useEffect(() => {
    if (state.finished) exit();
  }, [state.finished, exit]);
  return <TrainView state={state} />;
}

/** `42s`, `3m05s`, `1h02m`. */
export function duration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, "0")}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, "0")}m`;
}
