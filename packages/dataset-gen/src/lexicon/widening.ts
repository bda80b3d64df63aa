/**
 * How WordNet widens the curated taxonomy: each rule takes the hyponyms of a noun's first sense (down to `depth`),
 * keeps short lowercase lemmas, caps the count, and turns each into a business type through `template`.
 */
export interface WideningRule {
  industry: string;
  lemma: string;
  depth: number;
  /** `{}` is replaced by the hyponym ("{} bakery" + "rye bread" → "rye bread bakery"). */
  template: string;
  max: number;
}

const rule = (industry: string, lemma: string, depth: number, template: string, max = 30): WideningRule => ({
  industry,
  lemma,
  depth,
  template,
  max,
});

export const WIDENING_RULES: readonly WideningRule[] = [
  rule("retail", "shop", 1, "{}", 60),
  rule("restaurant", "restaurant", 1, "{}"),
  rule("travel", "hotel", 1, "{}"),
  rule("education", "school", 1, "{}"),
  rule("music", "musical_instrument", 2, "{} shop", 40),
  rule("agriculture", "berry", 1, "{} farm", 20),
  rule("agriculture", "vegetable", 1, "{} farm", 25),
  rule("agriculture", "citrus", 2, "{} orchard", 15),
  rule("agriculture", "flower", 1, "{} nursery", 25),
  rule("sports", "sport", 2, "{} club", 45),
  rule("pets", "dog", 2, "{} breeder", 30),
  rule("fashion", "fabric", 1, "{} shop", 30),
  rule("fashion", "headdress", 1, "{} maker", 10),
  rule("fashion", "jewelry", 1, "{} boutique", 12),
  rule("bakery", "bread", 1, "{} bakery", 25),
  rule("bakery", "cookie", 1, "{} bakery", 20),
  rule("bakery", "candy", 1, "{} shop", 25),
  rule("bar", "beer", 2, "{} brewery", 12),
  rule("bar", "wine", 2, "{} bar", 20),
  rule("wellness", "cosmetic", 1, "{} brand", 8),
  rule("health", "medical_specialty", 1, "{} clinic", 40),
  rule("finance", "financial_institution", 1, "{}", 10),
  rule("childcare", "toy", 1, "{} shop", 30),
  rule("realestate", "dwelling", 1, "{} rentals", 12),
  rule("crafts", "skilled_worker", 1, "{} services", 40),
  rule("games", "game", 2, "{} club", 40),
  rule("crafts", "plant", 1, "{}", 15),
  rule("restaurant", "soup", 1, "{} kitchen", 20),
  rule("restaurant", "sandwich", 1, "{} shop", 20),
  rule("grocery", "cheese", 1, "{} shop", 15),
  rule("grocery", "sauce", 1, "{} company", 25),
  rule("restaurant", "seafood", 1, "{} shack", 12),
  rule("transport", "boat", 2, "{} charter", 30),
  rule("home", "tool", 1, "{} rental", 25),
  rule("retail", "furniture", 1, "{} store", 20),
  rule("seniors", "caregiver", 1, "{} services", 10),
];

/** Lemmas never used, from any source (offensive, or odd as a business). */
export const LEXICON_STOPLIST: ReadonlySet<string> = new Set(
  "pussy|cock|pill pusher|pill roller|fisticuffs|war paint|blackface|malware|spyware|hunt|hunting|slaughterer|bomber|red hot|kiss|candy kiss|fagot|faggot|fleabag|greasy spoon|gunboat|guard boat|military vehicle|rocket|projectile|public charity|alma mater|medical man|negro pepper|bling bling|suds|plonk|hooch|pruno|crammer|coiner|moneyer|betting shop|forensic medicine|forensic pathology|still|mint|disposal plant|devil tree|nappy|diaper|head shop|pillow fight|post office|package store|loan office|pawnshop|central bank|giro|acquirer|court|tech|crab|gang|hack|bender|clincher|eolith|neolith|paleolith|julienne|rabbit food|cuke|pugilism|rassling|funambulism|bones|sack|hock|altar wine|sacramental wine|cold duck|bleu|stock|hero|grinder|bomber|zep|torpedo|wedge|western|lighter|hoy|junk|packet|fireboat|lid|seat|counter|nest|fitment|lodge|indian lodge|hearth|fireside|cliff dwelling|lake dwelling|pile dwelling|messuage|catchfly|pink|bloomer|pilewort|toy|cur|mongrel|feist|fice|pariah dog|barker|mutt|snap|patty|kiss|depilator|minter|lineman|linesman|founder|cutter|crewman|airman|aquanaut|oceanaut|armorer|highlighter|pencil|smelter|refinery|saltworks|canteen|commissary|chain store|booth|loan office|tourist court|grade school|religious school|public school|graduate school|secondary school|middle school|coffin|bier|casket|doldrums|languor|hooks|fist|ticker|bosom|pump|shahadah|salat|sawm|zakat|hajj|calculus|urolith|ptyalith|belay|mess|heap|hatful|deal|lot|batch|tartar|pusher|slug|curl|suture|ligature|ambages|warpath|pyx|hod|soapbox|cuboid|bologram|ticktack|foghorn|alarm|fohn|khamsin|levanter|contact|meniscus|monocle|lense|squamule|sepal|pinna|plastid|granule|senega|calamus|locoweed|sesbania|guar|hepatica|mayapple|shittah|catechu|huisache|siris|inga|guama|dita|puka|cockspur|wattle|arariba|albizzia|incus|manus|mitt|eohippus|rowel|noria|trundle|corduroy|clearway|causeway|picnic|pushover|walkover|cinch|spume|head|hooter|curiosa|bestiary|copybook|ala|halter|pennon|emperor|ribier|cowherb|silene|lychnis|sandwort|nigella|presidio|sconce|alcazar|leger|linchpin|lynchpin|index|range|scope|ambit|domain|area|field|arena|set|equator|epicycle|drey|nidus|aerie|latchkey|passkey|hvac|devops|saas|api|seo|vpn|rpg|diy|bbq|ev|dj|rc|pr|it|kids|gift|card|tax|drug|rehab|kills|pest".split(
    "|",
  ),
);
