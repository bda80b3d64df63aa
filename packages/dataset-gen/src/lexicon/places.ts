/** A city the descriptions mention: its country's ccTLD (IANA) and the language its businesses write in. */
export interface City {
  name: string;
  cc: string;
  language: "en" | "es" | "fr" | "de" | "other";
}

const L = (language: City["language"], cc: string, names: string): City[] =>
  names.split("|").map((name) => ({ name, cc, language }));

/** Cities worldwide, grouped by country. */
export const CITIES: readonly City[] = [
  ...L(
    "en",
    "us",
    "New York|Austin|Portland|Chicago|Denver|Seattle|Boston|Miami|Nashville|San Diego|Brooklyn|Oakland|Atlanta|Detroit|Phoenix",
  ),
  ...L("en", "uk", "London|Manchester|Bristol|Leeds|Brighton|Liverpool|Oxford|Cambridge|Scunthorpe|Sheffield"),
  ...L("en", "ie", "Dublin|Cork|Galway"),
  ...L("en", "ca", "Toronto|Vancouver|Calgary|Ottawa|Halifax"),
  ...L("fr", "ca", "Montreal|Quebec City"),
  ...L("en", "au", "Sydney|Melbourne|Brisbane|Perth|Adelaide|Hobart"),
  ...L("en", "nz", "Auckland|Wellington|Queenstown"),
  ...L("en", "za", "Cape Town|Johannesburg|Durban"),
  ...L("en", "in", "Mumbai|Bangalore|Delhi|Pune|Chennai"),
  ...L("en", "sg", "Singapore"),
  ...L("en", "ng", "Lagos|Abuja"),
  ...L("en", "ke", "Nairobi|Mombasa"),
  ...L("es", "es", "Madrid|Barcelona|Valencia|Sevilla|Bilbao|Malaga|Granada"),
  ...L("es", "mx", "Mexico City|Guadalajara|Monterrey|Oaxaca|Puebla"),
  ...L("es", "ar", "Buenos Aires|Cordoba|Mendoza"),
  ...L("es", "co", "Bogota|Medellin|Cali"),
  ...L("es", "cl", "Santiago|Valparaiso"),
  ...L("es", "pe", "Lima|Cusco"),
  ...L("fr", "fr", "Paris|Lyon|Marseille|Bordeaux|Nantes|Lille|Toulouse|Strasbourg|Nice"),
  ...L("fr", "be", "Brussels|Liege"),
  ...L("fr", "ch", "Geneva|Lausanne"),
  ...L("de", "de", "Berlin|Munich|Hamburg|Cologne|Leipzig|Frankfurt|Stuttgart|Dresden"),
  ...L("de", "at", "Vienna|Graz|Salzburg"),
  ...L("de", "ch", "Zurich|Basel|Bern"),
  ...L("other", "it", "Rome|Milan|Naples|Turin|Florence|Bologna"),
  ...L("other", "nl", "Amsterdam|Rotterdam|Utrecht"),
  ...L("other", "pt", "Lisbon|Porto"),
  ...L("other", "br", "Sao Paulo|Rio de Janeiro|Curitiba"),
  ...L("other", "jp", "Tokyo|Osaka|Kyoto"),
  ...L("other", "kr", "Seoul|Busan"),
  ...L("other", "se", "Stockholm|Gothenburg"),
  ...L("other", "dk", "Copenhagen|Aarhus"),
  ...L("other", "no", "Oslo|Bergen"),
  ...L("other", "fi", "Helsinki"),
  ...L("other", "pl", "Warsaw|Krakow"),
  ...L("other", "cz", "Prague|Brno"),
  ...L("other", "gr", "Athens|Thessaloniki"),
  ...L("other", "tr", "Istanbul|Izmir"),
  ...L("other", "ae", "Dubai|Abu Dhabi"),
  ...L("other", "th", "Bangkok|Chiang Mai"),
  ...L("other", "vn", "Hanoi|Ho Chi Minh City"),
  ...L("other", "id", "Jakarta|Bali"),
  ...L("other", "ph", "Manila|Cebu"),
  ...L("other", "eg", "Cairo"),
  ...L("other", "ma", "Marrakech|Casablanca"),
  ...L("other", "is", "Reykjavik"),
  ...L("other", "ee", "Tallinn"),
  ...L("other", "hu", "Budapest"),
];

/** Neighbourhood-style places with no country (they make a place name without a ccTLD). */
export const LOCAL_PLACES: readonly string[] =
  "downtown|uptown|midtown|the old town|the harbor|the riverside|the waterfront|the suburbs|the high street|the village|the market square|the east side|the west end|the north shore|the valley|the hills".split(
    "|",
  );
