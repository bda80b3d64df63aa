import { ChatTemplateError } from "../errors.js";
import type { Tokenizer } from "../Tokenizer.js";

/** One chat turn. */
export interface ChatMessage {
  readonly role: "system" | "user" | "assistant";
  readonly content: string;
}

/** Options for {@link applyChatTemplate}. */
export interface ChatTemplateOptions {
  /** End with "<|im_start|>assistant\n" so the model writes the next answer. Defaults to false. */
  addGenerationPrompt?: boolean;
}

/** A rendered conversation. */
export interface ChatTemplateResult {
  /** The ChatML text (what a Jinja ChatML template renders). */
  readonly text: string;
  readonly ids: number[];
  /**
   * 1 for tokens that belong to an assistant answer (its content and its closing `<|im_end|>`, which
   * the model must learn to emit), 0 elsewhere: the completion-only loss mask. A token that straddles
   * the start of an answer (a merged "\n" + content) counts as the answer's.
   */
  readonly assistantMask: Uint8Array;
}

/** The ChatML Jinja template written to GGUF `tokenizer.chat_template` (node-llama-cpp resolves it to ChatML). */
export const CHATML_TEMPLATE =
  "{% for message in messages %}{{'<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n'}}{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";

const ROLES = new Set(["system", "user", "assistant"]);

/**
 * Renders messages as ChatML and tokenizes them with the exact ids llama.cpp gives the rendered text
 * (special tokens parsed), plus the assistant mask. Message content is always encoded as plain text:
 * a user who types "<|im_end|>" gets ordinary characters, never a control token.
 *
 * @example
 * const { ids, assistantMask } = applyChatTemplate(tokenizer, [
 *   { role: "user", content: "Bakery in Lyon" },
 *   { role: "assistant", content: "painlyon.fr" },
 * ]);
 */
export function applyChatTemplate(
  tokenizer: Tokenizer,
  messages: readonly ChatMessage[],
  options: ChatTemplateOptions = {},
): ChatTemplateResult {
  const start = tokenizer.specialTokenId("<|im_start|>");
  const end = tokenizer.specialTokenId("<|im_end|>");
  if (start === undefined || end === undefined)
    throw new ChatTemplateError(
      "ChatML needs the special tokens <|im_start|> and <|im_end|>; this vocabulary lacks them. Hint: train with specialTokens including both.",
    );
  messages.forEach(checkMessage);
  const ids: number[] = [];
  const mask: number[] = [];
  let text = "";
  const push = (tokens: readonly number[], masked: boolean): void => {
    for (const id of tokens) {
      ids.push(id);
      mask.push(masked ? 1 : 0);
    }
  };
  const newline = tokenizer.encode("\n");
  for (const message of messages) {
    const header = `${message.role}\n`;
    const body = tokenizer.encode(header + message.content);
    push([start], false);
    if (message.role === "assistant") {
      // Token i covers bytes [before, after) of the segment; the answer starts at the header's end.
      const headerBytes = header.length;
      let after = 0;
      for (const id of body) {
        after += tokenizer.tokenByteLength(id);
        push([id], after > headerBytes);
      }
    } else push(body, false);
    push([end], message.role === "assistant");
    push(newline, false);
    text += `<|im_start|>${header}${message.content}<|im_end|>\n`;
  }
  if (options.addGenerationPrompt) {
    push([start], false);
    push(tokenizer.encode("assistant\n"), false);
    text += "<|im_start|>assistant\n";
  }
  return { text, ids, assistantMask: Uint8Array.from(mask) };
}

function checkMessage(message: ChatMessage, index: number): void {
  if (typeof message !== "object" || message === null || !ROLES.has(message.role))
    throw new ChatTemplateError(
      `Message ${index} has role ${JSON.stringify((message as { role?: unknown })?.role)}: expected "system", "user" or "assistant".`,
    );
  if (typeof message.content !== "string")
    throw new ChatTemplateError(
      `Message ${index} (${message.role}) has content of type ${typeof message.content}, expected a string.`,
    );
}
