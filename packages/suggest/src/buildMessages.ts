import { SYSTEM_PROMPT } from "@nomen/dataset-gen/format";
import type { ChatMessage } from "@nomen/metal-runtime";
import type { ResolvedRequest } from "./request.js";

/** Options for {@link buildMessages}. */
export interface BuildMessagesOptions {
  /** Defaults to the dataset's `SYSTEM_PROMPT`: the model must see the prompt it was trained with. */
  systemPrompt?: string;
  /**
   * Append a "Style: … Language: …" line to the user turn. Off by default: the default model was trained
   * on bare descriptions; turn it on for instruction-tuned models (e.g. Qwen2.5-3B-Instruct, remote engines).
   */
  promptHints?: boolean;
}

/** The chat turns for one request: the training-time system prompt and the description as the user turn. */
export function buildMessages(request: ResolvedRequest, options: BuildMessagesOptions = {}): ChatMessage[] {
  const hints: string[] = [];
  if (options.promptHints) {
    if (request.style !== "any") hints.push(`Style: ${request.style}.`);
    if (request.language !== "en") hints.push(`Language: ${request.language}.`);
  }
  const user = hints.length ? `${request.description}\n${hints.join(" ")}` : request.description;
  return [
    { role: "system", content: options.systemPrompt ?? SYSTEM_PROMPT },
    { role: "user", content: user },
  ];
}
