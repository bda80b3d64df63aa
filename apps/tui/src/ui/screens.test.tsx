import { render } from "ink-testing-library";
import { describe, expect, it, vi } from "vitest";
import { keys, waitForFrame } from "../testing/waitForFrame.js";
import { HelpOverlay } from "./HelpOverlay.js";
import { HistoryScreen } from "./HistoryScreen.js";
import { ModelScreen } from "./ModelScreen.js";
import { ProgressView } from "./ProgressView.js";
import { parseRefine, RefineScreen } from "./RefineScreen.js";
import { ResultsScreen } from "./ResultsScreen.js";
import { ShortlistScreen } from "./ShortlistScreen.js";
import { TextInput } from "./TextInput.js";

describe("TextInput", () => {
  it("types, deletes and submits", async () => {
    const onSubmit = vi.fn();
    const { stdin, lastFrame } = render(<TextInput isActive onSubmit={onSubmit} />);
    stdin.write("coffee shopx");
    await waitForFrame(lastFrame, "coffee shopx");
    stdin.write(keys.backspace);
    await waitForFrame(lastFrame, (frame) => frame.includes("coffee shop") && !frame.includes("shopx"));
    stdin.write(keys.enter);
    await vi.waitFor(() => expect(onSubmit).toHaveBeenCalledWith("coffee shop"));
  });
});

describe("ResultsScreen", () => {
  const items = [
    { domain: "beanhouse.com", confidence: 0.92, availability: "available" as const },
    { domain: "roastery.io", confidence: 0.41, availability: "checking" as const },
  ];

  it("shows each suggestion with a confidence bar, availability badge and shortlist star", async () => {
    const { lastFrame } = render(
      <ResultsScreen
        isActive
        description="coffee"
        items={items}
        selected={1}
        status={{ kind: "streaming" }}
        shortlisted={(domain) => domain === "beanhouse.com"}
        onMove={() => {}}
        onAction={() => {}}
      />,
    );
    const frame = await waitForFrame(lastFrame, "roastery.io");
    expect(frame).toMatch(/beanhouse\.com\s+█████████░\s+92% ✓ available ★/);
    expect(frame).toMatch(/❯ roastery\.io\s+████░░░░░░\s+41% … checking/);
    expect(frame).toContain("generating…");
  });

  it("maps keys to moves and actions", async () => {
    const onMove = vi.fn();
    const onAction = vi.fn();
    const { stdin, lastFrame } = render(
      <ResultsScreen
        isActive
        description="coffee"
        items={items}
        selected={0}
        status={{ kind: "done" }}
        shortlisted={() => false}
        onMove={onMove}
        onAction={onAction}
      />,
    );
    await waitForFrame(lastFrame, "beanhouse.com");
    stdin.write(keys.down);
    await vi.waitFor(() => expect(onMove).toHaveBeenCalledWith(1));
    for (const key of ["r", "f", "s", "c", "e", "x", "l", "h", "m", "n", "?", "q"]) stdin.write(key);
    await vi.waitFor(() => expect(onAction).toHaveBeenCalledTimes(12));
    expect(onAction.mock.calls.map(([action]) => action)).toEqual([
      "regenerate",
      "refine",
      "shortlist",
      "copy",
      "exportCsv",
      "exportJson",
      "showShortlist",
      "history",
      "model",
      "new",
      "help",
      "quit",
    ]);
  });

  it("cuts very long names in the middle, keeping the TLD visible", async () => {
    const long = `${"x".repeat(70)}shop.com`;
    const { lastFrame } = render(
      <ResultsScreen
        isActive
        description="x"
        items={[{ domain: long, confidence: 0.5, availability: "unknown" }]}
        selected={0}
        status={{ kind: "done" }}
        shortlisted={() => false}
        onMove={() => {}}
        onAction={() => {}}
      />,
    );
    const frame = await waitForFrame(lastFrame, "? unknown");
    expect(frame).toMatch(/x+…shop\.com\s+█████░░░░░/);
    expect(frame).not.toContain(long);
  });

  it("shows a blocked request's message", async () => {
    const { lastFrame } = render(
      <ResultsScreen
        isActive
        description="x"
        items={[]}
        selected={0}
        status={{ kind: "blocked", message: "Request contains inappropriate content" }}
        shortlisted={() => false}
        onMove={() => {}}
        onAction={() => {}}
      />,
    );
    await waitForFrame(lastFrame, "blocked: Request contains inappropriate content");
  });
});

