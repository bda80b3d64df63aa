import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createFakeAvailability, createFakeSuggester } from "@nomen/api/testing";
import { render } from "ink-testing-library";
import { describe, expect, it, vi } from "vitest";
import type { Backend } from "../backend.js";
import { History } from "../store/History.js";
import { Shortlist } from "../store/Shortlist.js";
import { tempDir } from "../testing/tempDir.js";
import { keys, waitForFrame } from "../testing/waitForFrame.js";
import { App } from "./App.js";

function setup(overrides: { switchBackend?: () => Promise<Backend>; msPerSuggestion?: number } = {}) {
  const dataDir = tempDir("nomen-app-");
  const exportDir = tempDir("nomen-export-");
  const backend: Backend = {
    suggester: createFakeSuggester({ msPerSuggestion: overrides.msPerSuggestion ?? 1 }),
    availability: createFakeAvailability(),
    label: "test backend",
    dispose: async () => {},
  };
  const copy = vi.fn();
  const onQuit = vi.fn();
  const instance = render(
    <App
      backend={backend}
      switchBackend={overrides.switchBackend ?? (async () => backend)}
      shortlist={new Shortlist({ dataDir })}
      history={new History({ dataDir })}
      copy={copy}
      exportDir={exportDir}
      initialOptions={{ count: 3 }}
      checkAvailability
      onQuit={onQuit}
    />,
  );
  return { ...instance, dataDir, exportDir, copy, onQuit };
}

async function describeBusiness(app: ReturnType<typeof setup>, text: string) {
  await waitForFrame(app.lastFrame, "Describe the business");
  app.stdin.write(text);
  await waitForFrame(app.lastFrame, text);
  app.stdin.write(keys.enter);
  return waitForFrame(app.lastFrame, (frame) => (frame.match(/✓ available/g) ?? []).length === 3);
}

describe("App", () => {
  it("streams suggestions for a typed description, with confidence bars and availability badges", async () => {
    const app = setup({ msPerSuggestion: 30 });
    await waitForFrame(app.lastFrame, "Describe the business");
    app.stdin.write("organic coffee shop");
    await waitForFrame(app.lastFrame, "organic coffee shop");
    app.stdin.write(keys.enter);
    const partial = await waitForFrame(app.lastFrame, "organiccoffee.com");
    expect(partial).toContain("generating…");
    const frame = await waitForFrame(app.lastFrame, (f) => (f.match(/✓ available/g) ?? []).length === 3);
    expect(frame).toMatch(/❯ organiccoffee\.com\s+██████████\s+95% ✓ available/);
    expect(frame).not.toContain("generating…");
    app.unmount();
  });

  it("shortlists (persisted), copies and exports CSV and JSON", async () => {
    const app = setup();
    await describeBusiness(app, "bike repair");
    app.stdin.write(keys.down);
    await waitForFrame(app.lastFrame, "❯ repairhq1.com");
    app.stdin.write("s");
    await waitForFrame(app.lastFrame, "★ repairhq1.com shortlisted");
    const saved = JSON.parse(readFileSync(join(app.dataDir, "shortlist.json"), "utf8"));
    expect(saved).toEqual([expect.objectContaining({ domain: "repairhq1.com", description: "bike repair" })]);
    app.stdin.write("c");
    await waitForFrame(app.lastFrame, "copied repairhq1.com");
    expect(app.copy).toHaveBeenCalledWith("repairhq1.com");
    app.stdin.write("e");
    await waitForFrame(app.lastFrame, "exported 3 to");
    app.stdin.write("x");
    await waitForFrame(app.lastFrame, /exported 3 to .*\.json/.test.bind(/exported 3 to .*\.json/));
    const files = readdirSync(app.exportDir).sort();
    expect(files.map((file) => file.split(".").pop())).toEqual(["csv", "json"]);
    const csv = readFileSync(join(app.exportDir, files[0]!), "utf8");
    expect(csv.split("\r\n")[0]).toBe("domain,confidence,availability");
    expect(csv).toContain("bikerepair.com,0.95,available");
    app.stdin.write("l");
    await waitForFrame(app.lastFrame, "Shortlist (1)");
    app.unmount();
  });

  it("refines the request and regenerates", async () => {
    const app = setup();
    await describeBusiness(app, "tea room");
    app.stdin.write("f");
    await waitForFrame(app.lastFrame, "Refine");
    app.stdin.write(keys.tab);
    app.stdin.write(keys.tab);
    await waitForFrame(app.lastFrame, "❯ TLDs");
    app.stdin.write("io");
    await waitForFrame(app.lastFrame, /TLDs \(comma-separated\)\s+io/.test.bind(/TLDs \(comma-separated\)\s+io/));
    app.stdin.write(keys.enter);
    const frame = await waitForFrame(app.lastFrame, (f) => (f.match(/\.io\s/g) ?? []).length === 3 && !f.includes("…"));
    expect(frame).not.toContain(".com");
    app.unmount();
  });

  it("keeps a history, shows help, reports a failed model switch, and quits", async () => {
    const app = setup({
      switchBackend: async () => {
        throw new Error("The model file /nope.gguf does not exist.");
      },
    });
    await describeBusiness(app, "dog grooming");
    app.stdin.write("h");
    await waitForFrame(app.lastFrame, "❯ dog grooming");
    expect(JSON.parse(readFileSync(join(app.dataDir, "history.json"), "utf8"))[0].description).toBe("dog grooming");
    app.stdin.write(keys.escape);
    await waitForFrame(app.lastFrame, "Names for: dog grooming");
    app.stdin.write("?");
    await waitForFrame(app.lastFrame, "any key closes this help");
    app.stdin.write(" ");
    await waitForFrame(app.lastFrame, (f) => !f.includes("any key closes this help"));
    app.stdin.write("m");
    await waitForFrame(app.lastFrame, "now: test backend");
    app.stdin.write("/nope.gguf");
    await waitForFrame(app.lastFrame, "/nope.gguf");
    app.stdin.write(keys.enter);
    await waitForFrame(app.lastFrame, "does not exist");
    app.stdin.write(keys.escape);
    await waitForFrame(app.lastFrame, "Names for: dog grooming");
    app.stdin.write("q");
    await vi.waitFor(() => expect(app.onQuit).toHaveBeenCalled());
    app.unmount();
  });
});
