/** Small curated word lists the descriptions are built from. */

const list = (text: string): readonly string[] => text.split("|");

/** Tones a brief asks for; each biases which naming strategies the teacher leads with. */
export const TONES = [
  "playful",
  "premium",
  "minimal",
  "bold",
  "friendly",
  "techy",
  "classic",
  "eco",
  "quirky",
  "calm",
] as const;
export type Tone = (typeof TONES)[number];

/** How each tone is said in a brief. */
export const TONE_PHRASES: Readonly<Record<Tone, readonly string[]>> = {
  playful: list("playful|fun|cheeky|lighthearted|whimsical"),
  premium: list("premium|upscale|luxury|high-end|elegant"),
  minimal: list("minimal|clean|simple|understated|modern"),
  bold: list("bold|punchy|loud|daring|confident"),
  friendly: list("friendly|warm|welcoming|approachable|neighborly"),
  techy: list("techy|futuristic|innovative|cutting-edge|smart"),
  classic: list("classic|timeless|traditional|old-school|heritage"),
  eco: list("eco-friendly|sustainable|green|earthy|natural"),
  quirky: list("quirky|offbeat|weird|eclectic|indie"),
  calm: list("calm|peaceful|serene|gentle|soothing"),
};

/** Qualities that describe a business; also used in names (adjective + keyword). */
export const QUALITIES: readonly string[] = list(
  "artisan|organic|local|family-run|independent|small|cozy|modern|rustic|urban|vintage|mobile|boutique|handmade|budget|affordable|express|premium|eco|fresh|golden|little|bright|happy|honest|wild|quiet|lucky|royal|clever|swift|simple|true|noble|bold|brave|sunny|lazy|merry|humble|proud|open|pure|rapid|smart|tiny|grand|prime|silver|green|blue|red|urban|coastal|alpine|nordic|northern|southern|hidden|secret|friendly|gentle|classic|native|crafty|busy|kind|sharp|steady|vivid|velvet|copper|amber|crimson|ivory|jade|cedar|maple|willow|sage|mint|coral|indigo|scarlet|rosy|misty|dusty|salty|sweet|spicy|zesty|crisp|cosmic|lunar|solar|polar|daily|weekly|nightly|early|late|first|next|new|old|young|big|mighty",
);

/** Who the business serves. */
export const AUDIENCES: readonly string[] = list(
  "families|students|busy professionals|remote workers|tourists|retirees|young parents|startups|small businesses|dog owners|cat lovers|foodies|athletes|gamers|artists|musicians|developers|nurses|teachers|commuters|expats|newlyweds|college kids|seniors|teenagers|freelancers|hikers|cyclists|book lovers|coffee snobs|home cooks|first-time buyers|landlords|nonprofits|local shops|creators|designers|gardeners|runners|new moms",
);

/** Selling points; the long tiers string several together. */
export const SELLING_POINTS: readonly string[] = list(
  "same-day delivery|free consultations|open late every night|a loyalty program|eco packaging|online booking|a 100% satisfaction guarantee|weekend workshops|locally sourced ingredients|24/7 support|transparent pricing|a subscription plan|a cozy lounge|pop-up events|home visits|gift cards|fast turnaround|a mobile app|certified experts|flexible hours|a money-back promise|group discounts|curbside pickup|seasonal specials|a members' club|custom orders|friendly staff|zero-waste practices|bilingual service|wheelchair access",
);

/** Stock marketing phrases for the run-on paragraph tier. */
export const HYPE: readonly string[] = list(
  "we are passionate about what we do|quality is our obsession|we put our customers first|we are redefining the industry|our team brings years of experience|we believe in community|every detail matters to us|we love what we do|we are growing fast|we are committed to excellence|innovation is in our DNA|we care about the planet|our story started in a tiny garage|we want to be the go-to place|people keep coming back|we are unlike anyone else|we are small but mighty|we dream big",
);

export const EMOJI: readonly string[] = list(
  "☕|🍕|🐶|🐱|🌱|🚀|✨|💡|🎨|🎵|🏠|🚗|💪|🧘|📚|🍰|🍺|🌮|💼|🔧|🌍|❤️|🔥|⭐|😊|🎉|🌸|🥐|🛠️|💻",
);

/** Words that carry no business meaning (never used as keywords). */
export const STOPWORDS: ReadonlySet<string> = new Set(
  list(
    "a|an|the|and|or|for|of|to|in|on|at|that|with|by|from|s|my|our|your|its|it|is|are|who|which|de|la|el|los|las|le|les|du|des|et|y|und|der|die|das|für|für|mit|en|para|pour|avec",
  ),
);

/** Generic head nouns that nonce-word businesses are built on ("kypimyrt repair shop"). */
export const NONCE_HEADS: readonly string[] = list(
  "shop|studio|repair shop|bakery|cafe|clinic|agency|salon|store|kitchen|gym|school|farm|bar|market|garage|workshop|lab|boutique|services|company|tours|rentals|academy|club|brewery|gallery|supply|co|app|consulting|press|foods|cleaning|care|design|house|hub|collective|works",
);
