/** Building blocks of brandable names (real naming practice: suffix brands, prefix brands, Latin/Greek-ish roots). */

const list = (text: string): readonly string[] => text.split("|");

/** Suffixes appended to a keyword stem ("groom" → "groomly", "groomhub"). */
export const BRAND_SUFFIXES = list(
  "ly|ify|io|hub|lab|labs|co|ster|ora|ia|o|eo|ex|iq|able|wise|nest|base|spot|craft|works|go|kit|box|dock|loop|mint|nova|verse|ful|ology|topia|genie|bee|bird|fox|owl|leaf|root|fleet|folk|mate|pal|buddy|hq|house|point|yard|den|ville|land|scape|sphere|bit|byte|wave|flow|shift|stack|forge|smith|wright|well|field",
);

/** Prefixes prepended to a keyword ("getgroom", "trygroom"). */
export const BRAND_PREFIXES = list(
  "get|try|my|the|go|hey|join|use|we|hello|meet|hi|just|all|pure|true|one|super|ever|real|little|good|neo|re",
);

/** Roots for invented words ("lumi" + "ora" → "lumiora"). */
export const BRAND_ROOTS = list(
  "vita|lumi|nova|terra|aero|sol|vero|zen|kin|aura|flux|orb|vox|lux|mira|nex|cor|vel|ava|pax|ora|sera|tala|ondo|kai|rivo|alto|bela|cala|dova|elo|fira|gala|hali|ivo|juno|kora|lira|mora|nila|oro|pira|quil|rena|sana|tivo|umbra|vela|wila|xeno|yara|zola|arca|brio|cielo|dori|esta|fino|gusto|hola|isla|jova|luma|mosa|nube|opal|prisma|riva|sola|tempo|vida",
);

/** Endings for invented words. */
export const INVENTED_ENDINGS = list("a|o|ia|io|ora|ara|ix|ex|us|on|um|ly|eo|ina|ova|ika|ani|ella|etta|ino");

/** Short, friendly nouns that partner a keyword in alliterative or rhyming names. */
export const PARTNER_NOUNS = list(
  "bee|bloom|box|bay|bird|boat|bean|bell|berry|bridge|brook|cabin|cave|cloud|coast|comet|cove|crown|dash|dawn|deck|dot|dune|fable|fern|field|fig|flame|fleet|fox|frost|garden|gate|glow|grove|harbor|haven|hill|hive|hub|isle|jam|jet|kite|knot|lake|lamp|lane|leaf|light|lime|loft|loop|maple|meadow|mill|moon|moss|nest|north|oak|orbit|path|peak|pearl|pine|pixel|planet|plum|pond|quill|rain|reef|ridge|river|rock|rose|sail|seed|shore|sky|spark|spring|star|stone|storm|sun|swan|thistle|tide|trail|tree|tulip|vale|wave|well|willow|wind|wing|wolf|wood|yard|zest|zone|honey|mango|otter|panda|tiger|lion|bear|hawk|crane|robin|wren|finch|lark|dove|raven|falcon|pepper|ginger|cocoa|olive|cedar|birch|ivy|sage|thyme|basil|lemon|cherry|peach|pear|apple|melon|kiwi|coco",
);
