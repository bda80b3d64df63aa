// The README's example: a tiny random-weight model, grammar-constrained suggestions, streamed.
import { loadRuntime } from "@nomen/metal-runtime";
import { writeTinyModel } from "@nomen/metal-runtime/testing";

const tiny = await writeTinyModel(); // stands in for a real Qwen2/Llama GGUF
await using runtime = await loadRuntime({ gpu: "auto" });
console.log(runtime.backend);

const model = await runtime.loadModel({ modelPath: tiny.path });
const generator = await model.createGenerator({ sequences: 2 });
const result = await generator.generateSuggestions({
  messages: [
    { role: "system", content: "Suggest domain names for this business. Reply in JSON." },
    { role: "user", content: "A family bakery in Lyon" },
  ],
  count: 3,
  tlds: ["com", "fr"],
  maxLabelLength: 12,
  allowDigits: false,
  seed: 7,
  onSuggestion: (s) => console.log("streamed:", s.domain, s.confidence.toFixed(3)),
});
console.log(result.text, result.finishReason, result.tokens);
await tiny.dispose();
