import { join } from "node:path";
import { readJsonlRows } from "./jsonl.js";

interface ChatRow {
  messages: { role: string; content: string }[];
}

interface MetaRow {
  id: string;
  group: string;
  category: string;
}

/** A test-split description the model under evaluation never trained on, not even through a sibling of its group. */
export interface HeldOutItem {
  id: string;
  group: string;
  category: string;
  description: string;
}

/** Options for {@link heldOutItems}. */
export interface HeldOutItemsOptions {
  /** A dataset folder with `<split>.jsonl` and `<split>.meta.jsonl` (e.g. `datasets/v1`). */
  datasetDir: string;
  /** Defaults to "test". */
  split?: string;
  /** Training files (chat JSONL) whose user turns must not share a group with a returned item. */
  trainedOn: readonly string[];
  /** Categories to keep. Defaults to business, nonce and near-miss (blocked rows have no names to score). */
  categories?: readonly string[];
}

const userTurn = (row: ChatRow) => row.messages.find((message) => message.role === "user")?.content ?? "";

/**
 * The split's rows whose whole business group is absent from the training files: a group is dropped when any of
 * its descriptions appears verbatim in them. Guards against models trained on an older split of the same data
 * (base-v1's mix predates dataset-gen's group-level split fix).
 */
export async function heldOutItems(
  options: HeldOutItemsOptions,
): Promise<{ items: HeldOutItem[]; droppedGroups: string[] }> {
  const split = options.split ?? "test";
  const categories = new Set(options.categories ?? ["business", "nonce", "near-miss"]);
  const chats = await readJsonlRows<ChatRow>(join(options.datasetDir, `${split}.jsonl`));
  const metas = await readJsonlRows<MetaRow>(join(options.datasetDir, `${split}.meta.jsonl`));
  const seen = new Set<string>();
  for (const file of options.trainedOn) for (const row of await readJsonlRows<ChatRow>(file)) seen.add(userTurn(row));
  const rows = chats.map((chat, i) => ({ ...(metas[i] as MetaRow), description: userTurn(chat) }));
  const leaked = new Set(rows.filter((row) => seen.has(row.description)).map((row) => row.group));
  const items = rows
    .filter((row) => !leaked.has(row.group) && categories.has(row.category))
    .map(({ id, group, category, description }) => ({ id, group, category, description }));
  return { items, droppedGroups: [...leaked].sort() };
}
