import type { Language, Tier } from "./brief.js";

/**
 * Sentence templates per language and tier. Slots: {biz} business, {q} quality, {city} place, {aud} audience,
 * {sp} selling point, {sp2}, {sp3}, {tone}, {tone2}, {hype}, {hype2}. A template whose slot has no value is skipped.
 */
export const TEMPLATES: Record<Language, Record<Tier, readonly string[]>> = {
  en: {
    word: ["{biz}"],
    phrase: [
      "{q} {biz}",
      "{biz} in {city}",
      "{q} {biz} in {city}",
      "{biz} for {aud}",
      "{tone} {biz}",
      "{biz}, {city}",
      "a {q} {biz} for {aud}",
      "new {biz}",
      "{biz} startup",
      "{biz} business",
    ],
    sentence: [
      "We run a {q} {biz} in {city} for {aud}.",
      "I'm opening a {biz} in {city} and need a {tone} name.",
      "Looking for a domain for my {q} {biz} that offers {sp}.",
      "{q} {biz} serving {aud} in {city}, with {sp}.",
      "Name ideas for a {biz} startup",
      "Need a name for our new {biz} for {aud}",
      "domain ideas for a {tone} {biz} near {city}?",
      "Help me name my {biz}. It's {tone} and aimed at {aud}.",
      "We are a {biz} offering {sp} to {aud}.",
      "suggest domains for a {q} {biz}",
    ],
    brief: [
      "We are a {q} {biz} based in {city}. We offer {sp} and {sp2}. The vibe is {tone}.",
      "My sister and I are starting a {biz} for {aud}. We want something {tone}, easy to spell and memorable.",
      "Our {biz} has served {aud} in {city} for years. We're rebranding and need a {tone} domain. We offer {sp}.",
      "{biz} for {aud}. Think {tone} but professional. We offer {sp}.",
      "Launching a {q} {biz} next month in {city}. Target customers: {aud}. Key feature: {sp}.",
    ],
    marketing: [
      "So basically we're a {q} {biz} based in {city} and {hype} and {hype2}, we offer {sp}, {sp2} and {sp3}, most of our customers are {aud} who want something different, and we want a name that feels {tone} and {tone2}, something memorable and easy to spell, not too long, that people remember after one visit",
      "At our {biz} {hype}! Whether you're one of the {aud} in {city} or just passing through, you'll love {sp} and {sp2}, plus {sp3}, and honestly {hype2}, so we need a domain that is {tone}, {tone2} and instantly tells people what we do",
      "hi!! we're launching a {q} {biz} for {aud} and {hype} and {hype2} and we really want the brand to feel {tone} but also {tone2}, we'll have {sp} and {sp2} and eventually {sp3}, and we're in {city} but want to grow everywhere so the name should travel well",
    ],
  },
  es: {
    word: ["{biz}"],
    phrase: ["{biz} en {city}", "{biz} {q}", "{biz} para {aud}", "nueva {biz}", "{biz}, {city}"],
    sentence: [
      "Busco un dominio para mi {biz} en {city}.",
      "Vamos a abrir una {biz} para {aud}.",
      "Nombres para una {biz} en {city}, por favor",
      "Necesito ideas de dominio para mi {biz}.",
    ],
    brief: [
      "Somos una {biz} en {city}. Ofrecemos {sp}. Queremos un nombre corto y fácil de recordar.",
      "Abrimos una {biz} para {aud} en {city}. Buscamos algo moderno y cercano.",
    ],
    marketing: [
      "Somos una {biz} familiar en {city} y nos encanta lo que hacemos, ofrecemos {sp} y {sp2}, nuestros clientes son {aud} y queremos un nombre moderno, cercano y fácil de recordar que funcione también fuera de {city}",
    ],
  },
  fr: {
    word: ["{biz}"],
    phrase: ["{biz} à {city}", "{biz} pour {aud}", "nouvelle {biz}", "{biz}, {city}"],
    sentence: [
      "Je cherche un nom de domaine pour ma {biz} à {city}.",
      "Nous ouvrons une {biz} pour {aud}.",
      "Idées de noms pour une {biz} à {city}",
      "Il me faut un domaine pour notre {biz}.",
    ],
    brief: [
      "Nous sommes une {biz} à {city}. Nous proposons {sp}. Nous voulons un nom court et facile à retenir.",
      "On lance une {biz} pour {aud} à {city}. On cherche un nom moderne et chaleureux.",
    ],
    marketing: [
      "Nous sommes une {biz} familiale à {city} et nous adorons notre métier, nous proposons {sp} et {sp2}, nos clients sont surtout {aud} et nous voulons un nom moderne, chaleureux et facile à retenir qui marche aussi en dehors de {city}",
    ],
  },
  de: {
    word: ["{biz}"],
    phrase: ["{biz} in {city}", "{biz} für {aud}", "neue {biz}", "{biz}, {city}"],
    sentence: [
      "Ich suche eine Domain für meine {biz} in {city}.",
      "Wir eröffnen eine {biz} für {aud}.",
      "Namensideen für eine {biz} in {city}",
      "Brauche einen Domainnamen für unsere {biz}.",
    ],
    brief: [
      "Wir sind eine {biz} in {city}. Wir bieten {sp}. Wir wollen einen kurzen Namen, den man sich leicht merkt.",
      "Wir gründen eine {biz} für {aud} in {city}. Gesucht: etwas Modernes und Freundliches.",
    ],
    marketing: [
      "Wir sind eine familiengeführte {biz} in {city} und lieben, was wir tun, wir bieten {sp} und {sp2}, unsere Kunden sind vor allem {aud} und wir wollen einen modernen, freundlichen Namen, den man sich leicht merkt und der auch außerhalb von {city} funktioniert",
    ],
  },
};

/** Audiences and selling points in the foreign languages (the English lists are in words.ts). */
export const FOREIGN_AUDIENCES: Record<Exclude<Language, "en">, readonly string[]> = {
  es: [
    "familias",
    "estudiantes",
    "turistas",
    "profesionales",
    "vecinos del barrio",
    "deportistas",
    "mascotas y sus dueños",
  ],
  fr: ["familles", "étudiants", "touristes", "professionnels", "habitants du quartier", "sportifs", "jeunes parents"],
  de: ["Familien", "Studenten", "Touristen", "Berufstätige", "Nachbarn", "Sportler", "junge Eltern"],
};

export const FOREIGN_SELLING_POINTS: Record<Exclude<Language, "en">, readonly string[]> = {
  es: [
    "entrega a domicilio",
    "precios justos",
    "reservas en línea",
    "productos locales",
    "talleres los fines de semana",
  ],
  fr: [
    "la livraison à domicile",
    "des prix justes",
    "la réservation en ligne",
    "des produits locaux",
    "des ateliers le week-end",
  ],
  de: ["Lieferung nach Hause", "faire Preise", "Online-Buchung", "regionale Produkte", "Workshops am Wochenende"],
};

export const FOREIGN_QUALITIES: Record<Exclude<Language, "en">, readonly string[]> = {
  es: ["artesanal", "familiar", "ecológica", "moderna", "pequeña"],
  fr: ["artisanale", "familiale", "bio", "moderne", "petite"],
  de: ["kleine", "moderne", "familiengeführte", "nachhaltige", "gemütliche"],
};