describe("RefineScreen", () => {
  it("edits fields and applies the parsed options", async () => {
    const onApply = vi.fn();
    const { stdin, lastFrame } = render(
      <RefineScreen isActive options={{ count: 5 }} onApply={onApply} onCancel={() => {}} />,
    );
    await waitForFrame(lastFrame, "❯ count");
    stdin.write(keys.backspace);
    stdin.write("8");
    await waitForFrame(lastFrame, (frame) => /count\s+8/.test(frame));
    stdin.write(keys.down);
    await waitForFrame(lastFrame, "❯ style");
    stdin.write("short");
    stdin.write(keys.down);
    await waitForFrame(lastFrame, "❯ TLDs");
    stdin.write("com, .io");
    await waitForFrame(lastFrame, "com, .io");
    stdin.write(keys.enter);
    await vi.waitFor(() =>
      expect(onApply).toHaveBeenCalledWith({
        count: 8,
        style: "short",
        tlds: ["com", "io"],
        maxLength: undefined,
        include: undefined,
        exclude: undefined,
      }),
    );
  });

  it("names the first invalid field instead of applying", async () => {
    const onApply = vi.fn();
    const { stdin, lastFrame } = render(
      <RefineScreen isActive options={{ count: 5, style: "loud" }} onApply={onApply} onCancel={() => {}} />,
    );
    await waitForFrame(lastFrame, "❯ count");
    stdin.write(keys.enter);
    await waitForFrame(lastFrame, "style must be one of");
    expect(onApply).not.toHaveBeenCalled();
    expect(parseRefine({ count: "0", style: "", tlds: "", maxLength: "", include: "", exclude: "" })).toMatch(/count/);
  });
});

describe("ShortlistScreen", () => {
  it("lists entries; removes, copies and exports with keys", async () => {
    const entries = [
      { domain: "a.com", confidence: 0.9, description: "bakery", addedAt: "2026-11-28T10:00:00Z" },
      { domain: "b.io", confidence: 0.8, description: "bakery", addedAt: "2026-11-28T10:00:00Z" },
    ];
    const onRemove = vi.fn();
    const onCopy = vi.fn();
    const onExport = vi.fn();
    const onBack = vi.fn();
    const { stdin, lastFrame } = render(
      <ShortlistScreen
        isActive
        entries={entries}
        path="/tmp/shortlist.json"
        onRemove={onRemove}
        onCopy={onCopy}
        onExport={onExport}
        onBack={onBack}
      />,
    );
    await waitForFrame(lastFrame, "Shortlist (2)");
    stdin.write(keys.down);
    await waitForFrame(lastFrame, "❯ b.io");
    stdin.write("c");
    stdin.write("d");
    stdin.write("x");
    stdin.write("q");
    await vi.waitFor(() => expect(onBack).toHaveBeenCalled());
    expect(onCopy).toHaveBeenCalledWith("b.io");
    expect(onRemove).toHaveBeenCalledWith("b.io");
    expect(onExport).toHaveBeenCalledWith("json");
  });
});

describe("HistoryScreen", () => {
  it("runs a past description again", async () => {
    const onPick = vi.fn();
    const entries = [
      { description: "tea room", at: "2026-11-28T10:00:00.000Z", count: 5 },
      { description: "bike repair", at: "2026-11-27T10:00:00.000Z", count: 5 },
    ];
    const { stdin, lastFrame } = render(<HistoryScreen isActive entries={entries} onPick={onPick} onBack={() => {}} />);
    await waitForFrame(lastFrame, "❯ tea room");
    stdin.write(keys.down);
    await waitForFrame(lastFrame, "❯ bike repair");
    stdin.write(keys.enter);
    await vi.waitFor(() => expect(onPick).toHaveBeenCalledWith("bike repair"));
  });
});

describe("ModelScreen", () => {
  it("loads the typed model and shows why it could not", async () => {
    const onApply = vi.fn(async () => "The model file /m.gguf does not exist.");
    const { stdin, lastFrame } = render(<ModelScreen isActive current="demo" onApply={onApply} onBack={() => {}} />);
    await waitForFrame(lastFrame, "now: demo");
    stdin.write("/m.gguf");
    await waitForFrame(lastFrame, "/m.gguf");
    stdin.write(keys.tab);
    await waitForFrame(lastFrame, "❯ adapter");
    stdin.write("/l.gguf");
    await waitForFrame(lastFrame, "/l.gguf");
    stdin.write(keys.enter);
    await waitForFrame(lastFrame, "does not exist");
    expect(onApply).toHaveBeenCalledWith("/m.gguf", "/l.gguf");
  });
});

describe("HelpOverlay and ProgressView", () => {
  it("lists the keys", () => {
    const { lastFrame } = render(<HelpOverlay />);
    expect(lastFrame()).toContain("regenerate");
    expect(lastFrame()).toContain("shortlist");
  });

  it("shows the phase, a bar, the percentage, elapsed time and an ETA", () => {
    const { lastFrame } = render(
      <ProgressView
        state={{ title: "dataset demo", phase: "generate", done: 250, total: 1000, lines: ["train 200"] }}
        elapsedMs={2_000}
      />,
    );
    const frame = lastFrame() ?? "";
    expect(frame).toContain("dataset demo");
    expect(frame).toMatch(/generate\s+████████░{22}\s+25% 250\/1000/);
    expect(frame).toContain("elapsed 2.0s · eta 6.0s");
    expect(frame).toContain("train 200");
  });
});
