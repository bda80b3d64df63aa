/** One complete string item of the `suggestions` array, with its character span in the full text. */
export interface ParsedItem {
  value: string;
  /** Offset of the first character inside the quotes. */
  start: number;
  /** Offset just past the last character inside the quotes. */
  end: number;
}

const ARRAY_START = /"suggestions"\s*:\s*\[/;

/**
 * Finds the items of `{"suggestions":[...]}` while the text is still arriving, so each one can be
 * streamed the moment its closing quote lands. Tolerates whitespace (remote servers may not use our
 * grammar); a string cut off by `maxTokens` is never reported.
 */
export class SuggestionStreamParser {
  #text = "";
  #cursor = -1;
  #closed = false;

  /** All text seen so far. */
  get text(): string {
    return this.#text;
  }

  /** Whether the array's closing `]` has arrived. */
  get closed(): boolean {
    return this.#closed;
  }

  /** Appends a chunk and returns the items it completed. */
  push(chunk: string): ParsedItem[] {
    this.#text += chunk;
    const items: ParsedItem[] = [];
    if (this.#cursor < 0) {
      const match = ARRAY_START.exec(this.#text);
      if (!match) return items;
      this.#cursor = match.index + match[0].length;
    }
    while (!this.#closed && this.#cursor < this.#text.length) {
      const char = this.#text[this.#cursor] as string;
      if (char === "]") {
        this.#closed = true;
      } else if (char === '"') {
        const end = findClosingQuote(this.#text, this.#cursor + 1);
        if (end < 0) break;
        const raw = this.#text.slice(this.#cursor, end + 1);
        items.push({ value: safeParseString(raw), start: this.#cursor + 1, end });
        this.#cursor = end + 1;
        continue;
      }
      this.#cursor++;
    }
    return items;
  }

  /** The `status` field of the finished object, if the whole text parses as JSON. */
  status(): string | undefined {
    try {
      const parsed: unknown = JSON.parse(this.#text);
      const status = (parsed as { status?: unknown } | null)?.status;
      return typeof status === "string" ? status : undefined;
    } catch {
      return undefined;
    }
  }
}

function findClosingQuote(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === "\\") i++;
    else if (text[i] === '"') return i;
  }
  return -1;
}

function safeParseString(raw: string): string {
  try {
    return JSON.parse(raw) as string;
  } catch {
    return raw.slice(1, -1);
  }
}
