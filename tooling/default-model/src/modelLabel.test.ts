import { describe, expect, it } from "vitest";
import { modelLabel } from "./modelLabel.js";

describe("modelLabel", () => {
  it("names a run's adapter by its folder and keeps the shipped adapter's file name", () => {
    const base = "../../models/runs/base-v1/nomen-base.gguf";
    expect(modelLabel(base)).toBe("nomen-base");
    expect(modelLabel(base, "../../models/runs/base-v1/lora-v8/nomen-lora.gguf")).toBe("nomen-base+lora-v8");
    expect(modelLabel(base, "../../models/nomen-lora.gguf")).toBe("nomen-base+nomen-lora");
    expect(modelLabel(base, "../../models/runs/base-v1/lora-v8/step-340.gguf")).toBe("nomen-base+lora-v8-step-340");
    expect(modelLabel(base, "../../models/runs/base-v1/lora-v17/step-280.gguf")).not.toBe(
      modelLabel(base, "../../models/runs/base-v1/lora-v19/step-280.gguf"),
    );
    expect(modelLabel(base, "../../models/runs/base-v1/lora-v15/step-357-biased.gguf")).toBe(
      "nomen-base+lora-v15-step-357-biased",
    );
    expect(modelLabel("../../models/runs/base-v1/step-40.gguf")).toBe("step-40");
    expect(modelLabel(base, "/tmp/my-adapter.gguf")).toBe("nomen-base+my-adapter");
  });
});
