/**
 * Names the engine knows by heart: places and nationalities (from compromise's lexicon,
 * see scripts/gen-lexicon.js, plus what narratives need that it lacks), international
 * organizations. Lookups are by lower-cased, accent-free token sequences.
 */
import lexicon from './data/lexicon.json';
import type { EntityType } from './model';

// `fold` lives with the currencies (which this file reads), so that neither imports the other's importer.
export { fold } from './currencies';
import { fold, isCurrencyUnit } from './currencies';

const EXTRA_COUNTRIES = [
  "cote d'ivoire", 'ivory coast', 'democratic republic of the congo', 'republic of the congo', 'drc',
  'guinea-bissau', 'the gambia', 'gambia', 'eswatini', 'timor-leste', 'north macedonia', 'czechia',
  'burma', 'united states', 'united kingdom', 'kosovo', 'south sudan', 'cabo verde', 'sao tome and principe',
  'uae', 'chad', 'niger', 'jordan', 'laos', 'georgia', 'philippines', 'the philippines', 'korea', 'north korea', 'south korea', 'taiwan', 'hong kong', 'macau', 'palestine',
];
/** Continents and world regions. */
const WORLD_REGIONS = [
  'europe', 'africa', 'asia', 'middle east', 'gulf', 'west africa', 'east africa', 'central africa',
  'north africa', 'southern africa', 'sub-saharan africa', 'latin america', 'south asia', 'southeast asia',
  'central asia', 'caribbean', 'sahel', 'balkans', 'western balkans', 'horn of africa', 'north america', 'south america',
  'central america', 'western europe', 'eastern europe', 'central europe', 'southern europe', 'northern europe',
  'east asia', 'oceania', 'persian gulf', 'arabian peninsula', 'maghreb', 'levant',
];
const EXTRA_CITIES = [
  'bamako', 'timbuktu', 'gao', 'mopti', 'kidal', 'segou', 'sikasso', 'kayes', 'ouagadougou', 'niamey',
  'dakar', 'conakry', 'abidjan', 'lome', 'cotonou', 'porto-novo', 'libreville', 'yaounde', 'douala',
  'ndjamena', "n'djamena", 'bangui', 'brazzaville', 'kinshasa', 'malabo', 'nouakchott', 'banjul', 'bissau',
  'freetown', 'monrovia', 'accra', 'lagos', 'abuja', 'kano', 'benin city', 'dubai', 'abu dhabi', 'doha',
  'riyadh', 'jeddah', 'muscat', 'manama', 'kuwait city', 'beirut', 'amman', 'tripoli', 'tunis', 'algiers',
  'rabat', 'casablanca', 'cairo', 'khartoum', 'addis ababa', 'nairobi', 'kampala', 'kigali', 'dar es salaam',
];
const EXTRA_DEMONYMS = [
  'malian', 'malians', 'burkinabe', 'ivoirian', 'ivoirians', 'north korean', 'north koreans', 'south korean',
  'south koreans', 'emirati', 'emiratis', 'saudi', 'saudis', 'qatari', 'qataris', 'omani', 'omanis',
  'bahraini', 'bahrainis', 'kuwaiti', 'kuwaitis', 'nigerien', 'nigeriens', 'senegalese', 'guinean', 'guineans',
  'gambian', 'gambians', 'beninese', 'togolese', 'cameroonian', 'cameroonians', 'gabonese', 'chadian',
  'chadians', 'mauritanian', 'mauritanians', 'sierra leonean', 'sierra leoneans', 'liberian', 'liberians',
  'ghanaian', 'ghanaians', 'nigerians', 'congolese', 'sudanese', 'eritrean', 'eritreans', 'ethiopian',
  'ethiopians', 'somali', 'somalis', 'kenyan', 'kenyans', 'ugandan', 'ugandans', 'filipino', 'filipinos',
  'filipina', 'filipinas', 'indonesian', 'indonesians', 'bangladeshi', 'bangladeshis', 'nepali', 'nepalis',
  'pakistani', 'pakistanis', 'indian', 'indians', 'sri lankan', 'sri lankans', 'vietnamese', 'chinese',
  'thai', 'burmese', 'cambodian', 'cambodians', 'lao', 'syrian', 'syrians', 'lebanese', 'jordanian',
  'egyptian', 'egyptians', 'libyan', 'libyans', 'tunisian', 'tunisians', 'algerian', 'algerians', 'moroccan',
  'moroccans', 'yemeni', 'yemenis', 'afghan', 'afghans', 'iraqi', 'iraqis', 'iranian', 'iranians', 'turkish',
  'ukrainian', 'ukrainians', 'russian', 'russians', 'romanian', 'romanians', 'bulgarian', 'bulgarians',
  'moldovan', 'moldovans', 'albanian', 'albanians', 'venezuelan', 'venezuelans', 'colombian', 'colombians',
  'haitian', 'haitians', 'cuban', 'cubans', 'dominican', 'dominicans', 'mexican', 'mexicans',
  'uzbek', 'uzbeks', 'uzbekistani', 'tajik', 'tajiks', 'kyrgyz', 'kazakh', 'kazakhs', 'turkmen', 'azerbaijani', 'azerbaijanis',
  'georgian', 'georgians', 'armenian', 'armenians', 'belarusian', 'belarusians', 'serbian', 'serbians', 'kosovar', 'kosovars',
  'bosnian', 'bosnians', 'montenegrin', 'macedonian', 'macedonians', 'croatian', 'croatians', 'slovak', 'slovaks', 'czech', 'czechs',
  'hungarian', 'hungarians', 'polish', 'poles', 'lithuanian', 'lithuanians', 'latvian', 'latvians', 'estonian', 'estonians',
  'laotian', 'laotians', 'malaysian', 'malaysians', 'singaporean', 'mongolian', 'mongolians', 'rohingya', 'south sudanese',
  'rwandan', 'rwandans', 'burundian', 'burundians', 'tanzanian', 'tanzanians', 'zambian', 'zambians', 'zimbabwean', 'zimbabweans',
  'malawian', 'malawians', 'mozambican', 'mozambicans', 'angolan', 'angolans', 'namibian', 'namibians', 'malagasy', 'comorian',
  'djiboutian', 'venezuelans', 'guatemalan', 'guatemalans', 'honduran', 'hondurans', 'salvadoran', 'salvadorans', 'nicaraguan',
  'nicaraguans', 'ecuadorian', 'ecuadorians', 'peruvian', 'peruvians', 'bolivian', 'bolivians', 'paraguayan', 'paraguayans',
];
/** Continental and regional adjectives are not nationalities. */
const NOT_NATIONALITIES = new Set([
  'african', 'africans', 'american', 'americans', 'asian', 'asians', 'european', 'europeans', 'congoleses',
  'arab', 'arabs', 'latin', 'caribbean', 'western', 'eastern', 'korean', 'koreans',
]);

