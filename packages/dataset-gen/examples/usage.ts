import { formatAssistantTurn, generateDataset, readDatasetCard, SYSTEM_PROMPT, verifyDataset } from "../src/index.js";

const card = await generateDataset({ size: 2000, seed: 7, outDir: "/tmp/nomen-demo" });
console.log(card.splits);
console.log(card.counts.category);
console.log(card.diversity.distinctLabelRatio, card.diversity.topTldShare);
console.log(readDatasetCard({ dir: "/tmp/nomen-demo" }).files["train.jsonl"]?.lines);
const verified = verifyDataset({ dir: "/tmp/nomen-demo" });
console.log(verified.crossSplitNearDuplicates, verified.groupsAcrossSplits.length);
console.log(SYSTEM_PROMPT);
console.log(formatAssistantTurn({ suggestions: ["kypimyrtrepair.com", "kypimyrt.io"] }));
console.log(formatAssistantTurn({ blocked: true }));
