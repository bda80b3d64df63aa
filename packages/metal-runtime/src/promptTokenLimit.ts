/**
 * GGUF metadata key (uint32) of a base model: the longest prompt, in the model's tokens, that its training showed it.
 * Longer prompts fit a large declared context but sit past anything the model learned from, and a small model
 * answers them with noise (Nomen's 0.84M default model, given a 2,000-character description, spells names like
 * `horthorailyserymenichte.net`). The runtime exposes it as `generator.promptTokenLimit`; `@nomen/suggest` shortens
 * descriptions to fit it as it does for the context. Unset (most GGUFs) means no limit but the context.
 */
export const PROMPT_TOKEN_LIMIT_KEY = "nomen.prompt.max_tokens";