/** Known international organizations: name -> [acronym, long form]. */
export const INTERNATIONAL_ORGANIZATIONS: ReadonlyArray<readonly [string, string]> = [
  ['UN', 'United Nations'],
  ['UNICEF', "United Nations Children's Fund"],
  ['IOM', 'International Organization for Migration'],
  ['ILO', 'International Labour Organization'],
  ['UNODC', 'United Nations Office on Drugs and Crime'],
  ['UNHCR', 'United Nations High Commissioner for Refugees'],
  ['UNDP', 'United Nations Development Programme'],
  ['UNFPA', 'United Nations Population Fund'],
  ['INTERPOL', 'International Criminal Police Organization'],
  ['ECOWAS', 'Economic Community of West African States'],
  ['ECCAS', 'Economic Community of Central African States'],
  ['AU', 'African Union'],
  ['EU', 'European Union'],
  ['OSCE', 'Organization for Security and Co-operation in Europe'],
  ['GRETA', 'Group of Experts on Action against Trafficking in Human Beings'],
  ['MINUSMA', 'United Nations Multidimensional Integrated Stabilization Mission in Mali'],
  ['EUROPOL', 'European Union Agency for Law Enforcement Cooperation'],
  ['ICRC', 'International Committee of the Red Cross'],
  ['WHO', 'World Health Organization'],
  ['GCC', 'Gulf Cooperation Council'],
  ['ASEAN', 'Association of Southeast Asian Nations'],
  ['SADC', 'Southern African Development Community'],
  ['', 'Eurojust'],
  ['', 'Frontex'],
  ['', 'World Bank'],
  ['', 'Council of Europe'],
];

