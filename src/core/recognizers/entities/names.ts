/**
 * The words that type a name: government bodies, armed groups, organizations, NGOs, plans
 * and laws (`classifyName`), and the words that are not places.
 */
import { fold } from '../../gazetteer';
import type { EntityType } from '../../model';

/** Lower-case words after a name that make it an administrative area: `the Ashvin district`. */
export const REGION_WORDS = /^(regions?|districts?|prefectures?|provinces?|departments?|governorates?|counties|county|oblasts?|municipality|municipalities)$/;

/** Capitalized words that follow `in`/`from` but are not places. */
export const NOT_PLACE = /^(tier|persons|person|trafficking|combat|fight|victims|victim|human|beings|crime|crimes|violent|slavery|labor|labour|rights|justice|english|french|arabic|rohingya|uyghur|uighur|tuareg|fulani|kurdish|roma|romani|bedouin|islamic|quranic|christian|muslim|god|parliament|government|court|law|article|decree|section|chapter|annex|part|phase|the|this|that|these|those|all|some|such|each|january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|internet|facebook|whatsapp|telegram|instagram|tiktok|covid-19|covid|ebola|ramadan|christmas|prosecution|protection|prevention|profile|recommendations|summary|report|reports|state|states|national|federal|supreme|high|appeals|criminal|civil|labor|labour|penal|code|constitution|office|ministry|department|agency|committee|commission|council|police|brigade|unit|union|network|association|foundation|group|front|movement|forces|army|navy|i|ii|iii|iv|v)$/;

export const CONNECTORS = new Set(['of', 'for', 'the', 'and', 'de', 'des', 'du', 'la', 'le', 'les', 'to', 'on', 'against', 'in', 'et', "d'", 'al', 'el']);

export const GOV = /^(ministry|ministries|academy|fund|coordinator|ombudsman|commissioner|police|gendarmerie|brigade|brigades|court|courts|tribunal|committee|commission|agency|directorate|office|department|council|parliament|assembly|prosecutor|prosecutors|unit|service|services|forces|army|navy|inspectorate|secretariat|rapporteur|authority|bureau|cell|presidency|senate|judiciary|government|cabinet|division|center|centre|institute|observatory|taskforce|gendarmes|guard|task|customs|immigration|dept|units|force|constabulary|board|congress)$/;

export const ARMED = /^(group|front|movement|mouvement|militia|militias|brigades|liberation|coalition|alliance|jihad|jama'at|mujahideen|rebels)$/;

export const ORG = /^(association|network|federation|union|bar|chamber|confederation|syndicate|company|corporation|club|league|society|platform|consortium)$/;

export const NGO = /^(foundation|trust|initiative|caritas|hope|aid|relief|help|helpline|charity)$/;

/** The type a name's words suggest, or undefined when they suggest none. */
export function classifyName(words: readonly string[]): EntityType | undefined {
  const lower = words.map((w) => fold(w));
  const joined = lower.join(' ');
  if (/\b(united nations|international organization|world bank|european union|african union)\b/.test(joined) || lower[0] === 'un') return 'international-organization';
  if (/\bred (cross|crescent)\b/.test(joined)) return 'ngo';
  // `Coordinated Mekong Ministerial Initiative against Human Trafficking`: governments together.
  if (/\b(ministerial|intergovernmental|inter-governmental)\b/.test(joined) && /\b(initiative|process|conference|forum)\b/.test(joined)) return 'international-organization';
  if (/\bpublic prosecution\b/.test(joined)) return 'government-body';
  if (/\b(system|mechanism|programme|program|procedures|guidelines|framework)$/.test(joined) && !/\binternational\b/.test(joined)) return 'plan';
  if (/\b(self-defense|self-defence|armed group|liberation|jihad|islamic state|boko haram|al-shabaab|militia|resistance army)\b/.test(joined)) return 'armed-group';
  if (/\b(armed forces|defense and security forces|defence and security forces|security forces)\b/.test(joined)) return 'government-body';
  if (/\b(protocol|convention)\b/.test(joined) && words.some((w) => /^(Protocol|Convention)$/.test(w))) return 'law';
  if (/\bnational (plan|action plan|strategy|policy)\b|\bplan of action\b|\baction plan\b|\bprotocol\b/.test(joined)) return 'plan';
  // `National Assistance Trust Fund`: a national or state body with a body's word is the government's.
  if (/^(national|state|federal|central|public)$/.test(lower[0] ?? '') && lower.some((w) => GOV.test(w))) return 'government-body';
  let type: EntityType | undefined;
  for (const [n, w] of lower.entries()) {
    // `Directorate-General`: the body's word before a hyphen and a capital (not `Government-run`).
    if (GOV.test(w) || (/-\p{Lu}/u.test(words[n]!) && GOV.test(w.split('-')[0]!))) type ??= 'government-body';
    else if (ARMED.test(w)) type ??= 'armed-group';
    else if (ORG.test(w)) type ??= 'organization';
    else if (NGO.test(w)) type ??= 'ngo';
  }
  return type;
}

/** Currency words after a country or its adjective: `Hong Kong dollars`, `Tanzania shilling` name no place. */
export const CURRENCY_NOUN = /^(dollars?|shillings?|rupees?|pesos?|dinars?|riyals?|rials?|dirhams?|pounds?|francs?|euros?|yuan|won|yen|baht|ringgit|rupiah|taka|naira|cedis?|kwacha|rand|lira|lari|manat|tenge|soms?|somoni|drams?|lei|leu|lev|leva|hryvnias?|rubles?|roubles?|birr|nakfa|kip|riels?|kyats?|afghanis?|ouguiyas?|dalasis?|leones?|gourdes?|reais|real|colones?|cordobas?|lempiras?|quetzales|quetzals?|bolivianos?|soles?|guaranis?|zlotys?|forints?|korunas?|kunas?|denars?|marks?|tala|kina|vatu|florins?|guilders?|ariary|pula|maloti|loti|emalangeni|lilangeni|dobras?|escudos?|nuevo|new)$/;

/** Words after a demonym that make it a language: `the French version`. */
export const LANGUAGE_NEXT = /^(version|versions|translation|translations|language|languages|text|texts|speakers?|speaking|-speaking|dialect|dialects)$/;
