// The cues that tell what a capitalised phrase names, composed once per language set from the packs' name,
// facility and quote words. The grammar that combines them lives here; the words live in lang/*/.
import { perLanguages } from './lang/languages.js';
import type { FacilityWords, NameWords, QuoteWords } from './lang/pack.js';

const anyOf = (words: readonly string[]) => (words.length > 0 ? words.join('|') : '(?!)');

/** The name cues of a language set: word sets and the patterns built from them. */
export const nameCuesOf = perLanguages((languages) => {
  const names = (pick: (n: NameWords) => readonly string[]) => languages.union((p) => pick(p.names));
  const facilities = (pick: (f: FacilityWords) => readonly string[]) =>
    languages.union((p) => pick(p.facilities));
  const quotes = (pick: (q: QuoteWords) => readonly string[]) => languages.union((p) => pick(p.quotes));
  const roles = anyOf(quotes((q) => q.roles));
  const speechVerbs = anyOf(quotes((q) => q.speechVerbs));
  const companyNouns = anyOf(names((n) => n.companyNouns));
  const companyDescribers = anyOf(names((n) => n.companyDescribers));
  const placeAfter = String.raw`\s+(?:${anyOf(facilities((f) => f.placeLinks))})\s+\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)?`;
  const nameWords = String.raw`\p{Lu}[\p{L}\p{N}'’.-]*(?:\s+(?:(?:${anyOf(facilities((f) => f.nameJoiners))})\s+)?\p{Lu}[\p{L}\p{N}'’.-]*){0,5}`;
  // Facility nouns are tried longest first: "plantas" is not read as "plant".
  const facilityNouns = anyOf([...facilities((f) => f.facilities)].sort((a, b) => b.length - a.length));
  return {
    /** Words that make a phrase an organization wherever they stand in it ("Bank of China", "Boston University"). */
    orgHeads: new Set(names((n) => n.orgHeads)),
    /** Words that, as the last word of a phrase, make it a project or facility ("Chancay Port"). */
    projectTails: new Set(facilities((f) => f.projectTails)),
    /** Words that, as the first word of a phrase, make it a project or facility ("Puerto de Chancay"). */
    projectHeads: new Set(facilities((f) => f.projectHeads)),
    projectNoise: new Set(facilities((f) => f.projectNoise)),
    /** Titles before a person's name ("President Xi Jinping", "Ministra Marina Silva"). */
    titles: new Set(quotes((q) => q.titles)),
    /** Words that make a phrase an event ("Fórum Empresarial Brasil-China", "China International Import Expo"). */
    eventHeads: new Set(names((n) => n.eventHeads)),
    leadingWords: new Set(names((n) => n.leadingWords)),
    publicationTails: new Set(names((n) => n.publicationTails)),
    regionWords: new Set(names((n) => n.regionWords)),
    notASurname: new Set(names((n) => n.notASurname)),
    nameParticles: new Set(names((n) => n.nameParticles)),
    personParticle: new RegExp(`^(?:${anyOf(names((n) => n.personParticles))})$`),
    coordinators: new Set(names((n) => n.coordinators)),
    coordinator: anyOf(names((n) => n.coordinators)),
    connectors: new Set(names((n) => n.connectors)),
    abbreviations: new Set(names((n) => n.abbreviations)),
    numbered: new Set(names((n) => n.numbered)),
    /** Lower-case title words, as an alternation (the role a person is introduced with). */
    roles,
    speechVerbs,
    /** Role words that follow a person's name after a comma ("Jorge Heine, former Chilean Ambassador..."). */
    roleAfterName: new RegExp(
      String.raw`^,\s+(?:(?:${anyOf(quotes((q) => q.roleAfterArticles))})\s+)?(?:${anyOf(quotes((q) => q.roleAfterWords))})(?![\p{L}])`,
      'iu',
    ),
    /** Lower-case titles before a name ("ambassador Sabino Vaca Narvaja", "el ministro Richard Tineo"). */
    lowerTitles: new RegExp(String.raw`(?:^|[^\p{L}])(?:${roles})\s+$`, 'iu'),
    speechBefore: new RegExp(String.raw`(?:${speechVerbs})\s+$`, 'iu'),
    speechAfter: new RegExp(String.raw`^,?\s+(?:${speechVerbs})(?![\p{L}])`, 'iu'),
    /** Nouns that say a name is a company or bank ("la empresa X", "X, a Chinese company"), and their describers. */
    companyNouns,
    companyDescribers,
    /** Words right before a name that say it is an organization ("la empresa china Cosco", "the Chinese firm X"). */
    companyBefore: new RegExp(
      String.raw`(?:^|[^\p{L}])(?:${companyNouns})(?:\s+(?:${companyDescribers}))*\s+$`,
      'iu',
    ),
    /** Words after a name and a comma that say it is an organization ("A Mixue, maior rede chinesa de bebidas"). */
    companyAppositive: new RegExp(
      String.raw`^,\s+(?:(?:${anyOf(names((n) => n.appositiveArticles))})\s+)?(?:(?:${anyOf(names((n) => n.appositiveAdjectives))})\s+)*(?:${anyOf(names((n) => n.appositiveNouns))})(?![\p{L}])`,
      'iu',
    ),
    /** Words a company's full name adds to the name the registry knows: legal forms and generic company words. */
    companyWords: new RegExp(`^(?:${anyOf(names((n) => n.companyWords))})$`, 'iu'),
    bylineBefore: new RegExp(
      String.raw`(?:^|\(|\n)\s*(?:${anyOf(names((n) => n.bylines))})\s+$|(?:${anyOf(names((n) => n.credits))})\s+(?:${anyOf(names((n) => n.creditBy))})\s+$`,
      'iu',
    ),
    // "Coca Codo Sinclair es una planta hidroeléctrica", "X is a 500 MW solar park": a name defined as a facility.
    definedAsFacility: new RegExp(
      String.raw`^\s+(?:${anyOf(facilities((f) => f.copulas))})\s+(?:${anyOf(facilities((f) => f.definedArticles))})\s+(?:[\p{Ll}\d-]+\s+){0,3}?(?:${anyOf(facilities((f) => f.definedFacilities))})(?![\p{L}])`,
      'iu',
    ),
    // Money "from" a capitalised name: the name is who lends or pays ("unos 400 millones de dólares de Goldman Sachs").
    moneySource: new RegExp(
      String.raw`(?:${anyOf(names((n) => n.moneyWords))})\s+(?:${anyOf(names((n) => n.moneyFrom))})\s+$`,
      'iu',
    ),
    // A lower-case word of local government before a place: "prefeitura de Iracemápolis", "alcaldía de Lima".
    officeBefore: new RegExp(
      String.raw`(?:^|[^\p{L}])((?:${anyOf(facilities((f) => f.offices))})\s+(?:${anyOf(facilities((f) => f.officeOf))})\s+)$`,
      'u',
    ),
    // A lower-case facility word before a name: "megapuerto de Chancay", "the port of Chancay", "usina de Belo Monte".
    facilityBefore: new RegExp(
      String.raw`(?:^|[^\p{L}])((?:${anyOf(facilities((f) => f.before))})(?:\s+(?:${anyOf(facilities((f) => f.beforeOf))}))?\s+)$`,
      'u',
    ),
    // "represas Néstor Kirchner y Jorge Cepernic", "fábrica de pneus Bridgestone", "complexo fabril da BYD em
    // Camaçari", "planta en México"
    facilityFirst: new RegExp(
      String.raw`(?<![\p{L}])(?<fac>${facilityNouns})(?<comp>\s+(?:${anyOf(facilities((f) => f.complementOf))})\s+\p{Ll}[\p{Ll}-]+(?=\s+\p{Lu}))?(?:\s+(?:${anyOf(facilities((f) => f.nameOf))})(?=\s+\p{Lu}))?(?:\s+(?<name>${nameWords}))?(?<place>${placeAfter})?`,
      'gu',
    ),
    // "Huawei data center in Chile", "the BYD plant in Camaçari"
    facilityLast: new RegExp(
      String.raw`(?<![\p{L}])(?<name>\p{Lu}[\p{L}\p{N}-]*(?:\s+\p{Lu}[\p{L}\p{N}-]*){0,3})\s+(?<fac>${anyOf(facilities((f) => f.afterName))})(?<place>${placeAfter})?(?![\p{L}])`,
      'gu',
    ),
    // "linha de ultra-alta tensão entre Maranhão e Goiás", "the transmission line between Belo Monte and Rio"
    lineBetween: new RegExp(
      String.raw`(?<![\p{L}])(?:${anyOf(facilities((f) => f.lines))})(?:\s+(?:${anyOf(facilities((f) => f.lineOf))})?\s*[\p{Ll}-]+){0,4}?\s+(?:${anyOf(facilities((f) => f.between))})\s+\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)?\s+(?:${anyOf(facilities((f) => f.and))})\s+\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)?`,
      'gu',
    ),
    // "the 500 kV transmission and transformation ring network closure project", "the 100 MW solar project".
    describedProject: new RegExp(
      String.raw`\b(?:${anyOf(facilities((f) => f.describedArticles))})\s+(\d[\d.,]*\s?(?:kV|MW|GW|MWp|km|TEU)\b[^.,;:()“”"]{3,100}?\s(?:${anyOf(facilities((f) => f.describedNouns))}))\b`,
      'gu',
    ),
    /** The words before a facility noun that let a place alone name it ("una planta en México"). */
    introducer: new RegExp(String.raw`(?:^|\s)(?:${anyOf(facilities((f) => f.introducers))})\s+$`, 'iu'),
  };
});