/** Non-governmental organizations that narratives name often, across countries. */
const KNOWN_NGOS = [
  'La Strada International', 'La Strada', 'Terre des Hommes', 'Save the Children', 'Caritas', 'ECPAT',
  'ECPAT International', 'Anti-Slavery International', 'Walk Free', 'Polaris Project', 'International Justice Mission',
  'World Vision', 'Plan International', 'Salvation Army', 'Amnesty International', 'Human Rights Watch',
  'Doctors Without Borders', 'Medecins Sans Frontieres', 'Hagar International', 'Free the Slaves', 'Stop the Traffik',
];

export interface GazetteerHit {
  /** Number of tokens the name spans. */
  readonly length: number;
  readonly type: EntityType;
  /** The canonical (folded) key. */
  readonly key: string;
}

type Entry = { words: string[]; type: EntityType; key: string };

class Gazetteer {
  private readonly byFirst = new Map<string, Entry[]>();

  add(name: string, type: EntityType): void {
    const key = fold(name);
    // Tokens as the tokenizer makes them: hyphens and apostrophes stay inside words.
    const words = key.split(/\s+/);
    let list = this.byFirst.get(words[0]!);
    if (!list) this.byFirst.set(words[0]!, (list = []));
    if (list.some((e) => e.key === key)) return;
    list.push({ words, type, key });
    list.sort((a, b) => b.words.length - a.words.length);
  }

  /** The longest name starting at `i` in the folded words `w`. */
  match(w: readonly string[], i: number): GazetteerHit | undefined {
    const list = this.byFirst.get(w[i]!);
    if (!list) return undefined;
    for (const e of list) {
      if (i + e.words.length > w.length) continue;
      let ok = true;
      for (let j = 1; j < e.words.length; j++) {
        if (w[i + j] !== e.words[j]) {
          ok = false;
          break;
        }
      }
      if (ok) return { length: e.words.length, type: e.type, key: e.key };
    }
    return undefined;
  }
}

let demonyms: Set<string> | undefined;

/** Any demonym, also the continental ones that are not nationalities (`African`). */
export function isDemonym(lower: string): boolean {
  demonyms ??= new Set([...lexicon.demonym, ...EXTRA_DEMONYMS, ...NOT_NATIONALITIES]);
  return demonyms.has(lower);
}

let instance: Gazetteer | undefined;

export function gazetteer(): Gazetteer {
  if (instance) return instance;
  const g = new Gazetteer();
  for (const c of [...lexicon.country, ...EXTRA_COUNTRIES]) g.add(c, 'country');
  for (const r of [...lexicon.region, ...WORLD_REGIONS]) g.add(r, 'region');
  for (const c of [...lexicon.city, ...EXTRA_CITIES]) g.add(c, 'city');
  for (const d of [...lexicon.demonym, ...EXTRA_DEMONYMS]) if (!NOT_NATIONALITIES.has(d) && !g.match([d], 0)) g.add(d, 'nationality');
  for (const [acr, long] of INTERNATIONAL_ORGANIZATIONS) {
    if (acr) g.add(acr, 'international-organization');
    g.add(long, 'international-organization');
  }
  for (const n of KNOWN_NGOS) g.add(n, 'ngo');
  instance = g;
  return g;
}

/**
 * A currency's unit word (`dirhams`, `rupees`, `kwacha`) -> itself, else undefined: for the
 * entities recognizer's `dirhams (AED)` until it asks `isCurrencyUnit` (currencies.ts) itself.
 * The currencies are CLDR's (currencies.ts); this file keeps no list of its own.
 * @deprecated use `isCurrencyUnit` from `currencies.ts`.
 */
export const CURRENCY_WORDS: Readonly<Record<string, string | undefined>> = new Proxy({}, {
  get: (_target, key) => (typeof key === 'string' && isCurrencyUnit(key) ? key : undefined),
});
