import type { SuggestRequest } from "@nomen/api";
import { Box, Text, useApp, useInput } from "ink";
import { useCallback, useEffect, useRef, useState } from "react";
import type { Backend } from "../backend.js";
import { exportResults } from "../exportResults.js";
import type { History } from "../store/History.js";
import type { Shortlist } from "../store/Shortlist.js";
import { HelpOverlay } from "./HelpOverlay.js";
import { HistoryScreen } from "./HistoryScreen.js";
import { InputScreen } from "./InputScreen.js";
import { ModelScreen } from "./ModelScreen.js";
import { RefineScreen } from "./RefineScreen.js";
import { type ResultsAction, ResultsScreen } from "./ResultsScreen.js";
import { ShortlistScreen } from "./ShortlistScreen.js";
import type { GenerationStatus, RequestOptions, ResultItem } from "./types.js";

type Screen = "input" | "results" | "refine" | "shortlist" | "history" | "model";

/** Props of {@link App}: everything with a side effect is injected (tests pass fakes and temp folders). */
export interface AppProps {
  backend: Backend;
  /** Opens another model/adapter pair (throws a message-bearing error when it cannot). */
  switchBackend: (model: string | undefined, adapter: string | undefined) => Promise<Backend>;
  shortlist: Shortlist;
  history: History;
  copy: (text: string) => void;
  exportDir: string;
  initialOptions: RequestOptions;
  checkAvailability: boolean;
  model?: string;
  adapter?: string;
  /** Called when the user quits, before the app unmounts. */
  onQuit?: () => void;
}

