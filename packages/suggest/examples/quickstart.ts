// The README's example: the whole pipeline on a tiny random-weight model.
import { writeTinyModel } from "@nomen/metal-runtime/testing";
import { createSuggester } from "@nomen/suggest";

const tiny = await writeTinyModel(); // stands in for the trained default model
await using suggester = await createSuggester({ model: tiny.path, gpu: false, seed: 2 });

const request = { business_description: "A family bakery in Lyon", count: 3, tlds: ["com", "fr"], max_length: 12 };
console.log(JSON.stringify(await suggester.suggest(request)));
for await (const item of suggester.stream(request)) console.log("streamed", JSON.stringify(item));
console.log(JSON.stringify(await suggester.suggest({ business_description: "Buy cocaine online" })));
await suggester.suggest({ business_description: "   " }).catch((e) => console.log(e.name, e.message));
await tiny.dispose();
