/**
 * Entities: acronym definitions, laws, plans, places and nationalities from the gazetteer,
 * places by their use, names with an organization word, and bare acronyms, in that order.
 */
import { COUNTRY_ACRONYMS, fold, gazetteer, isDemonym } from '../../gazetteer';
import { isCurrencyUnit } from '../../currencies';
import type { EntityType } from '../../model';
import { wordValue } from '../../numbers';
import { isAcronym, isCapitalized, Kind, type Token } from '../../tokens';
import { MONTHS } from '../dates/rules';
import { ARMED, classifyName, CONNECTORS, CURRENCY_NOUN, GOV, LANGUAGE_NEXT, NGO, NOT_PLACE, ORG, REGION_WORDS } from './names';
import { appositiveType, idAfter, lawOrPlan, parenStart, longFormBefore, properChunkEnd, splitChunk, titleAfter, yearsBefore } from './phrases';
import type { LocalEntity } from './types';
import { isCode } from '../money/currency';
import { isYearToken } from '../numbers/rules';

/** One sentence being read: what the passes share. */
interface Scan {
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly folded: readonly string[];
  readonly out: LocalEntity[];
  /** Tokens a pass has claimed: a later pass skips them, so an earlier pass wins. */
  readonly used: Uint8Array;
  readonly sentenceStart: Uint8Array;
  readonly g: ReturnType<typeof gazetteer>;
  /** The definitions {@link definitions} found, by the acronym's offset: {@link plans} extends one to a plan's whole name. */
  readonly definitionAt: Map<number, LocalEntity>;
  /** Adds a mention of tokens i to j and claims them. */
  readonly push: (i: number, j: number, type: EntityType | undefined, extra?: Partial<LocalEntity>) => LocalEntity;
}

/** The passes, in order: the more specific a pass, the earlier it claims its tokens. */
const PASSES: ReadonlyArray<(c: Scan) => void> = [
  definitions, countryAcronyms, laws, lowerCaseCodes, namedNgos, plans, gazetteerNames, placesByUse, organizationNames, bareAcronyms,
];

export function scanEntities(text: string, tokens: readonly Token[], folded: readonly string[],
  ranges: ReadonlyArray<readonly [number, number]>): LocalEntity[] {
  // A hard-wrapped paragraph may begin with the lines of a page header (`2023 TIP Report -
  // Belize The`, `U.S. Department of State`, `NEPAL: TIER 2`): no name runs across the end of
  // such a short line, but a name may run on across the end of a full line of wrapped text.
  const cuts = headerBreaks(text, tokens);
  if (cuts.length > 0) {
    const all: LocalEntity[] = [];
    let a = 0;
    for (const b of [...cuts, tokens.length]) {
      const part = tokens.slice(a, b);
      const r = ranges.filter(([x]) => x >= a && x < b).map(([x, y]) => [x - a, Math.min(y, b) - a] as const);
      all.push(...scanTokens(text, part, folded.slice(a, b), r.length > 0 ? r : [[0, part.length]]));
      a = b;
    }
    return all;
  }
  return scanTokens(text, tokens, folded, ranges);
}

/** Where a short line of capitals ends inside the sentence: the token after each such line break. */
function headerBreaks(text: string, tokens: readonly Token[]): number[] {
  const cuts: number[] = [];
  for (let k = 1; k < tokens.length; k++) {
    const gap = text.slice(tokens[k - 1]!.e, tokens[k]!.s);
    if (!gap.includes('\n')) continue;
    const lineStart = text.lastIndexOf('\n', tokens[k - 1]!.s) + 1;
    const line = text.slice(lineStart, tokens[k - 1]!.e);
    const prev = tokens[k - 1]!;
    // The next line, when it is a short one that ends no sentence (`June 12, 2007`, `Publication Date`).
    const nextEnd = text.indexOf('\n', tokens[k]!.s);
    const next = text.slice(tokens[k]!.s, nextEnd < 0 ? text.length : nextEnd).trim();
    const shortNext = next.length < 45 && !/[.;:!?)]$/.test(next);
    if ((line.trim().length < 45 || shortNext) && (isCapitalized(prev) || prev.k !== Kind.Word) && (prev.l === 'the' || !CONNECTORS.has(prev.l)) && isCapitalized(tokens[k]!)) cuts.push(k);
  }
  return cuts;
}

