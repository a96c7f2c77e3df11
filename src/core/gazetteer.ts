/**
 * Names the engine knows by heart: places and nationalities (from compromise's lexicon,
 * see scripts/gen-lexicon.js, plus what narratives need that it lacks), international
 * organizations. Lookups are by lower-cased, accent-free token sequences.
 */
import lexicon from './data/lexicon.json';
import type { EntityType } from './model';

// `fold` lives with the currencies (which this file reads), so that neither imports the other's importer.
export { fold } from './currencies';
import { fold } from './currencies';

const EXTRA_COUNTRIES = [
  "cote d'ivoire", 'ivory coast', 'democratic republic of the congo', 'democratic republic of congo', 'republic of the congo', 'drc',
  'guinea-bissau', 'the gambia', 'gambia', 'eswatini', 'timor-leste', 'north macedonia', 'czechia',
  'burma', 'united states', 'united kingdom', 'kosovo', 'south sudan', 'cabo verde', 'sao tome and principe',
  'uae', 'chad', 'niger', 'jordan', 'laos', 'georgia', 'philippines', 'the philippines', 'korea', 'north korea', 'south korea', 'taiwan', 'hong kong', 'macau', 'palestine',
  // Countries of several words, joined by `and` or with an apostrophe, and former countries.
  'bosnia and herzegovina', 'serbia and montenegro', 'saint kitts and nevis', 'st . kitts and nevis', 'trinidad and tobago',
  'antigua and barbuda', 'saint vincent and the grenadines', 'st . vincent and the grenadines', 'saint lucia', 'st . lucia',
  'papua new guinea', 'marshall islands', 'solomon islands', 'turks and caicos islands', 'heard and mcdonald islands',
  // The words are matched without a final `'s` (`People’s` -> `people`).
  'people republic of china', 'democratic people republic of korea', 'lao people democratic republic',
  'antigua', 'soviet union', 'yugoslavia', 'czechoslovakia', 'bosnia', 'herzegovina',
  // Abbreviations written with points: `U.S.`, `U.A.E.`, `U. A. E.`, `U.K.`
  'u . s .', 'u . s . a .', 'u . a . e .', 'u . k .',
];
/**
 * Countries by their acronym, in the case they are written (`BiH`, `CAR` but not `car`). A bare
 * acronym from this list is a country mention even when the text never spells it out.
 */
export const COUNTRY_ACRONYMS: ReadonlySet<string> = new Set([
  'DRC', 'CAR', 'BiH', 'UAE', 'PRC', 'DPRK', 'ROK', 'ROC', 'USSR', 'UK', 'US', 'USA', 'KSA', 'TRNC', 'PNG', 'RMI', 'FSM', 'SVG',
]);
/** Continents and world regions. */
const WORLD_REGIONS = [
  'europe', 'africa', 'asia', 'middle east', 'gulf', 'west africa', 'east africa', 'central africa',
  'north africa', 'southern africa', 'sub-saharan africa', 'latin america', 'south asia', 'southeast asia',
  'central asia', 'caribbean', 'sahel', 'balkans', 'western balkans', 'horn of africa', 'north america', 'south america',
  'central america', 'western europe', 'eastern europe', 'central europe', 'southern europe', 'northern europe',
  'east asia', 'oceania', 'persian gulf', 'arabian peninsula', 'maghreb', 'levant',
  'subsaharan africa', 'middle east and north africa', 'south caucasus', 'caucasus',
  'north caucasus', 'southeast europe', 'south-east europe', 'southeastern europe', 'south east asia', 'south-east asia',
  'east africa', 'western africa', 'eastern africa', 'west asia', 'western asia', 'pacific islands', 'americas',
  'scandinavia', 'indian subcontinent', 'greater mekong subregion', 'mekong region', 'great lakes region',
  'central and eastern europe', 'central and south america', 'arabian gulf', 'asia-pacific', 'asia pacific',
];
/**
 * States, provinces and islands that narratives name often as places of origin or
 * exploitation and that the lexicon lacks (it knows Punjab, Bihar, Chiapas, ...).
 */
