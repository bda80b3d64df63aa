import { SYSTEM_PROMPT } from "./assistantTurn.js";

/** One chat-format training line (OpenAI / mlx-lm `messages` layout). */
export interface ChatRecord {
  messages: [
    { role: "system"; content: string },
    { role: "user"; content: string },
    { role: "assistant"; content: string },
  ];
}

/** One completion-format training line (mlx-lm `prompt`/`completion` layout; the trainer adds the chat template). */
export interface CompletionRecord {
  prompt: string;
  completion: string;
}

/** The chat line for a description and its exact assistant text (from `formatAssistantTurn`). */
export function toChatRecord(description: string, assistant: string): ChatRecord {
  return {
    messages: [
      { role: "system", content: SYSTEM_PROMPT },
      { role: "user", content: description },
      { role: "assistant", content: assistant },
    ],
  };
}

/** The completion line for a description and its exact assistant text. */
export function toCompletionRecord(description: string, assistant: string): CompletionRecord {
  return { prompt: description, completion: assistant };
}
