import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { defaultConfig, loadConfig } from "./config.js";
import { ApiConfigError } from "./errors.js";

function configFile(content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), "nomen-api-config-")), "api.json");
  writeFileSync(path, content);
  return path;
}

describe("loadConfig", () => {
  it("layers defaults < file < environment < overrides", () => {
    const file = configFile(JSON.stringify({ port: 9000, host: "0.0.0.0", queue: { concurrency: 4, maxQueued: 8 } }));
    const config = loadConfig({
      file,
      env: { NOMEN_API_PORT: "9100", NOMEN_API_CORS_ORIGINS: "https://a.example, https://b.example" },
      overrides: { port: 9200 },
    });
    expect(config).toMatchObject({
      host: "0.0.0.0",
      port: 9200,
      queue: { concurrency: 4, maxQueued: 8 },
      corsOrigins: ["https://a.example", "https://b.example"],
      bodyLimitBytes: defaultConfig.bodyLimitBytes,
    });
  });

  it("reads the file named by NOMEN_API_CONFIG", () => {
    const file = configFile(JSON.stringify({ maxDescriptionLength: 99 }));
    expect(loadConfig({ env: { NOMEN_API_CONFIG: file } }).maxDescriptionLength).toBe(99);
  });

  it.each([
    ["an unknown key", JSON.stringify({ prot: 1 }), /prot/],
    ["a wrong type", JSON.stringify({ port: "80" }), /port/],
    ["not JSON", "port: 80", /not a JSON object/],
  ])("names the problem in %s", (_name, content, message) => {
    const error = (() => {
      try {
        loadConfig({ file: configFile(content), env: {} });
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(ApiConfigError);
    expect((error as Error).message).toMatch(message);
  });

  it("reads the trusted proxy settings from the environment (one hop unless told)", () => {
    expect(loadConfig({ env: { NOMEN_API_TRUST_PROXY: "true" } })).toMatchObject({
      trustProxy: true,
      trustedProxyHops: 1,
    });
    const two = loadConfig({ env: { NOMEN_API_TRUST_PROXY: "true", NOMEN_API_TRUSTED_PROXY_HOPS: "2" } });
    expect(two.trustedProxyHops).toBe(2);
    expect(() => loadConfig({ env: { NOMEN_API_TRUSTED_PROXY_HOPS: "0" } })).toThrow(/trustedProxyHops/);
  });

  it("rejects a non-numeric port variable", () => {
    expect(() => loadConfig({ env: { NOMEN_API_PORT: "eighty" } })).toThrow(/NOMEN_API_PORT must be a number/);
  });
});
