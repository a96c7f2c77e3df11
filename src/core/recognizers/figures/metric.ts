/**
 * The metric of a figure: what the nouns it counts and the verbs around it say
 * (`convicted 13 traffickers`, `identified 106 potential victims`, `sentenced to 10 years`).
 */
import type { Metric } from '../../model';
import { isCapitalized, type Token } from '../../tokens';
import type { LocalFigure } from './types';

/** Verb stems that decide a metric, checked in the sentence around a figure. */
export const VERB_METRICS: Array<[RegExp, Metric | 'victims']> = [
  [/^investigat(e|ed|es|ing|ion|ions)$/, 'investigations'],
  [/^(prosecut(e|ed|es|ing|ion|ions)|indict(ed|ing|s|ment|ments)?|charged|charges|tried)$/, 'prosecutions'],
  [/^convict(ed|ing|s|ion|ions)?$/, 'convictions'],
  [/^acquit(ted|ting|s|tal|tals)?$/, 'acquittals'],
  [/^arrest(ed|ing|s)?$/, 'arrests'],
  [/^sentenc(e|ed|es|ing)$/, 'convictions'],
  [/^(repatriat(e|ed|es|ing|ion)|return)$/, 'repatriated'],
  [/^train(ed|ing|s)?$/, 'officials-trained'],
  [/^refer(s|red|ring|ral|rals)?$/, 'victims-referred'],
  [/^(assist|assisted|assisting|assistance|served|serving|provided|providing|cared)$/, 'victims-assisted'],
  [/^(sheltered|sheltering|housed|housing|accommodated)$/, 'victims-sheltered'],
  [/^(confirm(ed|ing|s)?|identif(y|ied|ies|ying|ication)|recogni[sz](e|ed|es|ing)|rescu(e|ed|es|ing)|detect(ed|ing)|remov(al|ed|ing)|withdr(ew|awn|awal)|freed|liberated)$/, 'victims-identified'],
  [/^estimat(e|ed|es|ing)$/, 'victims-estimated'],
  [/^(detained|detain|detaining|jailed|deported|deport|exploit|exploited|exploiting|exploits|abused|abusing|bringing|brought|transporting|transported|selling|sold|recruiting|extradited|extradite|extraditing|employed|employing|hired|confined|sent|expelled|appeals|appealed|fined)$/, 'other'],
];

const TRAINEES = /^(officials?|responders?|judges?|prosecutors?|magistrates?|officers?|police|policemen|gendarmes?|investigators?|actors?|personnel|inspectors?|staff|participants?|diplomats?|stakeholders?|soldiers?|troops|guards?|employees|workers|members|teachers|leaders|journalists|students|attendees|trainers|agents|professionals|practitioners|civil|law|border|labor|labour|justice|government|security|immigration|consular|health|social|community|religious|military|customs)$/;

const PERSON_NOUNS = /^(associates|accomplices|co-defendants|brokers|pimps|smugglers|traffickers?|persons?|people|individuals?|suspects?|defendants?|offenders?|perpetrators?|slaveholders?|men|women|nationals|officials?|officers?|employers?|recruiters?|migrants?|workers?|returnees?|citizens?|[a-z]+ans?|[a-z]+ese|[a-z]+is)$/;

const PERPETRATORS = /^(suspects?|traffickers?|defendants?|offenders?|perpetrators?|accused)$/;

const CHILD_SOLDIER_CONTEXT = /\b(armed|soldiers?|soldiering|recruit\w*|combat\w*|militias?|fighters?|conscript\w*|DDR|disarmament|military)\b/i;

const RULE_WORDS = /\b(law(?! enforcement)|laws|limitation|notice|decree|code|regulation|regulations|requires?|required|maximum|minimum|entitled|entitles|permits?|provides?|mandates?|must)\b/i;

