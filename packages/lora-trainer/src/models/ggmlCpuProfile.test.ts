import { expect, it } from "vitest";
import { ggmlCpuProfile } from "./ggmlCpuProfile.js";

it("names the ggml-cpu variants it models", () => {
  expect(ggmlCpuProfile("zen4")).toEqual({ lanes: 16, avx512bf16: true });
  expect(ggmlCpuProfile("icelake")).toEqual({ lanes: 16, avx512bf16: false });
  expect(ggmlCpuProfile("haswell")).toEqual({ lanes: 8, avx512bf16: false });
  expect(ggmlCpuProfile("sse42")).toBeUndefined();
});
