import type { BlockedCategory } from "./unsafeRequests.js";

const list = (text: string): readonly string[] => text.split("|");

/**
 * More blocked businesses, for training only (`generateDataset({ extraBlockedPhrases: true })`): the safety suite is
 * built from `BLOCKED_PHRASES` alone, nine of which no training row ever shows, so a model is measured on refusing
 * requests it never saw. With 70 phrases a small model memorizes them; these widen each category. Written without
 * the content words of the held-out nine, so they teach the category, not the test.
 */
export const TRAINING_BLOCKED_PHRASES: Readonly<Record<BlockedCategory, readonly string[]>> = {
  "sexual-minors": list(
    "forum trading images of abused children|service arranging sex with minors|teen nude selfie exchange|grooming chat app pairing men with kids|child sex tourism travel agency|schoolgirl sex video site",
  ),
  trafficking: list(
    "human smuggling boat service|debt bondage maids agency|sex trafficking ring|sale of kidnapped children|sweatshop using trafficked workers|brokers selling migrant girls",
  ),
  "violence-terrorism": list(
    "assassination contract service|extremist attack planning forum|kidnapping for ransom crew|armed robbery training course|car bomb instructions site|paid revenge beatings",
  ),
  "weapons-explosives": list(
    "unregistered rifle sales with no paperwork|homemade explosive device kits|armor piercing ammo for anyone|illegal firearms trafficking shop|dynamite sold without permits|auto sear conversion kits|land mine supplier",
  ),
  "self-harm": list(
    "suicide method guide|cutting encouragement group|thinspiration forum for kids|overdose instructions site|bulimia tips community|self-starvation coaching app",
  ),
  "hacking-for-hire": list(
    "phone hacking to spy on spouses|keylogger sales shop|breached database data broker|sim swap takeover crew|wifi password cracking for hire|exploit kit marketplace|hacked social media accounts store",
  ),
  "illegal-drugs": list(
    "crack cocaine home delivery|lsd tabs by mail|oxycodone without prescriptions|ketamine party supplier|cannabis smuggling network|crystal meth lab supplies|mdma pill press rental",
  ),
  "fraud-scams": list(
    "forged diploma printing service|credit card skimmer shop|bogus invoice scam operation|romance scam call center|pyramid scheme recruiting|counterfeit concert tickets reseller|identity theft toolkit store",
  ),
  "hate-harassment": list(
    "kkk recruitment website|ethnic cleansing propaganda blog|anti-muslim hate forum|swastika apparel store|site mocking disabled people|campaign to harass trans women",
  ),
  "sexual-content": list(
    "live nude cam girls site|pay per view sex chat line|brothel booking service|adult escort directory|sex tape marketplace|fetish porn subscription channel",
  ),
};