/** What a sentence says, computed once and only when a figure asks (a sentence may be 1 MB long). */
export class SentenceFacts {
  private cache = new Map<string, boolean>();
  constructor(readonly text: string) {}
  private memo(key: string, re: RegExp): boolean {
    let v = this.cache.get(key);
    if (v === undefined) this.cache.set(key, (v = re.test(this.text)));
    return v;
  }
  get ruleWords(): boolean { return this.memo('rule', RULE_WORDS); }
  get requirement(): boolean { return this.memo('req', /\b(required|requires|must|maximum|minimum)\b/); }
  get childSoldiers(): boolean { return this.memo('child', CHILD_SOLDIER_CONTEXT); }
  get detained(): boolean { return this.memo('held', /\bheld\b[^;]{0,200}\b(camps?|detention|custody|prisons?|jails?|cells?)\b/); }
  get victims(): boolean { return this.memo('victims', /\bvictims?\b/i); }
  get training(): boolean { return this.memo('training', /\b(train(ed|ing|s)?|seminars?|workshops?|courses?)\b/i); }
  get prescribed(): boolean { return this.memo('prescribed', /\bprescrib|penalt|punishable/i); }
  get sentenced(): boolean { return this.memo('sentenced', /\bsentenced|received\b/i); }
  /** A court's act: a sentence imposed, not one the law sets. */
  get court(): boolean { return this.memo('court', /\b(prosecut\w*|courts?|trials?|judges?|judicial)\b/i); }
  get imposed(): boolean { return this.memo('imposed', /\b(sentenced|received|receiving|imposed|handed|convicted|convictions?|courts?|judges?|served|serving|jailed|traffickers?|defendants?|offenders?|perpetrators?)\b/i); }
  get lawWords(): boolean { return this.memo('lawWords', /\b(criminali[sz]\w*|articles?|crimes?|offen[cs]es?|prohibits?|makes? it)\b/i); }
}

export function durationMetric(tokens: readonly Token[], i: number, j: number, b: number, facts: SentenceFacts): Metric {
  const before = (k: number): string => tokens[i - k]?.l ?? '';
  const after = tokens[j]?.l ?? '';
  if (after === 'old' || /year-old/.test(tokens[j - 1]?.l ?? '') || before(1) === 'aged' || before(1) === 'age'
    || (before(1) === 'of' && (before(2) === 'ages' || before(2) === 'age')) || (before(1) === 'between' && before(3) === 'ages')
    || (before(2) === 'ages' && before(3) === 'the') || (before(1) === 'of' && before(2) === 'ages')) return 'age';
  const near = (re: RegExp): boolean => {
    for (let k = Math.max(0, i - 20); k < Math.min(b, j + 4); k++) if (re.test(tokens[k]!.l)) return true;
    return false;
  };
  if (near(/^(penalt|prescrib|punishable|punish|carried|carries|carry)/)) return 'penalty';
  if (near(/^(sentenc|imprisonment|suspended|jail|prison|received|served)/)) {
    if (facts.prescribed && !facts.sentenced) return 'penalty';
    // `Article 22 ... subject to a prison sentence of one to six years`, `the minimum sentence is
    // five years`: a sentence the law sets, where no court imposed one.
    if (!facts.imposed && (facts.ruleWords || facts.lawWords)) return 'penalty';
    return 'sentence';
  }
  return 'other';
}

/**
 * The figure before this one in the sentence, when the two are items of one list
 * (`five Nigerians for sex trafficking and two Malian slaveholders`): only `and`, commas and
 * words that are not verbs of a metric lie between them.
 */
export function listPrev(tokens: readonly Token[], figs: readonly LocalFigure[], from: number, i: number): LocalFigure | undefined {
  const prev = figs.length > from ? figs[figs.length - 1] : undefined;
  if (!prev || prev.unit || prev.metric === 'other') return undefined;
  let joined = false;
  for (let k = i - 1; k >= 0 && tokens[k]!.e > prev.e; k--) {
    const t = tokens[k]!;
    if (t.l === 'and' || t.t === ',') joined = true;
    else if (t.t === ';' || t.t === '(' || t.t === ')' || verbMetric(t.l) || PHRASE_STOP_VERBS.test(t.l)) return undefined;
  }
  return joined ? prev : undefined;
}

const PHRASE_STOP_VERBS = /^(involving|compared|while|but|whereas|versus|received|including|of)$/;