const SUBNATIONAL_REGIONS = [
  'rakhine', 'kachin', 'kayin', 'kayah', 'sagaing', 'shan state', 'bali', 'java', 'east java', 'west java', 'central java',
  'sumatra', 'north sumatra', 'kalimantan', 'west kalimantan', 'sulawesi', 'riau islands', 'west nusa tenggara',
  'east nusa tenggara', 'sindh', 'khyber pakhtunkhwa', 'balochistan', 'baluchistan', 'mindanao', 'luzon', 'visayas',
  'qassim', 'uttar pradesh', 'west bengal', 'tamil nadu', 'andhra pradesh', 'madhya pradesh', 'himachal pradesh',
  'jammu and kashmir', 'kashmir', 'guerrero', 'quintana roo', 'baja california', 'yunnan', 'xinjiang', 'guangxi', 'sabah',
  'kurdistan', 'kurdistan region', 'iraqi kurdistan', 'darfur', 'north kivu', 'south kivu', 'ituri', 'katanga', 'kasai',
  'tigray', 'amhara', 'oromia', 'puntland', 'somaliland', 'transnistria', 'abkhazia', 'south ossetia', 'crimea', 'donbas',
  'chechnya', 'dagestan', 'siberia', 'zanzibar', 'casamance', 'cabo delgado', 'niger delta', 'sinai', 'west bank', 'gaza',
  'gaza strip', 'northern cyprus', 'mindanao island', 'borneo', 'patagonia', 'amazon region',
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
  'laotian', 'laotians', 'malaysian', 'malaysians', 'singaporean', 'singaporeans', 'mongolian', 'mongolians', 'south sudanese',
  'rwandan', 'rwandans', 'burundian', 'burundians', 'tanzanian', 'tanzanians', 'zambian', 'zambians', 'zimbabwean', 'zimbabweans',
  'malawian', 'malawians', 'mozambican', 'mozambicans', 'angolan', 'angolans', 'namibian', 'namibians', 'malagasy', 'comorian',
  'djiboutian', 'venezuelans', 'guatemalan', 'guatemalans', 'honduran', 'hondurans', 'salvadoran', 'salvadorans', 'nicaraguan',
  'nicaraguans', 'ecuadorian', 'ecuadorians', 'peruvian', 'peruvians', 'bolivian', 'bolivians', 'paraguayan', 'paraguayans',
  'fijian', 'fijians', 'kazakhstani', 'kazakhstanis', 'south african', 'south africans', 'central african', 'central africans',
  'bosnian', 'herzegovinian', 'salvadoran', 'trinidadian', 'trinidadians', 'tobagonian', 'kittitian', 'nevisian', 'papua new guinean',
  'emirati', 'sri lankan', 'timorese', 'mauritian', 'mauritians', 'seychellois', 'cabo verdean', 'cabo verdeans', 'cape verdean',
  'andorran', 'antiguan', 'antiguans', 'argentinian', 'argentinians', 'bahamian', 'bahamians', 'barbadian', 'barbadians', 'belizean',
  'belizeans', 'bhutanese', 'botswanan', 'comoran', 'comorans', 'costa rican', 'costa ricans', 'cypriot', 'cypriots', 'danish',
  'equatoguinean', 'equatoguineans', 'finnish', 'grenadian', 'grenadians', 'guyanese', 'irish', 'i-kiribati', 'basotho', 'maldivian',
  'maldivians', 'maltese', 'marshallese', 'micronesian', 'micronesians', 'nauruan', 'palauan', 'palauans', 'slovenian', 'slovenians',
  'surinamese', 'swazi', 'swazis', 'swedish', 'tongan', 'tongans', 'tuvaluan', 'uruguayan', 'uruguayans', 'new zealander',
  'new zealanders', 'bruneian', 'bruneians', 'vincentian', 'vincentians', 'saint lucian', 'macanese', 'kosovan', 'kosovans',
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
  ['UNWOMEN', 'UN Women'],
  ['OHCHR', 'Office of the United Nations High Commissioner for Human Rights'],
  ['UNAIDS', 'Joint United Nations Programme on HIV/AIDS'],
  ['WFP', 'World Food Programme'],
  ['UNESCO', 'United Nations Educational, Scientific and Cultural Organization'],
  ['UNMISS', 'United Nations Mission in South Sudan'],
  ['MONUSCO', 'United Nations Organization Stabilization Mission in the Democratic Republic of the Congo'],
  ['UNAMA', 'United Nations Assistance Mission in Afghanistan'],
  ['MINUSCA', 'United Nations Multidimensional Integrated Stabilization Mission in the Central African Republic'],
  ['UNSC', 'United Nations Security Council'],
  ['OAS', 'Organization of American States'],
  ['SICA', 'Central American Integration System'],
  ['CARICOM', 'Caribbean Community'],
  ['IGAD', 'Intergovernmental Authority on Development'],
  ['EAC', 'East African Community'],
  ['COMESA', 'Common Market for Eastern and Southern Africa'],
  ['SAARC', 'South Asian Association for Regional Cooperation'],
  ['BIMSTEC', 'Bay of Bengal Initiative for Multi-Sectoral Technical and Economic Cooperation'],
  ['APEC', 'Asia-Pacific Economic Cooperation'],
  ['CIS', 'Commonwealth of Independent States'],
  ['CSTO', 'Collective Security Treaty Organization'],
  ['NATO', 'North Atlantic Treaty Organization'],
  ['FATF', 'Financial Action Task Force'],
  ['ICC', 'International Criminal Court'],
  ['IMF', 'International Monetary Fund'],
  ['OIC', 'Organisation of Islamic Cooperation'],
  ['ICMPD', 'International Centre for Migration Policy Development'],
  ['IPU', 'Inter-Parliamentary Union'],
  ['ACTIP', 'ASEAN Convention against Trafficking in Persons, Especially Women and Children'],
  ['UNCTED', 'United Nations Counter-Terrorism Committee Executive Directorate'],
  ['EUROJUST', 'European Union Agency for Criminal Justice Cooperation'],
  ['FRONTEX', 'European Border and Coast Guard Agency'],
  ['', 'United Nations Security Council'],
  ['', 'UN Security Council'],
  ['', 'UN Human Rights Council'],
  ['', 'Human Rights Council'],
  ['', 'European Commission'],
  ['', 'European Parliament'],
  ['', 'Arab League'],
  ['', 'League of Arab States'],
  ['', 'Commonwealth Secretariat'],
  ['', 'Nordic Council of Ministers'],
  ['', 'Council of the Baltic Sea States'],
  ['', 'Bali Process'],
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
  'Shared Hope International', 'Liberty Shared', 'Verite', 'Winrock International', 'Catholic Relief Services', 'Mercy Corps',
  'International Rescue Committee', 'Oxfam', 'CARE International', 'SOS Children\'s Villages', 'Caritas Internationalis',
  'Global Fund to End Modern Slavery', 'Freedom Fund', 'Justice and Care', 'A21', 'Destiny Rescue', 'Love146',
];

