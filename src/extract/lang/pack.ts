// The shape every language pack fills: what the extractor knows of one language, one concern per part. A pack
// holds words and the regex sources of words with their inflections; the engine (src/extract/*.ts) composes its
// patterns from the packs and keeps the grammar that combines them. Regex sources are matched with the `u` flag
// unless a part says otherwise; literal words are escaped by the engine.

/** How a language writes and says numbers: its decimal mark, number and scale words, vague amounts, multiples. */
export interface NumberWords {
  /** the mark between whole and fraction ("3,7" in pt): how a lone "1.300" or "1,300" reads in this language */
  decimalMark: '.' | ',';
  /** spelled-out numbers and their values ("seven", "veinte", "quinhentos"), lower case */
  units: Record<string, number>;
  /** spelled-out numbers that multiply the one before them ("thousand", "mil", "milhões"); 100 multiplies in place */
  multipliers: Record<string, number>;
  /** words that join spelled-out numbers ("thirty and two", "treinta y dos") */
  joiners: string[];
  /** articles that count as one before a number word ("a million") */
  one: string[];
  /** words for half of the number after them ("half a million") */
  half: string[];
  /** scale words written after a figure ("1.2 billion", "3 mil millones"), with their multiplier */
  scales: [string, number][];
  /** scale letters glued to a figure ("$5m", "$300k"), with their multiplier */
  gluedScales: [string, number][];
  /**
   * In a language that writes a decimal comma: regex sources that tell one of its scale words in a written figure,
   * which then reads with a decimal comma whatever the document's language ("3,5 millones"), and which as a bare
   * amount in millions is money ("512 millones invertidos"). Empty where a dot is the decimal mark.
   */
  scaleSigns: string[];
  /** vague amounts before "of"/"de" and the least they mean ("dozens" 12, "miles" 1000) */
  vague: [string, number][];
  /** the word between a figure and what it measures or counts ("millions of", "millones de") */
  of: string[];
  /** words between the two figures of a range ("300 to 400", "3 a 4", "entre 3 y 4") */
  rangeWords: string[];
  /** determiners before a small spelled-out number that refers back ("the two projects"): no new count */
  referentials: string[];
  /** regex sources of ordinal endings right after digits ("1st", "1º", "2a") */
  ordinals: string[];
  /** regex sources of the signs of a number that is a code ("No. 5", "Nº 5") */
  numberSigns: string[];
  /** words after a hyphen that make a figure an age or a term ("5-year"), not a figure */
  hyphenedTerms: string[];
  /** regex sources of whole multiplying verbs and their factor ("quadrupled", "triplicou") */
  multiplyVerbs: [string, number][];
  /** regex sources of whole verbs of multiplying by a factor ("multiplied", "multiplicó"), and the word before it */
  multiply: string[];
  multiplyBy: string[];
  /** words after a figure that make it a multiple ("3 times"), and the comparatives that may follow them */
  times: string[];
  comparatives: string[];
}

/** The units written after a figure that have words (symbols such as "MW", "km" or "%" are the engine's). */
export type UnitWordId =
  | 'gigawatt'
  | 'megawatt'
  | 'kilowatt'
  | 'kilovolt'
  | 'squareKilometer'
  | 'hectare'
  | 'squareMeter'
  | 'kilometer'
  | 'mile'
  | 'meter'
  | 'teu'
  | 'tonne'
  | 'percent'
  | 'duration';

/** How a language names units and jobs after a figure ("500 megavatios", "5.000 empleos directos"). */
export interface UnitWords {
  /** regex sources of each unit's words, more specific spellings first; "mile" and "meter" are case-sensitive */
  units: Record<UnitWordId, string[]>;
  /** regex sources of words naming jobs, and of the describers before and after them ("direct jobs", "empleos directos") */
  jobs: string[];
  jobsBefore: string[];
  jobsAfter: string[];
}