export function countMetric(tokens: readonly Token[], a: number, b: number, i: number, j: number, counts: string, facts: SentenceFacts,
  listed?: LocalFigure): Metric {
  const words = counts.toLowerCase().split(/\s+/);
  const has = (re: RegExp): boolean => words.some((w) => re.test(w));
  const head = words[words.length - 1] ?? '';
  // Nouns that say it all.
  if (has(/^investigations?$/)) return 'investigations';
  if (has(/^repatriations?$/)) return 'repatriated';
  if (has(/^prosecutions?$/)) return 'prosecutions';
  if (has(/^convictions?$/)) return 'convictions';
  if (has(/^acquittals?$/)) return 'acquittals';
  if (has(/^arrests?$/)) return 'arrests';
  // `44 traffickers detained by police`: suspects held are arrests.
  if (has(PERPETRATORS) && (words.some((w) => /^detained$/.test(w)) || /^(detained|detaining|detain)$/.test(tokens[i - 1]?.l ?? ''))) return 'arrests';
  // `three kiln owners convicted under ...`, `nine suspects arrested in 2014`: a participle in the phrase.
  const inner = words.slice(1).map((w) => verbMetric(w)).find((m) => m && m !== 'victims' && m !== 'other' && m !== 'officials-trained');
  if (inner && !has(/^(victims?|children|cases?)$/)) return inner === 'prosecutions' ? 'defendants' : inner as Metric;
  const verb = nearestVerb(tokens, a, b, i, j);
  // `acquitted four defendants`, `convicted 13 defendants`: a verb right before the number decides.
  let before = verbMetric(tokens[i - 1]?.l ?? '') ?? verbMetric(tokens[i - 2]?.l ?? '');
  // `identified and referred 37 victims`: the first of two joined verbs says what is counted.
  const joined = tokens[i - 1] && verbMetric(tokens[i - 1]!.l) ? i - 1 : i - 2;
  if (before && /^victims-/.test(before) && tokens[joined - 1]?.l === 'and' && verbMetric(tokens[joined - 2]?.l ?? '') === 'victims-identified') before = 'victims-identified';
  // `convictions of 22 defendants in 2018, 16 defendants in 2017`: an item of a list that counts
  // what the item before it counts, in the same words, has its metric.
  if (listed && counts !== '' && listed.counts.toLowerCase() === counts.toLowerCase()) return listed.metric;
  if (has(/^defendants?$/)) return before && before !== 'prosecutions' && before !== 'victims' && !/^victims-|other/.test(before) ? before : 'defendants';
  // `referred 19 suspects to the courts for prosecution`: what is done to victims is not what
  // suspects are counted as; sent to court, they are defendants.
  const perpetrators = has(PERPETRATORS);
  if (perpetrators && (before && /^victims-|^repatriated$/.test(before) || (!before && /^victims-(referred|assisted|sheltered)$/.test(String(nearestVerb(tokens, a, b, i, j)))))) {
    return facts.court ? 'defendants' : 'other';
  }
  // Children held in a camp or in detention are counted as detained, not as recruited.
  if (before && /^victims-(referred|assisted|sheltered)$|^repatriated$/.test(before) && !has(/^(cases?)$/)) return before as Metric;
  if (has(/^(children|child|boys|girls|minors)$/) && facts.childSoldiers && verb !== 'other' && !facts.detained
    && !/^victims?$/.test(head)) return 'child-soldiers';
  // An item of a list counts what the item before it counts.
  if (listed && (counts === '' || words.some((w) => PERSON_NOUNS.test(w)) || has(/^(children|child|boys|girls|minors|adults|men|women)$/))) return listed.metric;
  // `32 suspects arrested, 16 traffickers prosecuted, and 16 convicted`: a participle right after
  // the number says what it counts, before the list or a verb further back.
  const own = counts === '' ? undefined : verbMetric(words[0]!);
  if (own && own !== 'victims' && own !== 'other' && words.every((w) => verbMetric(w) !== undefined)) return own === 'prosecutions' ? 'defendants' : own;
  // `Of those 106 assisted`, `including 18 from Pakistan`: no noun, the verb says what is counted.
  if (counts === '' || words.every((w) => verbMetric(w) !== undefined)) {
    if (verb && verb !== 'victims' && verb !== 'officials-trained') return verb;
    return 'other';
  }
  if (has(/^victims?$/) || has(/^survivors?$/)) {
    // `referred 176 presumed victims`: what was done to them decides; `identified 106 potential victims`.
    if (before && /^victims-(referred|assisted|sheltered)$|^repatriated$/.test(before)) return before as Metric;
    if (has(/^(potential|possible|presumed|suspected)$/)) return 'potential-victims';
    if (verb && verb !== 'victims' && /^victims|repatriated$/.test(verb)) return verb as Metric;
    if (verb === 'investigations' || verb === 'prosecutions' || verb === 'convictions') return 'other';
    return 'other';
  }
  if (verb === 'officials-trained') return words.some((w) => TRAINEES.test(w)) ? 'officials-trained' : 'other';
  if (facts.training && words.some((w) => TRAINEES.test(w)) && !has(/^(victims?|children)$/)) return 'officials-trained';
  if (has(/^cases?$/)) {
    if (verb === 'investigations' || verb === 'prosecutions' || verb === 'convictions' || verb === 'acquittals') return verb;
    return 'other';
  }
  if (words.some((w) => PERSON_NOUNS.test(w)) || has(/^(children|child|boys|girls|minors|adults|men|women|victims)$/)) {
    if (verb === 'prosecutions') return 'defendants';
    if (verb === 'investigations') return 'investigations';
    if (verb === 'convictions' || verb === 'acquittals' || verb === 'arrests' || verb === 'repatriated') return verb;
    if (verb && /^victims-/.test(verb) && verb !== 'victims-estimated') return verb as Metric;
    if (verb === 'victims-estimated' && (facts.victims || has(/^(children|child|girls|boys|women|minors|persons|people|citizens|nationals)$/))) return 'victims-estimated';
  }
  return 'other';
}