/** Non-state armed groups that narratives name without a word that types them. */
const KNOWN_ARMED_GROUPS = [
  'Taliban', 'al-Shabaab', 'al-Shabab', 'al Shabaab', 'Boko Haram', 'ISIS', 'ISIL', 'Islamic State', 'Da\'esh', 'Daesh',
  'Hizballah', 'Hezbollah', 'Houthis', 'Houthi', 'Ansar Allah', 'al-Qaida', 'al-Qaeda', 'Hamas', 'Mai Mai', 'Mai-Mai',
  'anti-Balaka', 'ex-Seleka', 'Seleka', 'Janjaweed', 'Wagner Group', 'Jamaat Nusrat al-Islam wal-Muslimin', 'Haqqani Network',
];
/** Armed forces that narratives name by a proper name alone. */
const KNOWN_FORCES = ['Tatmadaw', 'Rapid Support Forces'];

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
  for (const r of [...lexicon.region, ...WORLD_REGIONS, ...SUBNATIONAL_REGIONS]) g.add(r, 'region');
  for (const c of [...lexicon.city, ...EXTRA_CITIES]) g.add(c, 'city');
  for (const d of [...lexicon.demonym, ...EXTRA_DEMONYMS]) if (!NOT_NATIONALITIES.has(d) && !g.match([d], 0)) g.add(d, 'nationality');
  for (const [acr, long] of INTERNATIONAL_ORGANIZATIONS) {
    if (acr) g.add(acr, 'international-organization');
    g.add(long, 'international-organization');
  }
  for (const n of KNOWN_NGOS) g.add(n, 'ngo');
  for (const n of KNOWN_ARMED_GROUPS) g.add(n, 'armed-group');
  for (const n of KNOWN_FORCES) g.add(n, 'government-body');
  instance = g;
  return g;
}
