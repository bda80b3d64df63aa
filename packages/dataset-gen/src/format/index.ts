/**
 * @module @nomen/dataset-gen/format — The training/serving contract only (system prompt, assistant-turn JSON, record
 * shapes, JSONL), without the generator's word lists: cheap to import from the runtime and the trainer.
 */
export {
  type AssistantTurn,
  BLOCKED_TURN,
  formatAssistantTurn,
  parseAssistantTurn,
  SYSTEM_PROMPT,
} from "./assistantTurn.js";
export { formatJsonl, parseJsonl } from "./jsonl.js";
export { type ChatRecord, type CompletionRecord, toChatRecord, toCompletionRecord } from "./records.js";
