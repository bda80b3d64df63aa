/**
 * Business types in Spanish, French and German (native spelling; names fold accents to ASCII).
 * Keys are English business types from the curated taxonomy.
 */
export type ForeignLanguage = "es" | "fr" | "de";

const rows = `coffee shop|cafetería|café|Café
bakery|panadería|boulangerie|Bäckerei
artisan bakery|panadería artesanal|boulangerie artisanale|Handwerksbäckerei
patisserie|pastelería|pâtisserie|Konditorei
ice cream parlor|heladería|glacier|Eisdiele
chocolate shop|chocolatería|chocolaterie|Schokoladenladen
italian restaurant|restaurante italiano|restaurant italien|italienisches Restaurant
sushi bar|bar de sushi|bar à sushi|Sushibar
taco stand|puesto de tacos|stand de tacos|Taco-Stand
food truck|food truck|camion restaurant|Imbisswagen
pizza place|pizzería|pizzeria|Pizzeria
seafood restaurant|marisquería|restaurant de fruits de mer|Fischrestaurant
craft brewery|cervecería artesanal|brasserie artisanale|Craft-Brauerei
wine bar|bar de vinos|bar à vin|Weinbar
winery|bodega|domaine viticole|Weingut
butcher shop|carnicería|boucherie|Metzgerei
cheese shop|quesería|fromagerie|Käseladen
fish market|pescadería|poissonnerie|Fischmarkt
organic grocery|tienda ecológica|épicerie bio|Bioladen
farmers market|mercado de agricultores|marché fermier|Bauernmarkt
yoga studio|estudio de yoga|studio de yoga|Yogastudio
boxing gym|gimnasio de boxeo|salle de boxe|Boxstudio
dance studio|escuela de baile|école de danse|Tanzschule
hair salon|peluquería|salon de coiffure|Friseursalon
barber shop|barbería|barbier|Barbershop
nail salon|salón de uñas|onglerie|Nagelstudio
day spa|spa|spa|Wellness-Oase
massage studio|centro de masajes|salon de massage|Massagepraxis
dental clinic|clínica dental|cabinet dentaire|Zahnarztpraxis
pharmacy|farmacia|pharmacie|Apotheke
physiotherapy clinic|clínica de fisioterapia|cabinet de kinésithérapie|Physiotherapiepraxis
veterinary clinic|clínica veterinaria|clinique vétérinaire|Tierarztpraxis
dog grooming salon|peluquería canina|toilettage canin|Hundesalon
pet store|tienda de mascotas|animalerie|Zoohandlung
plumber|fontanero|plombier|Klempner
electrician|electricista|électricien|Elektriker
locksmith|cerrajero|serrurier|Schlüsseldienst
house cleaning service|servicio de limpieza|service de ménage|Reinigungsservice
moving company|empresa de mudanzas|déménageur|Umzugsfirma
construction company|constructora|entreprise de construction|Baufirma
architecture firm|estudio de arquitectura|cabinet d'architecture|Architekturbüro
real estate agency|inmobiliaria|agence immobilière|Immobilienbüro
auto repair shop|taller mecánico|garage automobile|Autowerkstatt
car wash|lavado de autos|station de lavage|Autowaschanlage
bike shop|tienda de bicicletas|magasin de vélos|Fahrradladen
driving school|autoescuela|auto-école|Fahrschule
boutique hotel|hotel boutique|hôtel de charme|Boutique-Hotel
hostel|albergue|auberge de jeunesse|Hostel
travel agency|agencia de viajes|agence de voyages|Reisebüro
wedding planner|organizador de bodas|organisateur de mariage|Hochzeitsplaner
florist|floristería|fleuriste|Blumenladen
pottery studio|taller de cerámica|atelier de poterie|Töpferei
art gallery|galería de arte|galerie d'art|Kunstgalerie
music school|escuela de música|école de musique|Musikschule
independent bookstore|librería independiente|librairie indépendante|Buchhandlung
photography studio|estudio de fotografía|studio photo|Fotostudio
language school|escuela de idiomas|école de langues|Sprachschule
tutoring center|centro de tutorías|centre de soutien scolaire|Nachhilfeschule
daycare|guardería|crèche|Kita
toy store|juguetería|magasin de jouets|Spielwarenladen
clothing boutique|boutique de ropa|boutique de vêtements|Modeboutique
shoe store|zapatería|magasin de chaussures|Schuhgeschäft
tailor|sastrería|tailleur|Schneiderei
vintage store|tienda vintage|friperie|Vintage-Laden
hardware store|ferretería|quincaillerie|Baumarkt
garden center|vivero|jardinerie|Gartencenter
furniture store|mueblería|magasin de meubles|Möbelhaus
web agency|agencia web|agence web|Webagentur
accounting firm|despacho contable|cabinet comptable|Steuerbüro
law firm|bufete de abogados|cabinet d'avocats|Anwaltskanzlei
insurance agency|agencia de seguros|agence d'assurance|Versicherungsagentur
marketing agency|agencia de marketing|agence marketing|Marketingagentur
translation service|servicio de traducción|agence de traduction|Übersetzungsbüro
print shop|imprenta|imprimerie|Druckerei
organic farm|granja ecológica|ferme bio|Biohof
vineyard|viñedo|vignoble|Weinberg
beekeeper|apicultor|apiculteur|Imkerei
solar company|empresa solar|entreprise solaire|Solarfirma
recycling center|centro de reciclaje|centre de recyclage|Recyclinghof
animal shelter|refugio de animales|refuge pour animaux|Tierheim
food bank|banco de alimentos|banque alimentaire|Tafel
laundromat|lavandería|laverie|Waschsalon
taxi company|compañía de taxis|compagnie de taxi|Taxiunternehmen
bike rental|alquiler de bicicletas|location de vélos|Fahrradverleih
tattoo parlor|estudio de tatuajes|salon de tatouage|Tattoostudio
surf school|escuela de surf|école de surf|Surfschule
drug rehab clinic|clínica de rehabilitación|centre de désintoxication|Suchtklinik
adult education center|centro de educación para adultos|centre de formation pour adultes|Volkshochschule`;

/** English business type → its name in each foreign language. */
export const TRANSLATIONS: ReadonlyMap<string, Readonly<Record<ForeignLanguage, string>>> = new Map(
  rows.split("\n").map((line) => {
    const [en, es, fr, de] = line.split("|") as [string, string, string, string];
    return [en, { es, fr, de }];
  }),
);