/** The last word of a noun phrase, lower case: `female victims` → `victims`. */
export function headNoun(counts: string): string {
  const k = counts.lastIndexOf(' ');
  return counts.slice(k + 1).toLowerCase();
}

/** The metric a verb near the figure implies: the nearest to the left in the clause, else right after. */
function nearestVerb(tokens: readonly Token[], a: number, b: number, i: number, j: number): Metric | 'victims' | undefined {
  const right = (): Metric | 'victims' | undefined => {
    let depth = 0;
    for (let k = j, seen = 0; k < b && seen < 6; k++) {
      const t = tokens[k]!;
      // `64 adults (10 women and 54 men) were assisted`: look past the breakdown.
      if (t.t === '(') depth++;
      else if (t.t === ')') depth = Math.max(0, depth - 1);
      if (depth > 0 || t.t === ')') continue;
      seen++;
      if (t.t === ',' || t.t === ';' || t.l === 'and' || t.l === 'or') break;
      const m = verbMetric(t.l);
      if (m) return m;
    }
    return undefined;
  };
  // `28 were foreign national children ... were assisted`: a verb right after the phrase wins
  // when the figure opens its clause.
  const opens = i === a || tokens[i - 1]!.t === ',' || tokens[i - 1]!.t === ';'
    || (/^(those|these|them)$/.test(tokens[i - 1]!.l) && tokens[i - 2]?.l === 'of');
  if (opens) {
    const r = right();
    if (r) return r;
  }
  // Bounded: a verb more than 40 words back governs some other phrase.
  for (let k = i - 1; k >= a && k >= i - 40; k--) {
    const t = tokens[k]!;
    if (t.t === ';') break;
    if (k > a && isCapitalized(t)) continue; // `Criminal Investigations Department` is a name, not a verb
    const m = verbMetric(t.l);
    if (m) {
      // `identified and referred 121 victims`, `identifying and referring to care 400`: the first
      // of two joined verbs says what the figure counts (the victims identified, then referred).
      const before = tokens[k - 1]?.l === 'and' ? verbMetric(tokens[k - 2]?.l ?? '') : undefined;
      return before && before !== 'other' && before !== m && /^victims-/.test(String(m)) && /^victims-identified$/.test(String(before)) ? before : m;
    }
  }
  return right();
}

export function verbMetric(l: string): Metric | 'victims' | undefined {
  for (const [re, m] of VERB_METRICS) if (re.test(l)) return m;
  return undefined;
}
