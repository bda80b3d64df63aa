interface TrieNode {
  /** Children by character code: an array slot below 128 (names are mostly ASCII), a map above. */
  readonly ascii: Array<TrieNode | undefined>;
  readonly other: Map<number, TrieNode>;
  /** Position in the word list of the word that ends here, or -1. */
  at: number;
}

const newNode = (): TrieNode => ({ ascii: [], other: new Map(), at: -1 });
const childOf = (node: TrieNode, code: number) => (code < 128 ? node.ascii[code] : node.other.get(code));

/**
 * A character trie over a word list, built once: finds every listed word occurring anywhere in a
 * text in one short walk per start position, instead of one `includes` per word (the filter looks
 * for thousands of marks and a hundred profane and benign words in every name).
 */
export class SubstringTrie {
  readonly #root = newNode();

  constructor(words: readonly string[]) {
    words.forEach((word, at) => {
      let node = this.#root;
      for (let i = 0; i < word.length; i++) {
        const code = word.charCodeAt(i);
        let child = childOf(node, code);
        if (!child) {
          child = newNode();
          if (code < 128) node.ascii[code] = child;
          else node.other.set(code, child);
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
        node = childOf(node, text.charCodeAt(i));
        if (!node) break;
        if (node.at >= 0 && !found.includes(node.at)) found.push(node.at);
      }
    }
    return found.length > 1 ? found.sort((a, b) => a - b) : found;
  }
}
