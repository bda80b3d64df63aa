import { useApp } from "ink";
import { useEffect, useState, useSyncExternalStore } from "react";
import type { ProgressStore } from "./ProgressStore.js";
import { ProgressView } from "./ProgressView.js";

/** Renders a {@link ProgressStore} live, ticking the clock, and exits Ink once the job finished. */
export function ProgressApp(props: { store: ProgressStore; startedAt: number; now?: () => number }) {
  const { store, startedAt, now = Date.now } = props;
  const state = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const [clock, setClock] = useState(now());
  const { exit } = useApp();
  useEffect(() => {
    const timer = setInterval(() => setClock(now()), 250);
    return () => clearInterval(timer);
  }, [now]);
  useEffect(() => {
    if (state.finished) exit();
  }, [state.finished, exit]);
  return <ProgressView state={state} elapsedMs={Math.max(0, clock - startedAt)} />;
}
