import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCliConfig } from "./config.js";
import { ConfigFileError } from "./errors.js";
import { tempDir } from "./testing/tempDir.js";

const dir = () => tempDir("nomen-cli-config-");

describe("loadCliConfig", () => {
  it("layers defaults < config file < flags", () => {
    const cwd = dir();
    writeFileSync(join(cwd, "nomen.config.yaml"), "count: 7\ntlds: [com, io]\nstyle: short\n");
    const config = loadCliConfig({ cwd, env: { XDG_DATA_HOME: "/data" }, flags: { count: 3, style: undefined } });
    expect(config).toMatchObject({ count: 3, tlds: ["com", "io"], style: "short", dataDir: "/data/nomen" });
    expect(config.configFile).toBe(join(cwd, "nomen.config.yaml"));
  });

  it("uses the defaults without a file", () => {
    const config = loadCliConfig({ cwd: dir(), env: { XDG_CONFIG_HOME: dir() } });
    expect(config).toMatchObject({ count: 10, checkAvailability: true, runsDir: "runs" });
    expect(config.configFile).toBeUndefined();
  });

  it.each([
    ["an unknown key", "colour: red\n", /colour/],
    ["a wrong type", "count: lots\n", /count/],
    ["broken YAML", "count: [1,\n", /not valid YAML/],
    ["a list", "- a\n", /must hold a mapping/],
  ])("rejects %s with ConfigFileError", (_name, content, message) => {
    const file = join(dir(), "config.yaml");
    writeFileSync(file, content);
    expect(() => loadCliConfig({ file, env: {} })).toThrow(ConfigFileError);
    expect(() => loadCliConfig({ file, env: {} })).toThrow(message);
  });
});
