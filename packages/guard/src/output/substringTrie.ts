interface TrieNode {
  readonly children: Map<number, TrieNode>;
  /** Position in the word list of the word that ends here, or -1. */
  at: number;
}

/**
 * A character trie over a word list, built once: finds every listed word occurring anywhere in a
 * text in one short walk per start position, instead of one `includes` per word (the filter looks
 * for thousands of marks and a hundred profane and benign words in every name).
 */
export class SubstringTrie {
  readonly #root: TrieNode = { children: new Map(), at: -1 };

  constructor(words: readonly string[]) {
    words.forEach((word, at) => {
      let node = this.#root;
      for (let i = 0; i < word.length; i++) {
        const code = word.charCodeAt(i);
        let child = node.children.get(code);
        if (!child) {
          child = { children: new Map(), at: -1 };
          node.children.set(code, child);
        }
        node = child;
      }
      if (node.at < 0) node.at = at;
    });
  }

  /** Positions in the word list of the words occurring in `text`, ascending (list order). */
  indicesIn(text: string): number[] {
    const found: number[] = [];
    for (let start = 0; start < text.length; start++) {
      let node: TrieNode | undefined = this.#root;
      for (let i = start; i < text.length; i++) {
        node = node.children.get(text.charCodeAt(i));
        if (!node) break;
        if (node.at >= 0 && !found.includes(node.at)) found.push(node.at);
      }
    }
    return found.length > 1 ? found.sort((a, b) => a - b) : found;
  }
}