/** What a count after a figure may count: the noun phrase words, and the words that end or refuse one. */
export interface CountWords {
  /** words that end a counted noun phrase or cannot be part of one ("the", "de", "mais"), lower case */
  stopWords: string[];
  /** regex sources of whole nouns that count time, money or scale, not things ("years", "dólares", "mil") */
  notCounted: string[];
  /** words that join two describers of one noun ("large and small cracks") */
  joiners: string[];
  /** plural nouns that do not end in -s ("people", "pessoas") */
  irregularPlurals: string[];
  /** regex sources of the ending of a plural noun, and of singular words that end like one ("país", "bus") */
  pluralEndings: string[];
  singularEndings: string[];
  /** the "points" of percentage points, what may follow them as such, and the word before counted points */
  points: string[];
  pointKinds: string[];
  pointsOf: string[];
  /** regex sources of whole words after a figure that are verbs or particles, not a counted thing ("invertidos") */
  verbForms: string[];
}

/** What a money figure is, from the words near it (the claim's property). */
export type MoneyKind = 'loan' | 'investment' | 'cost' | 'trade';

/** How a language names money: currencies after a figure, the countries of "pesos", what kind of money a figure is. */
export interface MoneyWords {
  /**
   * currency words written after a figure (and its scale) and their ISO 4217 code ("dólares" USD); the code PESO
   * marks a bare "pesos", whose currency is that of the peso country the document names most
   */
  currencies: [string, string][];
  /** regex sources naming a country whose currency is called "peso" (as whole words), with that currency's code */
  pesoCountries: [string, string][];
  /** regex sources of whole words that say what kind of money a figure near them is ("loan", "inversión", "custo") */
  kinds: Record<MoneyKind, string[]>;
}

/** How a language qualifies a figure: the phrases before it, and those that make a sentence's figures floors. */
export interface QualifierWords {
  /** phrases right before a figure, by the qualifier they give it ("more than", "cerca de", "até"); no regex */
  cues: { at_least: string[]; approx: string[]; at_most: string[] };
  /** regex sources of phrases that make every figure of their sentence a floor ("according to incomplete statistics") */
  floor: string[];
}

/** How a language writes dates and times: month names, the words of dates, periods and times relative to now. */
export interface TimeWords {
  /** the twelve month names, January first, lower case */
  months: string[];
  /** other full spellings of a month ("setiembre"), with its number */
  monthAliases: [string, number][];
  /** abbreviations a date may use ("Sept. 14, 2024"), with the month's number */
  monthAbbreviations: [string, number][];
  /** whether the language writes the month before the day ("November 14"): a small number after a month is a day */
  monthBeforeDay: boolean;
  /** words between a day and its month ("14 de noviembre"), and between a month and its year ("noviembre de 2024") */
  dayOf: string[];
  yearOf: string[];
  /** words that open a period of years ("between 2019 and 2022", "de 2019 a 2022"), and that join its two years */
  periodFrom: string[];
  periodTo: string[];
  /** a month before publication: words before it ("last May"; "this May" is this year's), after it ("mayo pasado") */
  lastBefore: string[];
  thisBefore: string[];
  lastAfter: string[];
  /** the preposition that may stand before a month with a word after it ("en mayo pasado") */
  lastAfterIn: string[];
  /** words before a month without a year ("in January", "desde marzo"), and regex sources of "the month of" after them */
  monthIn: string[];
  monthOf: string[];
  /** months that are also common words, a month only as written capitalised ("May", not "may") */
  capitalOnlyMonths: string[];
  /** phrases of a year relative to publication, lower case, and their offset from its year ("last year" -1) */
  relativeYears: [string, number][];
  /** words before the first figure of "from A to B", between its two figures, and between a figure and its own time */
  rangeFrom: string[];
  rangeTo: string[];
  ownTime: string[];
}

/** Where a language's sentences do not end. */
export interface SentenceWords {
  /** abbreviations after which a period does not end a sentence, lower case, without their last period */
  abbreviations: string[];
}

/** How a language states what a figure is about: the clause subject before a figure verb. */
export interface SubjectWords {
  /** regex sources of whole verbs that state a figure of their subject ("reached", "alcanzó", "atingiu") */
  figureVerbs: string[];
  /** regex sources of relative words that open a clause about the noun before it ("whose", "cuya") */
  relatives: string[];
  /** prepositions that join a figure to the project after it ("in", "para", "no") */
  projectLinks: string[];
  /** regex sources of the first words of an adverbial segment, which is no subject ("by", "según", "segundo") */
  adverbials: string[];
  /** articles that a subject drops at its start ("the", "los", "uma") */
  articles: string[];
  /** regex sources of articles that, before a capitalised name, make the segment a subject after all ("A GWM") */
  articlesBeforeNames: string[];
  /** regex sources of the start of an appositive that describes the subject before it ("one of", "uma das"); case-sensitive */
  appositives: string[];
  /** pronouns and relative words that name nothing as a subject ("it", "esto") */
  pronouns: string[];
  /** the word that opens a reported clause ("statistics show that"), which ends a segment */
  that: string[];
}