/** The interactive `nomen` app. */
export function App(props: AppProps) {
  const { shortlist, history } = props;
  const { exit } = useApp();
  const [backend, setBackend] = useState(props.backend);
  const [screen, setScreen] = useState<Screen>("input");
  const [help, setHelp] = useState(false);
  const [description, setDescription] = useState("");
  const [options, setOptions] = useState(props.initialOptions);
  const [items, setItems] = useState<ResultItem[]>([]);
  const [selected, setSelected] = useState(0);
  const [status, setStatus] = useState<GenerationStatus>({ kind: "idle" });
  const [notice, setNotice] = useState<string>();
  const [, setRevision] = useState(0); // re-render after shortlist/history changes (they persist themselves)
  const generation = useRef<AbortController | undefined>(undefined);
  const itemsRef = useRef(items);
  itemsRef.current = items;
  const selectedRef = useRef(0);
  const select = (index: number) => {
    selectedRef.current = index;
    setSelected(index);
  };

  const generate = useCallback(
    (text: string, requestOptions: RequestOptions) => {
      generation.current?.abort();
      const controller = new AbortController();
      generation.current = controller;
      const { signal } = controller;
      setDescription(text);
      setItems([]);
      selectedRef.current = 0;
      setSelected(0);
      setNotice(undefined);
      setStatus({ kind: "streaming" });
      setScreen("results");
      history.add(text, requestOptions.count);
      const request: SuggestRequest = {
        business_description: text,
        count: requestOptions.count,
        tlds: requestOptions.tlds,
        style: requestOptions.style as SuggestRequest["style"],
        max_length: requestOptions.maxLength,
        include: requestOptions.include,
        exclude: requestOptions.exclude,
        check_availability: false,
      };
      const setAvailability = (domain: string, availability: ResultItem["availability"]) =>
        setItems((current) => current.map((item) => (item.domain === domain ? { ...item, availability } : item)));
      void (async () => {
        try {
          for await (const item of backend.suggester.stream(request, { signal })) {
            if (signal.aborted) return;
            if ("status" in item) {
              setStatus({ kind: "blocked", message: item.message });
              return;
            }
            const { domain, confidence } = item;
            setItems((current) => [
              ...current,
              { domain, confidence, availability: props.checkAvailability ? "checking" : "off" },
            ]);
            if (props.checkAvailability) {
              backend.availability.check([domain], { signal }).then(
                ([result]) => setAvailability(domain, result?.status ?? "unknown"),
                () => setAvailability(domain, "unknown"),
              );
            }
          }
          if (!signal.aborted) setStatus({ kind: "done" });
        } catch (error) {
          if (!signal.aborted)
            setStatus({ kind: "error", message: error instanceof Error ? error.message : String(error) });
        }
      })();
    },
    [backend, history, props.checkAvailability],
  );

  useEffect(() => () => generation.current?.abort(), []);

  const exportAs = (format: "csv" | "json", rows: { domain: string; confidence: number; availability?: string }[]) => {
    try {
      const path = exportResults({ rows, description, format, dir: props.exportDir });
      setNotice(`exported ${rows.length} to ${path}`);
    } catch (error) {
      setNotice(`export failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  const onAction = (action: ResultsAction) => {
    const item = itemsRef.current[selectedRef.current];
    switch (action) {
      case "regenerate":
        return generate(description, options);
      case "refine":
        return setScreen("refine");
      case "shortlist":
        if (item) {
          const kept = shortlist.toggle({ domain: item.domain, confidence: item.confidence, description });
          setNotice(kept ? `★ ${item.domain} shortlisted` : `${item.domain} removed from the shortlist`);
          setRevision((n) => n + 1);
        }
        return;
      case "copy":
        if (item) {
          props.copy(item.domain);
          setNotice(`copied ${item.domain}`);
        }
        return;
      case "exportCsv":
        return exportAs("csv", itemsRef.current);
      case "exportJson":
        return exportAs("json", itemsRef.current);
      case "showShortlist":
        return setScreen("shortlist");
      case "history":
        return setScreen("history");
      case "model":
        return setScreen("model");
      case "new":
        return setScreen("input");
      case "help":
        return setHelp(true);
      case "quit":
        generation.current?.abort();
        props.onQuit?.();
        return exit();
    }
  };

  useInput(() => setHelp(false), { isActive: help });
  useInput(
    (input, key) => {
      if (key.ctrl && input === "c") exit();
    },
    { isActive: !help },
  );

  const active = (name: Screen) => !help && screen === name;
  return (
    <Box flexDirection="column">
      <Text>
        <Text bold color="magenta">
          nomen
        </Text>
        <Text dimColor> · {backend.label}</Text>
      </Text>
      {help ? <HelpOverlay /> : null}
      {screen === "input" ? (
        <InputScreen
          isActive={active("input")}
          initialValue={description}
          onSubmit={(text) => generate(text, options)}
          onCancel={() => (itemsRef.current.length > 0 ? setScreen("results") : undefined)}
        />
      ) : null}
      {screen === "results" ? (
        <ResultsScreen
          isActive={active("results")}
          description={description}
          items={items}
          selected={selected}
          status={status}
          notice={notice}
          shortlisted={(domain) => shortlist.has(domain)}
          onMove={(delta) => select(Math.max(0, Math.min(itemsRef.current.length - 1, selectedRef.current + delta)))}
          onAction={onAction}
        />
      ) : null}
      {screen === "refine" ? (
        <RefineScreen
          isActive={active("refine")}
          options={options}
          onApply={(next) => {
            setOptions(next);
            generate(description, next);
          }}
          onCancel={() => setScreen("results")}
        />
      ) : null}
      {screen === "shortlist" ? (
        <ShortlistScreen
          isActive={active("shortlist")}
          entries={shortlist.entries}
          path={shortlist.path}
          onRemove={(domain) => {
            shortlist.remove(domain);
            setRevision((n) => n + 1);
          }}
          onCopy={(domain) => {
            props.copy(domain);
            setNotice(`copied ${domain}`);
          }}
          onExport={(format) => exportAs(format, [...shortlist.entries])}
          onBack={() => setScreen(itemsRef.current.length > 0 ? "results" : "input")}
        />
      ) : null}
      {screen === "history" ? (
        <HistoryScreen
          isActive={active("history")}
          entries={history.entries}
          onPick={(text) => generate(text, options)}
          onBack={() => setScreen(itemsRef.current.length > 0 ? "results" : "input")}
        />
      ) : null}
      {screen === "model" ? (
        <ModelScreen
          isActive={active("model")}
          current={backend.label}
          model={props.model}
          adapter={props.adapter}
          onApply={async (model, adapter) => {
            try {
              const next = await props.switchBackend(model, adapter);
              await backend.dispose();
              setBackend(next);
              setScreen(itemsRef.current.length > 0 ? "results" : "input");
              setNotice(`now using ${next.label}`);
              return undefined;
            } catch (error) {
              return error instanceof Error ? error.message : String(error);
            }
          }}
          onBack={() => setScreen(itemsRef.current.length > 0 ? "results" : "input")}
        />
      ) : null}
      {screen !== "results" && notice ? <Text color="green">{notice}</Text> : null}
    </Box>
  );
}
