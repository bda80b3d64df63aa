import { readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import * as root from "./index.js";
import * as reader from "./reader.js";

const SRC = dirname(fileURLToPath(import.meta.url));

/** Every source file `entry` loads at run time (type-only imports do not load anything). */
function runtimeGraph(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(/^(?:import|export)\s+(type\s+)?[^;]*?from\s+"(\.[^"]+)\.js";/gms)) {
      if (m[1]) continue;
      visit(join(dirname(file), `${m[2]}.ts`));
    }
  };
  visit(join(SRC, entry));
  return [...seen].map((file) => relative(SRC, file)).sort();
}

describe("@nomen/gguf/reader", () => {
  it("exports the very objects the root exports", () => {
    const rootExports = new Map<string, unknown>(Object.entries(root));
    const readerExports = Object.entries(reader);
    for (const [name, value] of readerExports) expect(rootExports.get(name), name).toBe(value);
    expect(readerExports.length).toBeGreaterThan(20);
  });

  it("loads no quantization, tensor-reading or writing code", () => {
    const graph = runtimeGraph("reader.ts");
    expect(graph).toContain("openGguf.ts");
    expect(graph).toContain("validate/validateModelMetadata.ts");
    const heavy = graph.filter((file) => /^(quant|tinyModel)\/|readTensor|writeGguf|encodeGguf|ByteWriter/.test(file));
    expect(heavy).toEqual([]);
    expect(graph.length).toBeLessThan(runtimeGraph("index.ts").length / 2);
  });
});
