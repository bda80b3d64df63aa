import words from "../../data/lexicon/fraud.json" with { type: "json" };
import type { PolicyRule } from "../categories.js";
import { PROTECTION } from "./context.js";

/** {@link PROTECTION} without "support" and "help": fake support and help desks are the scam here. */
const PROTECTION_NOT_HELP = PROTECTION.filter((c) => c !== "support*" && c !== "help*");

/** Fraud, phishing, counterfeits, forged documents, scams and money laundering. */
export const FRAUD_RULES: readonly PolicyRule[] = [
  {
    id: "fraud-scams/phishing-kits",
    category: "fraud-scams",
    terms: words.phishingKitsTerms,
    unless: PROTECTION,
    window: 4,
  },
  {
    id: "fraud-scams/impersonation",
    category: "fraud-scams",
    terms: words.impersonationTerms,
    requires: words.impersonationRequires,
    unless: [...PROTECTION_NOT_HELP, ...words.impersonationUnless],
    window: 4,
  },
  {
    id: "fraud-scams/fake-goods-documents",
    category: "fraud-scams",
    terms: words.fakeGoodsDocumentsTerms,
    requires: words.fakeGoodsDocumentsRequires,
    unless: [...PROTECTION_NOT_HELP, ...words.fakeGoodsDocumentsUnless],
    window: 4,
  },
  {
    id: "fraud-scams/too-good-returns",
    category: "fraud-scams",
    terms: words.tooGoodReturnsTerms,
    requires: words.tooGoodReturnsRequires,
    unless: [...PROTECTION, ...words.tooGoodReturnsUnless],
    window: 4,
  },
  {
    id: "fraud-scams/scam-fraud",
    category: "fraud-scams",
    terms: words.scamFraudTerms,
    unless: [...words.scamFraudUnless, ...PROTECTION, ...words.scamFraudUnlessTail],
    window: 5,
    unlessWindow: 10,
  },
  {
    id: "fraud-scams/counterfeits",
    category: "fraud-scams",
    terms: words.counterfeitsTerms,
    unless: PROTECTION,
    window: 4,
  },
];