function scanTokens(text: string, tokens: readonly Token[], folded: readonly string[],
  ranges: ReadonlyArray<readonly [number, number]>): LocalEntity[] {
  const out: LocalEntity[] = [];
  const used = new Uint8Array(tokens.length);
  const sentenceStart = new Uint8Array(tokens.length);
  for (const [a] of ranges) sentenceStart[a] = 1;
  const push = (i: number, j: number, type: EntityType | undefined, extra?: Partial<LocalEntity>): LocalEntity => {
    let e = tokens[j - 1]!.e;
    // `Mali’s`: the possessive is not part of the name.
    const last = tokens[j - 1]!.t;
    if (/['’]s$/.test(last)) e -= 2;
    const s = tokens[i]!.s;
    const t = text.slice(s, e);
    const ent: LocalEntity = { s, e, text: t, key: fold(t), ...extra };
    if (type) ent.type = type;
    out.push(ent);
    for (let q = i; q < j; q++) used[q] = 1;
    return ent;
  };
  const scan: Scan = { text, tokens, folded, out, used, sentenceStart, g: gazetteer(), definitionAt: new Map(), push };
  for (const pass of PASSES) pass(scan);
  out.sort((x, y) => x.s - y.s);
  return out;
}

/** Acronym definitions: `Long Form (ACR)`. */
function definitions(c: Scan): void {
  const { tokens, folded, used, g, definitionAt, push } = c;
  for (let i = 2; i + 1 < tokens.length; i++) {
    if (tokens[i - 1]!.t !== '(' || tokens[i + 1]!.t !== ')' || !(isAcronym(tokens[i]!) || COUNTRY_ACRONYMS.has(tokens[i]!.t))) continue;
    if (used[i] || tokens[i]!.t === 'FCFA' || tokens[i]!.t === 'CFAF') continue;
    if (isCode(tokens[i]!.t) && isCurrencyUnit(tokens[i - 2]?.l ?? '')) continue; // `dirhams (AED)`
    const long = longFormBefore(tokens, i - 1);
    if (!long) continue;
    let [ls, le] = long;
    // `Cameroon, Chad, Democratic Republic of the Congo (DRC)`, `the Palermo Protocol and the
    // Trafficking Victims Protection Act (TVPA)`: in a list, the acronym defines the last item
    // only, when that item is a known name, or when both sides are names of their own.
    const known = g.match(folded, ls);
    const named = (a: number, b: number): boolean => {
      const hit = g.match(folded, a);
      return (hit !== undefined && hit.length === b - a) || classifyName(tokens.slice(a, b).map((x) => x.t)) !== undefined || lawOrPlan(tokens, a, b) !== undefined;
    };
    for (let q = ls + 1; q < le - 1 && !(known && known.length === le - ls); q++) {
      if (tokens[q]!.t !== ',' && tokens[q]!.l !== 'and') continue;
      let r = q + 1;
      if (tokens[r]?.l === 'and') r++;
      if (tokens[r]?.l === 'the') r++;
      if (r >= le || !isCapitalized(tokens[r]!)) continue;
      const tail = g.match(folded, r);
      if ((tail && r + tail.length === le) || (named(ls, q) && named(r, le))) {
        ls = r;
        break;
      }
    }
    // `the Government of the Central African Republic (CAR)`: the government is unnamed; the
    // acronym is the country's.
    if (tokens[ls]?.t === 'Government' && tokens[ls + 1]?.l === 'of' && ls + 2 < le) ls += tokens[ls + 2]?.l === 'the' && ls + 3 < le ? 3 : 2;
    // `People’s Republic of China (PRC)`: a known name whose first word looks like an owner.
    const whole = ls > 0 ? g.match(folded, ls - 1) : undefined;
    if (whole && whole.length === le - ls + 1 && /['’]s$/.test(tokens[ls - 1]!.t)) ls--;
    // `2018-2022 National Plan of Action (NPA)`: the years belong to the name.
    ls = yearsBefore(tokens, ls);
    const words = tokens.slice(ls, le).filter((t) => t.k === Kind.Word).map((t) => t.t);
    const gz = g.match(folded, ls);
    // `Kurdistan Region of Iraq (IKR)`: an administrative word names a region.
    const admin = words.some((w) => /^(Region|Province|District|Governorate|Prefecture|Oblast)$/.test(w)) ? 'region' as const : undefined;
    const type = gz && gz.length === le - ls ? gz.type : classifyName(words) ?? lawOrPlan(tokens, ls, le) ?? admin;
    const acr = tokens[i]!;
    // `Safe Haven Lunaria (SHL), an NGO,`: the apposition says what it is.
    const apposition = tokens[i + 2]?.t === ',' ? appositiveType(tokens, i + 3) : undefined;
    definitionAt.set(acr.s, push(ls, le, apposition ?? type, { acronym: { s: acr.s, e: acr.e, text: acr.t } }));
    used[i] = 1;
  }
}

/** `BiH`, `CAR`, `DRC`: a country's acronym, in the case it is written, defined or not. */
function countryAcronyms(c: Scan): void {
  const { tokens, used, push } = c;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (used[i] || t.k !== Kind.Word || (tokens[i + 1]?.t === '$' && !tokens[i + 1]!.sp)) continue;
    const bare = t.t.replace(/['’]s$/, '');
    if (COUNTRY_ACRONYMS.has(bare)) push(i, i + 1, 'country', { bareAcronym: true, key: fold(bare) });
  }
}

/** Laws: `Law 2012-023 Relating to ...`, `Law No. 14 of 2015`, `2012 anti-trafficking law`, `Decree No. 5`. */
function laws(c: Scan): void {
  const { tokens, used, push } = c;
  for (let i = 0; i < tokens.length; i++) {
    if (used[i]) continue;
    const t = tokens[i]!;
    const lawWord = t.t === 'Law' || t.t === 'Decree' || t.t === 'Act' || t.t === 'Ordinance' || t.t === 'Code' || t.t === 'Charter';
    // `the Law on Social Assistance`: a capitalized title after `on` names the law.
    const titled = t.t === 'Law' && tokens[i + 1]?.l === 'on' && titleAfter(tokens, i + 1) > i + 2;
    // `Bonded Labor (Prohibition) Act`: a capitalized word in parentheses before the law word.
    const parenBefore = tokens[i - 1]?.t === ')' && parenStart(tokens, i - 1) > 0 && isCapitalized(tokens[parenStart(tokens, i - 1) - 1]!) && !used[parenStart(tokens, i - 1) - 1];
    if (lawWord && (idAfter(tokens, i + 1) > i + 1 || titled || parenBefore || (i > 0 && isCapitalized(tokens[i - 1]!) && !used[i - 1]))) {
      let j = idAfter(tokens, i + 1);
      // `Domestic Workers Law No. 9`, `Ministerial Decree No. 212`, `Labor Law of 1996`
      let st = i;
      for (;;) {
        const p = tokens[st - 1];
        if (!p || used[st - 1] || i - st >= 12) break;
        // `Zembla’s Labor Act`: the owner is not part of the title.
        if (isCapitalized(p) && /['’]s$/.test(p.t) && !/^(women|children|workers|people)['’]s$/.test(p.l)) break;
        if (isCapitalized(p) && !isAcronym(p) && !/^(the|in|under|during|a|an|this|its|while|although|though|since|because|when|if|after|before|as|per|by|with|despite)$/i.test(p.t)) st--;
        // `Prevention of Human Trafficking Act`, `Anti-Trafficking in Persons Act`
        else if (/^(of|on|against|for|and|in)$/.test(p.l) && tokens[st - 2] && isCapitalized(tokens[st - 2]!) && !/['’]s$/.test(tokens[st - 2]!.t) && st < i) st--;
        // `Bonded Labour System (Abolition) Act`, `Criminal Law (Codification and Reform) Act`
        else if (p.t === ')' && parenStart(tokens, st - 1) > 0 && isCapitalized(tokens[parenStart(tokens, st - 1) - 1]!)) st = parenStart(tokens, st - 1);
        else break;
      }
      if (tokens[st]?.l === 'of' || tokens[st]?.l === 'and') st++;
      if (st === i && j === i + 1 && !titled) continue;
      st = yearsBefore(tokens, st);
      // `Criminal Law (Codification and Reform) Act`: the law word after the parenthesis ends the name.
      if (tokens[j]?.t === '(') {
        let close = j + 1;
        while (close < tokens.length && close < j + 8 && tokens[close]!.t !== ')') close++;
        if (tokens[close]?.t === ')' && parenStart(tokens, close) === j && /^(Act|Law|Code|Decree|Ordinance)$/.test(tokens[close + 1]?.t ?? '')) j = close + 2;
      }
      // `of 2015`, `, 2011`
      if (tokens[j]?.l === 'of' && isYearToken(tokens[j + 1])) j += 2;
      else if (tokens[j]?.t === ',' && isYearToken(tokens[j + 1]) && t.t === 'Act') j += 2;
      // `Labour Act 2074`, `Act, 2074`: a year of another calendar (Nepal's Bikram Sambat).
      else if (t.t === 'Act' && tokens[j]?.k === Kind.Number && /^20[4-9]\d$/.test(tokens[j]!.t)) j += 1;
      else if (t.t === 'Act' && tokens[j]?.t === ',' && tokens[j + 1]?.k === Kind.Number && /^20[4-9]\d$/.test(tokens[j + 1]!.t)) j += 2;
      // A title in capitals: `Relating to the Combat against Trafficking in Persons and Similar Practices`, `on ...`
      j = titleAfter(tokens, j);
      push(st, j, 'law');
      i = j - 1;
      continue;
    }
    // `2012 anti-trafficking law`, `2012 law`, `2015 Penal Code`
    if (isYearToken(t)) {
      let j = i + 1;
      while (j < tokens.length && j < i + 4 && tokens[j]!.k === Kind.Word && /^(anti-[a-z]+|trafficking|labor|labour|penal|criminal|child|protection|amended|new|revised|domestic|worker|workers|migration|slavery|smuggling|code|law|act)$/i.test(tokens[j]!.l) && !/^(law|act|code)$/.test(tokens[j]!.l)) j++;
      if (j < tokens.length && /^(law|act|code)$/.test(tokens[j]!.l)) {
        // `2003 Law on Human Smuggling and Trafficking`: the title after `on` belongs to it.
        let end = j + 1;
        // `2006 Act Relating to the Transportation of Minors ...`, `Law against Trafficking ...`
        if (/^(Law|Act)$/.test(tokens[j]!.t) && /^(on|relating|against|concerning|regarding|governing)$/.test(tokens[end]?.l ?? '')) end = Math.max(end, titleAfter(tokens, end));
        // `2017 Labour Act 2074`: the same year in another calendar.
        if (tokens[j]!.t === 'Act' && tokens[end]?.k === Kind.Number && /^20[4-9]\d$/.test(tokens[end]!.t)) end++;
        push(i, end, 'law');
        i = end - 1;
        continue;
      }
      // `2013 inter-ministerial protocol`, `2018-2022 National Plan of Action`
    }
  }
}

/** Codes in lower case: `the penal code`, `the labor code`. */
function lowerCaseCodes(c: Scan): void {
  const { tokens, used, push } = c;
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (used[i] || used[i + 1]) continue;
    if (/^(penal|criminal|labor|labour|child|family|civil)$/.test(tokens[i]!.l) && tokens[i + 1]!.l === 'code') {
      const ys = yearsBefore(tokens, i);
      push(ys, i + 2, 'law');
      i++;
    }
  }
}

/** `the NGO Maison Espoir`: a name right after the word NGO is an NGO's. */
function namedNgos(c: Scan): void {
  const { tokens, used, push } = c;
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (tokens[i]!.t !== 'NGO' || used[i + 1] || !isCapitalized(tokens[i + 1]!) || isAcronym(tokens[i + 1]!)) continue;
    let j = properChunkEnd(tokens, i + 1, used);
    for (let q = i + 2; q < j; q++) if (/^(in|to|on|against|for|and)$/.test(tokens[q]!.l)) j = Math.min(j, q);
    if (j > i + 1) {
      push(i + 1, j, 'ngo');
      used[i] = 1;
    }
  }
}

/** Plans: `2018-2022 National Plan of Action (NPA) to Combat ...`, `2013 inter-ministerial protocol`, `National Action Plan`. */
function plans(c: Scan): void {
  const { text, tokens, used, definitionAt, push } = c;
  for (let i = 0; i < tokens.length; i++) {
    if (used[i] || tokens[i]!.l === 'the') continue;
    const t = tokens[i]!;
    let j = i;
    if (isYearToken(t)) {
      j = i + 1;
      if (tokens[j]?.t === '-' && isYearToken(tokens[j + 1])) j += 2;
    }
    let k = j;
    while (k < tokens.length && k < j + 6 && tokens[k]!.k === Kind.Word && !used[k] && (isCapitalized(tokens[k]!) || /^(inter-ministerial|interministerial|national|action|of|anti-trafficking)$/.test(tokens[k]!.l))) {
      if (/^(plan|protocol|strategy|policy|roadmap)$/.test(tokens[k]!.l)) break;
      k++;
    }
    const head = tokens[k];
    // `Labor Migration Policy`: a policy is a plan when its name is capitalized.
    if (!head || used[k] || !(/^(plan|protocol|strategy|roadmap)$/.test(head.l) || (head.t === 'Policy' && k > j && isCapitalized(tokens[k - 1]!)))) continue;
    if (k === j && j === i) continue; // a bare `plan`
    const named = j > i || tokens.slice(j, k).some((x) => isCapitalized(x) && x.l !== 'the');
    if (!named) continue;
    let end = k + 1;
    if (isCapitalized(head) && tokens[end]?.l === 'of' && tokens[end + 1]?.l === 'action') end += 2;
    // `(NPA) to Combat Trafficking in Persons`
    const defStart = end;
    if (tokens[end]?.t === '(' && isAcronym(tokens[end + 1] ?? tokens[end]!) && tokens[end + 2]?.t === ')') end += 3;
    if (tokens[end]?.l === 'to' || tokens[end]?.l === 'for' || tokens[end]?.l === 'against' || tokens[end]?.l === 'on') {
      const te = titleAfter(tokens, end + 1);
      if (te > end + 1) end = te;
      else end = end === defStart ? defStart : end;
    }
    const hadAcr = end > defStart && tokens[defStart]?.t === '(';
    if (hadAcr) {
      // The definition was already read in pass 1 for the long form; extend that mention instead.
      const prior = definitionAt.get(tokens[defStart + 1]!.s);
      if (prior) {
        prior.s = tokens[i]!.s;
        prior.e = tokens[end - 1]!.e;
        prior.text = text.slice(prior.s, prior.e);
        prior.type = 'plan';
        for (let q = i; q < end; q++) used[q] = 1;
        i = end - 1;
        continue;
      }
    }
    // `the 2000 UN TIP Protocol` is an international instrument (a law), a `protocol` of a ministry a plan.
    push(i, end, classifyName(tokens.slice(i, end).map((x) => x.t)) === 'law' ? 'law' : 'plan');
    i = end - 1;
  }
}

/** Gazetteer: countries, regions, cities, nationalities, international organizations. */
function gazetteerNames(c: Scan): void {
  const { tokens, folded, used, sentenceStart, g, push } = c;
  for (let i = 0; i < tokens.length; i++) {
    // `al-Shabaab`, `anti-Balaka`: a name may begin with a lower-case particle.
    if (used[i] || tokens[i]!.k !== Kind.Word || !(isCapitalized(tokens[i]!) || /^(al|el|ex|anti)-\p{Lu}/u.test(tokens[i]!.t))) continue;
    let hit = g.match(folded, i);
    // `Nairobi-based recruiters`, `Chinese-owned vessels`: the place or people before the hyphen.
    const compound = /^(\p{Lu}[\p{L}]+)-(based|owned|run|operated|born|flagged|registered|led|funded|sponsored|controlled|bound)$/u.exec(tokens[i]!.t);
    if (!hit && compound) {
      const part = g.match([fold(compound[1]!)], 0);
      if (part && part.length === 1) {
        const ent = push(i, i + 1, part.type);
        ent.e = ent.s + compound[1]!.length;
        ent.text = compound[1]!;
        ent.key = fold(compound[1]!);
      }
      continue;
    }
    if (!hit) continue;
    const after0 = tokens[i + hit.length];
    // `Hong Kong dollars`, `Tanzania shilling`: the country names a currency, not a place.
    if ((hit.type === 'country' || hit.type === 'nationality' || hit.type === 'city') && after0 && after0.k === Kind.Word && CURRENCY_NOUN.test(after0.l)) {
      for (let q = i; q < i + hit.length; q++) used[q] = 1;
      i += hit.length - 1;
      continue;
    }
    // `in French and English`, `the French version`: a language, not a nationality.
    if (hit.type === 'nationality' && (tokens[i - 1]?.l === 'in' || (after0 && LANGUAGE_NEXT.test(after0.l))
      || (/^(and|or)$/.test(tokens[i - 1]?.l ?? '') && tokens[i - 3]?.l === 'in' && g.match(folded, i - 2)?.type === 'nationality'))) {
      used[i] = 1;
      continue;
    }
    // `Republic of Montenegro`, `Kingdom of Saudi Arabia`, `State of Qatar`: the country's formal name.
    if (hit.type === 'country' && tokens[i - 1]?.t === 'of' && /^(Republic|Kingdom|Sultanate|State|Principality|Commonwealth|Federation)$/.test(tokens[i - 2]?.t ?? '') && !used[i - 2]) {
      const whole = hit.length + 2;
      i -= 2;
      hit = { ...hit, length: whole };
    }
    // `Mai Mai Guidon`: a faction takes the name of its movement and its own.
    if (hit.type === 'armed-group') {
      let n = hit.length;
      while (tokens[i + n] && tokens[i + n]!.sp && isCapitalized(tokens[i + n]!) && !isAcronym(tokens[i + n]!) && !used[i + n] && n < hit.length + 3) n++;
      hit = { ...hit, length: n };
    }
    // `Gao region`, `Kayes Region`: the word `region` names a region.
    let type = hit.type;
    if ((type === 'city' || type === 'country') && /^regions?$/.test(tokens[i + hit.length]?.l ?? '') && hit.type === 'city') type = 'region';
    // Part of a longer proper name (`Malian Bar Association`) is not a mention of its own.
    // `Western Balkans`, `Porto Lumen`, `Costa Verde`: a known word inside a longer name.
    const before = tokens[i - 1];
    const after = tokens[i + hit.length];
    if (before && before.k === Kind.Word && isCapitalized(before) && !sentenceStart[i - 1] && !used[i - 1] && !isAcronym(before)
      && !/['’]s$/.test(before.t) && hit.type !== 'nationality' && !g.match(folded, i - 1)) continue;
    if (after && after.sp && isCapitalized(after) && !isAcronym(after) && (hit.type === 'city' || hit.type === 'region') && !classifyName([after.t]) && !g.match(folded, i + hit.length) && !MONTHS[after.l]) continue;
    // `U.S. Department of State`: a country abbreviated with points before a body's name is part of it.
    if (tokens[i + hit.length - 1]!.t === '.' && after && after.sp && isCapitalized(after) && !isAcronym(after)) {
      const bodyEnd = properChunkEnd(tokens, i + hit.length, used);
      const bodyType = classifyName(tokens.slice(i + hit.length, bodyEnd).map((t) => t.t));
      if (bodyType === 'government-body') {
        push(i, bodyEnd, bodyType);
        i = bodyEnd - 1;
        continue;
      }
    }
    const possessive = /['’]s$/.test(tokens[i + hit.length - 1]!.t);
    const chunkEnd = possessive ? i : properChunkEnd(tokens, i, used);
    if (chunkEnd > i + hit.length && classifyName(tokens.slice(i, chunkEnd).map((t) => t.t))) continue;
    push(i, i + hit.length, type);
    i += hit.length - 1;
  }
}

/**
 * Places the gazetteer does not know, by their use: `in Kangaba and Bamako`, `the salt
 * mines of Taoudeni`, `the Costa Verde region`, `the Sankoro and Dira regions`. One to three
 * capitalized words after a preposition of place or before `region`, not at a sentence
 * start, not inside a longer title, not a known word of another kind.
 */
function placesByUse(c: Scan): void {
  const { tokens, out, used, sentenceStart, push } = c;
  const placeEnds = new Set<number>();
  for (const x of out) if (x.type === 'city' || x.type === 'region' || x.type === 'country') placeEnds.add(x.e);
  const placeAt = (k: number): boolean => tokens[k] !== undefined && placeEnds.has(tokens[k]!.e);
  for (let i = 1; i < tokens.length; i++) {
    if (used[i] || sentenceStart[i]) continue;
    const t = tokens[i]!;
    // `Sana'a` keeps its apostrophe; `Nigeria’s` is a possessive.
    if (!isCapitalized(t) || isAcronym(t) || t.t.length < 3 || /['’]s$/.test(t.t)) continue;
    let end = i + 1;
    for (;;) {
      while (end < tokens.length && end < i + 3 && !used[end] && isCapitalized(tokens[end]!) && !isAcronym(tokens[end]!) && tokens[end]!.sp && !/['’]s$/.test(tokens[end]!.t)) end++;
      // `Ciudad del Este`, `San Pedro de Macoris`: a particle inside a Spanish, Portuguese or French place name.
      const particle = tokens[end];
      if (particle && end < i + 4 && /^(del|de|do|da|dos|das|du|des)$/.test(particle.t) && tokens[end + 1] && isCapitalized(tokens[end + 1]!) && !used[end + 1] && !isAcronym(tokens[end + 1]!)) end += 2;
      else break;
    }
    const next = tokens[end];
    if (next && isCapitalized(next) && next.sp) continue; // a longer name, not a place
    const prev = tokens[i - 1]!;
    // `Victims of Violent Crime`: after a capitalized word and a preposition it is part of a title.
    // `Office to Monitor and Combat ...` at a line's start: a body's word starts a title too.
    if (tokens[i - 2] && isCapitalized(tokens[i - 2]!) && (!sentenceStart[i - 2] || (GOV.test(tokens[i - 2]!.l) && /^(to|for|of)$/.test(prev.l))) && CONNECTORS.has(prev.l) && prev.l !== 'and' && !placeAt(i - 2)) continue;
    const regionWord = REGION_WORDS.test(next?.l ?? '') && !isCapitalized(next!);
    const listed = (prev.l === 'and' && (placeAt(i - 2) || (tokens[i - 2]?.t === ',' && placeAt(i - 3)))) || (prev.t === ',' && placeAt(i - 2));
    const placePrep = /^(in|from|near|to|of|at|around|across|throughout|between|outside|within|inside)$/.test(prev.l) || listed;
    const pairRegion = end === i + 1 && next?.l === 'and' && isCapitalized(tokens[i + 2] ?? next) && REGION_WORDS.test(tokens[i + 3]?.l ?? '') && /s$/.test(tokens[i + 3]!.l);
    if (!regionWord && !placePrep && !pairRegion) continue;
    const words = tokens.slice(i, end).map((x) => x.t);
    if (words.some((w) => NOT_PLACE.test(w.toLowerCase()) || isDemonym(w.toLowerCase()) || MONTHS[w.toLowerCase()] || wordValue(w.toLowerCase()) !== undefined)) continue;
    if (classifyName(words)) continue;
    if (/^(ethnicity|ethnic|community|communities|people|peoples|language|languages|tribe|tribes|origin|descent|workers|nationals|countries|authorities|government)$/.test(next?.l ?? '')) continue;
    if (end === i + 1) {
      if (/(ic|ist|ism|ian|ese|ans|ity|ment|tion|ness)$/.test(t.l)) continue;
      if (t.t.includes('-') && !/^[\p{Lu}][\p{L}]*(-[\p{Lu}][\p{L}]*)+$/u.test(t.t)) continue;
    }
    // `the Bala-Bala militias`: a name before a word for armed men is an armed group's.
    if (/^(militias?|rebels|fighters)$/.test(next?.l ?? '') && !isCapitalized(next!)) {
      push(i, end, 'armed-group');
      continue;
    }
    // `Tarsa Province` (a capitalized administrative word ends the run) is a region too.
    const adminLast = /^(Province|Region|District|Prefecture|Governorate|County|State|Department|Oblast)$/.test(tokens[end - 1]!.t);
    // `North Asia`, `Southern Africa`: a part of a continent is a region.
    const continent = end > i + 1 && /^(Africa|Asia|Europe|America|Americas|Oceania|Caribbean)$/.test(tokens[end - 1]!.t);
    push(i, end, regionWord || pairRegion || adminLast || continent ? 'region' : 'city');
    placeEnds.add(tokens[end - 1]!.e);
    i = end - 1;
  }
}

/** Proper names with an organization word: `Brigade de Moeurs`, `National Police`, `Court of Assizes`. */
function organizationNames(c: Scan): void {
  const { tokens, used, sentenceStart, push } = c;
  for (let i = 0; i < tokens.length; i++) {
    if (used[i] || !isCapitalized(tokens[i]!) || isAcronym(tokens[i]!)) continue;
    let j = properChunkEnd(tokens, i, used);
    if (j === i) continue;
    let s = i;
    // `Nigeria’s National Agency`, `Veldora’s`, `PNL’s`: a possessive is the owner, not part of
    // the name. A title of several words (`Attorney General’s Office`) or a word for people
    // (`Lord’s Resistance Army`, `Women’s Charter`) is part of it.
    for (let q = i; q < j - 1; q++) {
      if (!/['’]s$/.test(tokens[q]!.t)) continue;
      const inName = (q > s && !c.g.match(c.folded, q) && !isAcronym({ ...tokens[q]!, t: tokens[q]!.t.slice(0, -2) }))
        || /^(lord|people|women|children|workers|attorney|president|citizens|employers|farmers)['’]s$/.test(tokens[q]!.l);
      if (!inName) s = q + 1;
    }
    // Leading function words capitalized at a sentence start: `The Brigade`, `During`, `In`.
    // `Publisher United States Department of State`: the label of a field in a pasted page header.
    while (s < j && (sentenceStart[s] || tokens[s]!.l === 'the') && /^(the|in|during|under|with|as|however|for|and|a|an|its|this|publisher|author)$/.test(tokens[s]!.l)) s++;
    // `Placement in National Service for Minors`: a common noun capitalized at a sentence start, then a preposition.
    if (sentenceStart[s] && /^(in|to|with|by|from|at|under|within|into)$/.test(tokens[s + 1]?.l ?? '') && !classifyName([tokens[s]!.t]) && s + 2 < j && classifyName(tokens.slice(s + 2, j).map((t) => t.t))) s += 2;
    // `Give the Cyber Crimes Division` (recommendations run together): a verb, then `the`.
    if (sentenceStart[s] && tokens[s + 1]?.l === 'the' && s + 2 < j) s += 2;
    // `Secretary of the Ministry of Home Affairs`: the person's title is not the body's name.
    if (/^(secretary|minister|director|head|chairman|chairperson|chair|president|deputy|commissioner|governor|mayor|members?|officers?|officials?|representatives?|staff|employees|agents)$/.test(tokens[s]?.l ?? '')
      && tokens[s + 1]?.l === 'of' && s + 2 < j) s += tokens[s + 2]?.l === 'the' ? 3 : 2;
    if (s >= j) continue;
    // Split `X of the Y` when both sides are names of their own: `Brigade de Moeurs of the National Police`.
    const parts = splitChunk(tokens, s, j);
    for (const [ps, pe] of parts) {
      const words = tokens.slice(ps, pe).map((t) => t.t);
      if (pe - ps === 1 && isAcronym(tokens[ps]!)) continue;
      const last = words[words.length - 1]!;
      // `Northern Savanna Province`, `Kayes Region`: an administrative area.
      if (pe - ps > 1 && /^(Province|Region|District|Governorate|County|Prefecture|Oblast|Emirate)$/.test(last)) {
        push(ps, pe, 'region');
        continue;
      }
      const type = classifyName(words);
      if (!type || type === 'plan') continue;
      // `Parliament`, `Senate`: a legislature is named by its one word.
      if (pe - ps === 1 && /^(Parliament|Senate|Congress)$/.test(words[0]!)) {
        push(ps, pe, 'government-body');
        continue;
      }
      if (pe - ps === 1 && classifyName(words) && (GOV.test(fold(words[0]!)) || ARMED.test(fold(words[0]!)) || ORG.test(fold(words[0]!)) || NGO.test(fold(words[0]!)) || /s$/.test(words[0]!))) continue;
      if (/^(government)$/i.test(words[0]!) && words.length > 1) continue; // `Government of Mali` is the government, not a name
      push(ps, pe, type);
    }
    i = j - 1;
  }
}

/** Bare acronyms: typed by the document-level pass from their definitions. `MFEF’s` too. */
function bareAcronyms(c: Scan): void {
  const { text, tokens, out, used, g } = c;
  for (let i = 0; i < tokens.length; i++) {
    if (used[i]) continue;
    let t = tokens[i]!;
    if (/['’]s$/.test(t.t) && t.k === Kind.Word) {
      const bare = t.t.slice(0, -2);
      t = { ...t, t: bare, l: bare.toLowerCase(), e: t.e - 2 };
    }
    // `US$`: a currency sign, not a name.
    if (tokens[i + 1]?.t === '$' && !tokens[i + 1]!.sp) continue;
    if (!isAcronym(t)) continue;
    const name = !notAnAcronymName(tokens, i, t.t);
    const ys = yearsBefore(tokens, i);
    if (ys < i) {
      // `the 2018-2022 NPA`, `the 2007 HTTCA`: a dated acronym is a law or a plan; its last
      // letters tell which when the text does not define it (`P`lan, `S`trategy, `P`lan of
      // `A`ction, `A`ction `P`lan; else a law: `A`ct, `L`aw, `C`ode).
      const s0 = tokens[ys]!.s;
      const dated: LocalEntity = { s: s0, e: t.e, text: text.slice(s0, t.e), key: fold(t.t), bareAcronym: true, acronymText: t.t };
      if (name) dated.fallbackType = /(P|S|PA|AP)s?$/.test(t.t) ? 'plan' : 'law';
      out.push(dated);
      continue;
    }
    const plural = /[a-z]s$|[A-Z]s$/.test(t.t) && t.t.endsWith('s') && t.t.length > 2 ? t.t.slice(0, -1) : t.t;
    const hit = g.match([fold(plural)], 0);
    const ent: LocalEntity = { s: t.s, e: t.e, text: t.t, key: fold(t.t), bareAcronym: true };
    if (hit) ent.type = hit.type;
    else if (KNOWN_ARMED_GROUPS.has(plural)) ent.type = 'armed-group';
    else if (KNOWN_PLANS.has(plural)) ent.type = 'plan';
    // Undefined in the document, an acronym is most often a government body's: the
    // guidelines list ministries, police units, agencies, committees and funds there, and
    // narratives spell out the ones of international organizations and NGOs, which the
    // gazetteer knows anyway.
    else if (name) ent.fallbackType = 'government-body';
    out.push(ent);
  }
}

/** Acronyms of plans that narratives use without spelling them out: national referral mechanism, national action plan. */
const KNOWN_PLANS: ReadonlySet<string> = new Set(['NRM', 'NAP']);

/** Acronyms of armed groups that narratives use without spelling them out. */
const KNOWN_ARMED_GROUPS: ReadonlySet<string> = new Set(['ISIS', 'ISIL', 'LRA', 'FDLR', 'AQIM', 'LTTE', 'FARC', 'ELN', 'ADF', 'RSF']);

/**
 * Capitals that are not the acronym of a name: common nouns (`NGO`, `HIV`, `TIP`, `IDPs`),
 * currency codes, Roman numerals, and words of a heading in capitals (`TIER 2 WATCH LIST`,
 * `PROSECUTION`).
 */
const NOT_NAMES = /^(NGOs?|INGOs?|CSOs?|CBOs?|FBOs?|TIP|HIV|AIDS|COVID|ID|IDs|SMS|GDP|CEOs?|OK|TV|DNA|GMT|UTC|LGBTQ?I?|IDPs?|OFWs?|CSEC|CSE|GBV|SGBV|OSEC|DDR|MOUs?|MOAs?|FY|PDF|URL|ICT|IT|AM|PM|KM|USD|FCFA|CFA|CFAF|SOPs?|TIER|WATCH|LIST|PROSECUTION|PROTECTION|PREVENTION|PROFILE|SUMMARY|TRAFFICKING|RECOMMENDATIONS|TVPA)$/;

function notAnAcronymName(tokens: readonly Token[], i: number, bare: string): boolean {
  if (NOT_NAMES.test(bare) || /^[IVXLC]+$/.test(bare) || isCode(bare)) return true;
  // `SOS Enfance Zembla`: capitals that begin a longer name are not a name of their own.
  const next = tokens[i + 1];
  if (next && next.sp && next.k === Kind.Word && isCapitalized(next) && !isAcronym(next) && !/^(and|or)$/i.test(next.t)) return true;
  // A heading or a sentence in capitals: the words around it are capitals too.
  const caps = (k: number): boolean => tokens[k]?.k === Kind.Word && /^[A-Z]{3,}:?$/.test(tokens[k]!.t) && !isCode(tokens[k]!.t);
  return caps(i - 1) || caps(i + 1);
}