/** The aggregate measures an indicator's label is made of, by their stable id. */
export type MeasureId =
  | 'solar-pv-capacity'
  | 'wind-capacity'
  | 'hydropower-capacity'
  | 'fdi-stock'
  | 'fdi'
  | 'trade'
  | 'exports'
  | 'imports'
  | 'loans'
  | 'infrastructure-projects'
  | 'jobs'
  | 'capacity'
  | 'investment';

/** How a language names an aggregate measure, its actor and its region (an indicator's subject). */
export interface IndicatorWords {
  /** regex sources found anywhere in a subject that name each measure ("photovoltaic", "inversión directa") */
  measures: Record<MeasureId, string[]>;
  /** regex sources that name China as the actor ("Chinese", "chinesa") */
  china: string[];
  /** regex sources that name Latin America (and the Caribbean) as the region */
  lac: string[];
}

/** A project's lifecycle stage, as the contract's `status` value. */
export type ProjectStatus =
  | 'announced'
  | 'signed'
  | 'under_construction'
  | 'operational'
  | 'completed'
  | 'expanded'
  | 'suspended'
  | 'cancelled';

/** How a language says what stage a project is at. */
export interface StatusWords {
  /** regex sources of the words of each stage ("began operations", "en construcción", "inaugurou"), most specific first */
  words: Record<ProjectStatus, string[]>;
}

/** A project's party named after a cue word. */
export type PartyRole = 'contractor' | 'investor' | 'lender' | 'operator';

/** How a language ties a project to its parties, its place, its plan, and refers back to it. */
export interface RelationWords {
  /** regex sources of the cue words before a project's party, by its role ("built by", "financiado por el") */
  partyCues: Record<PartyRole, string[]>;
  /** articles that may stand between a cue and the party's describer and name ("the", "la", "os") */
  articles: string[];
  /**
   * A party named only by what it is ("a Chinese company", "una empresa estatal china"): its indefinite articles,
   * the words of size or ownership before the demonym, the demonyms of China (regex sources), the nouns after the
   * demonym and those before it, and the words of state ownership after the demonym ("state-owned") or the noun
   * ("estatal")
   */
  describedParty: {
    articles: string[];
    sizes: string[];
    chinese: string[];
    nouns: string[];
    nounsBefore: string[];
    stateOwned: string[];
    stateOwnedBefore: string[];
  };
  /** regex sources of phrases that refer back to the project spoken of ("the project", "la obra", "o empreendimento") */
  anaphors: string[];
  /** regex sources of the cue before where a project is ("located in", "ubicado en") */
  located: string[];
  /** prepositions and articles between a project and the place right after it ("in the", "en la", "no") */
  placeLinks: string[];
  placeArticles: string[];
  /** regex sources of the cue before the plan or mechanism a project is part of ("as part of", "en el marco del") */
  partOf: string[];
  /** the articles that may follow that cue ("the", "el", "os") */
  partOfArticles: string[];
}

/** What a verb of giving says of the party before it: it lends, donates, finances, grants, hands over, or another. */
export type GivingVerb = 'lend' | 'donate' | 'finance' | 'grant' | 'hand' | 'other';

