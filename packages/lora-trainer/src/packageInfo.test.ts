import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { packageInfo } from "./index.js";

describe("packageInfo", () => {
  it("reports the manifest's name and version", () => {
    const manifest = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
    expect(packageInfo).toEqual({ name: manifest.name, version: manifest.version });
    expect(packageInfo.version).toMatch(/^\d+\.\d+\.\d+/);
  });
});
