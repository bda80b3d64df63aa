import { describe, expect, it } from "vitest";
import { InsufficientMemoryError } from "./errors.js";
import { assertFits, estimateMemory, WASM_HEAP_LIMIT_BYTES } from "./memory.js";
import { DecoderModel } from "./models/DecoderModel.js";
import { qwen25Config, specSource } from "./testing/specSource.js";

describe("estimateMemory", () => {
  it("counts a Qwen2.5-0.5B-shaped Q8_0 file's parameters and bytes per dtype", () => {
    const config = qwen25Config("0.5B");
    const report = estimateMemory(specSource(config), config, { backend: "wasm", tokens: 64 });
    expect(report.parameters).toBe(494_032_768);
    expect(report.weightBytes).toBeGreaterThan(494_032_768 * 4);
    expect(Object.keys(report.fileBytesByType).sort()).toEqual(["F32", "Q8_0"]);
    expect(report.fileBytesByType["Q8_0"]).toBe(((494_032_768 - 24 * (896 * 2 + 896 + 256) - 896) / 32) * 34);
    expect(report.limitBytes).toBe(WASM_HEAP_LIMIT_BYTES);
    expect(report.fits).toBe(true);
  });

  it("budgets XNNPACK's packed copy of the layers' matmul weights on wasm only", () => {
    const config = qwen25Config("0.5B");
    const wasm = estimateMemory(specSource(config), config, { backend: "wasm", tokens: 64 });
    expect(wasm.packedBytes).toBe(24 * 14_909_440 * 4); // every projection; the head is a left-hand operand
    const live = wasm.weightBytes + wasm.packedBytes + wasm.workingBytes;
    expect(wasm.totalBytes).toBe(Math.round(live * 1.12)); // measured heap growth beyond the live tensors
    expect(wasm.fits).toBe(true);
    expect(estimateMemory(specSource(config), config, { backend: "cpu", tokens: 64 }).packedBytes).toBe(0);
  });

  it("refuses a Qwen2.5-3B shape on wasm with the numbers and a pointer to tfjs-node", () => {
    const config = qwen25Config("3B");
    const report = estimateMemory(specSource(config, "qwen3b.gguf"), config, { backend: "wasm" });
    expect(report.parameters).toBe(3_085_938_688);
    expect(report.fits).toBe(false);
    expect(() => assertFits(report, "qwen3b.gguf")).toThrow(InsufficientMemoryError);
    expect(() => assertFits(report, "qwen3b.gguf")).toThrow(/qwen3b\.gguf: 11\.\d+ GiB of float32 weights .*tfjs-node/);
  });

  it("grows the working estimate with the planned tokens", () => {
    const config = qwen25Config("0.5B");
    const small = estimateMemory(specSource(config), config, { backend: "wasm", tokens: 16 });
    const large = estimateMemory(specSource(config), config, { backend: "wasm", tokens: 512 });
    expect(large.workingBytes).toBeGreaterThan(small.workingBytes * 20);
    expect(large.fits).toBe(false);
  });
});

describe("DecoderModel.fromSource memory check", () => {
  it("rejects a model that cannot fit before reading any tensor data", async () => {
    const source = specSource(qwen25Config("3B"), "qwen3b.gguf"); // reading data would throw a plain Error
    const lines: string[] = [];
    await expect(DecoderModel.fromSource(source, { backend: "wasm", log: (l) => lines.push(l) })).rejects.toThrow(
      InsufficientMemoryError,
    );
    expect(lines.join("\n")).toMatch(/3,085,938,688 parameters; file (F32|Q8_0) [\d,]+ B/);
  });
});
