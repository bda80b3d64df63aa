/** English function words plus startup boilerplate that says nothing about what a company does. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    "a about above after again against all also am an and any are as at be because been before being below between both but by can " +
    "could did do does doing down during each few for from further had has have having he her here hers herself him himself his how i " +
    "if in into is it its itself just me more most my myself no nor not now of off on once only or other our ours ourselves out over own " +
    "same she should so some such than that the their theirs them themselves then there these they this those through to too under until " +
    "up very was we were what when where which while who whom why will with would you your yours yourself yourselves us via per within " +
    "without across every etc get gets getting let lets like one two make makes making help helps helping use uses using used " +
    "company companies startup startups build builds building built provide provides providing platform platforms solution solutions " +
    "service services app apps based new way ways easy easier simple simply first leading world best better need needs allow allows " +
    "enable enables enabling offer offers offering powered power"
  ).split(" "),
);
