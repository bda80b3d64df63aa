import { defineProject } from "vitest/config";

export default defineProject({
  test: { name: "@nomen/lora-trainer", include: ["src/**/*.test.{ts,tsx}"] },
});