/** How a language says who lends or gives ("China Eximbank provides ... loan", "el Gobierno chino donó"). */
export interface FunderWords {
  /** regex sources of whole verbs of giving, by what they say of the party */
  verbs: Record<GivingVerb, string[]>;
  /** regex sources of the words between a party and its verb ("will", "agreed to"), those of them that make a verb of a bare form, and the bare forms that are nouns after one party ("a MOFCOM grant") */
  auxiliaries: string[];
  modals: string[];
  bareVerbs: string[];
  /** regex sources of what is given: a loan, a grant or aid, money (besides figures), goods or people */
  given: { loan: string[]; grant: string[]; money: string[]; goods: string[] };
  /** in a figure given: regex sources of scale words, currency words after it, and currency words before it */
  moneyScales: string[];
  moneyAfter: string[];
  moneyBefore: string[];
  /** regex sources of what is given that is no aid ("a concession"), and of what makes a party no lender or donor ("a guarantee") */
  notAid: string[];
  otherRoles: string[];
  /** "CDB loan for ...": regex sources of the loan words, and the words after them */
  ownLoans: string[];
  ownLoanLinks: string[];
  /** regex sources of words that make an organization a bank, or a part of a state */
  banks: string[];
  stateBodies: string[];
  /** a country as its state: nouns after it ("Chinese Government"), the qualifiers before those, the possessive */
  stateAfter: string[];
  stateQualifiers: string[];
  possessives: string[];
  /** nouns before "of" and a country ("Government of China", "Gobierno de China"), and nouns before a demonym ("el Gobierno chino") */
  stateOf: string[];
  stateBefore: string[];
  /** a city or province as its government: qualifiers and nouns after it, phrases before it ("the city of") */
  placeQualifiers: string[];
  placeBodies: string[];
  placeOf: string[];
  /** prepositions before where an embassy is ("in", "en", "no"), the article before its name, the words joining its words */
  stationedLinks: string[];
  stationedArticles: string[];
  nameJoiners: string[];
  /** definite articles ("the", "el", "o"), the words for "of", and the articles after "of" in a state's name */
  articles: string[];
  of: string[];
  ofArticles: string[];
  /** words that may stand right before a party, as written (case-sensitive: "The", "el", "China's") */
  partyBoundary: string[];
  /** words that join parties given together ("CDB and ICBC", "BNDES y CAF") */
  joiners: string[];
}

/** How a language shapes the names of organizations and people, and the words around them. */
export interface NameWords {
  /** capitalised words that start a sentence or phrase without being part of a name ("The", "Según", "Isso") */
  leadingWords: string[];
  /** words that make a capitalised phrase an organization wherever they stand in it ("Bank", "Instituto") */
  orgHeads: string[];
  /** words that make a phrase an event ("Forum", "Cumbre") */
  eventHeads: string[];
  /** last words of a publication, not its publisher ("Database", "Report") */
  publicationTails: string[];
  /** capitalised words of regions and peoples, which are nobody's name ("Latin", "Caribbean") */
  regionWords: string[];
  /** capitalised words after a first name that make the phrase something else ("Street", "Copa") */
  notASurname: string[];
  /** lower-case words that may join the capitalised words of one name ("Bank of China", "Lula da Silva") */
  connectors: string[];
  /** particles between surnames, never right after a first name ("da", "de"), and the lower-case words a person's name may hold */
  nameParticles: string[];
  personParticles: string[];
  /** words that join several names in one run ("Michel Temer and Xi Jinping") */
  coordinators: string[];
  /** abbreviations whose period stays inside a name ("St. John's"), as written */
  abbreviations: string[];
  /** words after which a number belongs to the name ("Line 1", "Fase 2") */
  numbered: string[];
  /** regex sources of the words before a byline's name ("By", "Foto:"), of credit words and their "by" ("photo by") */
  bylines: string[];
  credits: string[];
  creditBy: string[];
  /** regex sources of nouns that say a name is a company or bank ("empresa", "firm"), and of their describers ("estatal", "chinese") */
  companyNouns: string[];
  companyDescribers: string[];
  /** an appositive that says the name before it is an organization ("A Mixue, maior rede chinesa"): articles, adjectives, regex sources of nouns */
  appositiveArticles: string[];
  appositiveAdjectives: string[];
  appositiveNouns: string[];
  /** regex sources of legal and generic words a company's full name adds to a registry body's name ("Corporation", "de") */
  companyWords: string[];
  /** money "from" a name: words of an amount and the prepositions after them ("millones de dólares de Goldman Sachs") */
  moneyWords: string[];
  moneyFrom: string[];
}

/** How a language names projects and facilities. */
export interface FacilityWords {
  /** capitalised words that, last in a phrase, make it a project ("Chancay Port"), and first in it ("Puerto de Chancay") */
  projectTails: string[];
  projectHeads: string[];
  /** words a project's name may add or drop without naming another project ("port", "de", "proyecto"), lower case */
  projectNoise: string[];
  /** lower-case facility words before a name ("megapuerto de Chancay", "the port of"), and the words between */
  before: string[];
  beforeOf: string[];
  /** regex sources of lower-case words of local government before a place ("prefeitura de"), and the words between; case-sensitive */
  offices: string[];
  officeOf: string[];
  /** a name defined as a facility ("X es una planta hidroeléctrica"): copulas, articles, regex sources of facility nouns */
  copulas: string[];
  definedArticles: string[];
  definedFacilities: string[];
  /** regex sources of lower-case facility nouns before a name or place ("represas", "data centers"), tried longest first */
  facilities: string[];
  /** words between a facility noun and its complement ("fábrica de pneus"), its name ("planta de"), the words of a name, a place */
  complementOf: string[];
  nameOf: string[];
  nameJoiners: string[];
  placeLinks: string[];
  /** words before a facility noun that let a place alone name it ("una planta en México") */
  introducers: string[];
  /** regex sources of facility nouns after an organization's name ("Huawei data center") */
  afterName: string[];
  /** a line between two places ("linha entre Maranhão e Goiás"): regex sources of line nouns, and the words */
  lines: string[];
  lineOf: string[];
  between: string[];
  and: string[];
  /** a project described by its rating ("the 500 kV ... project"): articles, and the nouns that end it */
  describedArticles: string[];
  describedNouns: string[];
}

/** How a language introduces people and attributes speech. */
export interface QuoteWords {
  /** titles before a person's name, as written ("President", "Ministra", "Sr") */
  titles: string[];
  /** lower-case regex sources of titles and roles a person is introduced with ("ambassador", "vocero") */
  roles: string[];
  /** a role after a name and a comma ("Jorge Heine, former ambassador"): the articles, and the regex sources of the words */
  roleAfterArticles: string[];
  roleAfterWords: string[];
  /** words that may stand between a name's comma and its role ("former", "ex", "the") */
  roleLeads: string[];
  /** the articles before a role that speaks ("the ambassador said", "dijo el mandatario") */
  roleArticles: string[];
  /** regex sources of role words that introduce the person after them ("el gerente del metro, Andrés Escobar") */
  introducingRoles: string[];
  /** regex sources of verbs of speaking ("said", "afirmó", "disse") */
  speechVerbs: string[];
  /** the word that opens reported speech ("said that", "dijo que") */
  that: string[];
  /** pronouns that speak as the last speaker, capitalised ("He", "Ela") */
  pronouns: string[];
  /** particles inside a speaker's name ("Lula da Silva") */
  nameParticles: string[];
}

/** How a language marks a name as a place ("port of Santos", "en Colón", "Colón province"). */
export interface PlaceWords {
  /** words before a name that make it a place, lower case ("in", "puerto de", "no"); only the document's own language's count */
  cuesBefore: string[];
  /** words after a name that make it a place ("port", "province") */
  cuesAfter: string[];
  /** region words alone before a name, in any document ("provincia", "região") */
  regionWords: string[];
  /** words before or after a name that mean its region rather than the city of the same name ("state of", "province") */
  regionBefore: string[];
  regionAfter: string[];
}

/**
 * Sentences of the language and what the extractor reads in them, which the contract suite checks for every pack
 * (published 2025-06-01): a figure's property, value and unit; a project's status; a time expression's value.
 */
export interface PackExamples {
  figures: [string, string, number, string][];
  statuses: [string, ProjectStatus][];
  times: [string, string][];
}

/** Everything the extractor knows of one language. Every pack has every part (the contract suite checks). */
export interface LanguagePack {
  /** ISO 639-1 code of the language, as documents declare it */
  code: string;
  numbers: NumberWords;
  units: UnitWords;
  counts: CountWords;
  money: MoneyWords;
  qualifiers: QualifierWords;
  times: TimeWords;
  sentences: SentenceWords;
  subjects: SubjectWords;
  indicators: IndicatorWords;
  statuses: StatusWords;
  relations: RelationWords;
  funders: FunderWords;
  names: NameWords;
  facilities: FacilityWords;
  quotes: QuoteWords;
  places: PlaceWords;
  examples: PackExamples;
}
