/**
 * Where names begin and end: a run of capitalized words, the long form before `(ACR)`, the
 * identifier and title of a law, the years before a plan's name.
 */
import { fold } from '../../gazetteer';
import type { EntityType } from '../../model';
import { isAcronym as isAcronymToken, isCapitalized, Kind, type Token } from '../../tokens';
import { ARMED, classifyName, CONNECTORS, GOV, ORG } from './names';
import { isYearToken } from '../numbers/rules';

/** Extends a name start back over `2018-2022 ` or `2013 `. */
export function yearsBefore(tokens: readonly Token[], ls: number): number {
  if (isYearToken(tokens[ls - 1]) && tokens[ls - 2]?.t === '-' && !tokens[ls - 2]!.sp && isYearToken(tokens[ls - 3])) return ls - 3;
  if (isYearToken(tokens[ls - 1])) return ls - 1;
  return ls;
}

/** `an NGO`, `a non-governmental organization`, `an international organization`, `a non-state armed group`. */
export function appositiveType(tokens: readonly Token[], k: number): EntityType | undefined {
  const w = (d: number): string => tokens[k + d]?.l ?? '';
  if (w(0) !== 'a' && w(0) !== 'an') return undefined;
  if (tokens[k + 1]?.t === 'NGO' || (w(1) === 'non-governmental' && w(2) === 'organization')) return 'ngo';
  if (w(1) === 'international' && w(2) === 'organization') return 'international-organization';
  if ((w(1) === 'non-state' || w(1) === 'non-governmental' || w(1) === 'rebel') && (w(2) === 'armed' || w(2) === 'group')) return 'armed-group';
  if (w(1) === 'armed' && w(2) === 'group') return 'armed-group';
  return undefined;
}

export function lawOrPlan(tokens: readonly Token[], s: number, e: number): EntityType | undefined {
  const words = tokens.slice(s, e).map((t) => t.l);
  if (words.includes('law') || words.includes('code') || words.includes('decree') || words.includes('act')) return 'law';
  if (words.includes('plan') || words.includes('strategy') || words.includes('protocol')) return 'plan';
  return undefined;
}

/** The end of an identifier after `Law`: `2012-023`, `No. 14`, `No. 2019-0411`, `14/2015`. */
export function idAfter(tokens: readonly Token[], i: number): number {
  let k = i;
  if (tokens[k]?.l === 'no' || tokens[k]?.l === 'number') {
    k++;
    if (tokens[k]?.t === '.') k++;
  }
  if (tokens[k]?.k !== Kind.Number) return i;
  k++;
  while ((tokens[k]?.t === '-' || tokens[k]?.t === '/' || tokens[k]?.t === '.') && !tokens[k]!.sp && tokens[k + 1]?.k === Kind.Number && !tokens[k + 1]!.sp) k += 2;
  return k;
}

/** A capitalized title after a law or plan: `Relating to the Combat against Trafficking in Persons`. */
export function titleAfter(tokens: readonly Token[], j: number): number {
  let k = j;
  let end = j;
  const first = tokens[k];
  if (!first || !(isCapitalized(first) || /^(on|relating|against|concerning|regarding|governing)$/.test(first.l))) return j;
  // Titles are short: a run of more than 24 words is not one title.
  while (k < tokens.length && k < j + 24 && (tokens[k]!.k === Kind.Word || tokens[k]!.t === ',') && (tokens[k]!.t === ',' || isCapitalized(tokens[k]!) || CONNECTORS.has(tokens[k]!.l) || tokens[k]!.l === 'relating')) {
    // `... of Persons and the Law on Social Assistance`: another law's name begins.
    if (k > j && /^(Law|Act|Code|Decree|Ordinance)$/.test(tokens[k]!.t) && !isCapitalized(tokens[k - 1]!)) break;
    // `Law on the Prevention, Suppression, and Punishment of ...`: a comma between the nouns of one title.
    if (tokens[k]!.t === ',' && k > j) {
      const n = tokens[k + 1]?.l === 'and' ? tokens[k + 2] : tokens[k + 1];
      if (n && isCapitalized(n) && /(tion|sion|ment|ance|ence|ing|ity)$/.test(n.l)) {
        k++;
        continue;
      }
    }
    if (tokens[k]!.t === ',') break;
    // `... and the Penal Code`: a law named after `and the` is another one.
    if (tokens[k]!.l === 'and' && tokens[k + 1]?.l === 'the') {
      let q = k + 2;
      while (q < tokens.length && q < k + 7 && tokens[q]!.k === Kind.Word && isCapitalized(tokens[q]!) && !/^(Law|Act|Code|Decree|Ordinance)$/.test(tokens[q]!.t)) q++;
      if (q > k + 2 && /^(Law|Act|Code|Decree|Ordinance)$/.test(tokens[q]?.t ?? '')) break;
    }
    if (isCapitalized(tokens[k]!)) end = k + 1;
    k++;
  }
  return end;
}

/** Where the parenthesis closing at `close` opens: `(Codification and Reform)`, up to six words of capitals and connectors; -1 when it does not. */
export function parenStart(tokens: readonly Token[], close: number): number {
  for (let k = close - 1; k >= 0 && k >= close - 7; k--) {
    const t = tokens[k]!;
    // `(CID)`: an acronym alone in parentheses is a definition, not part of a title.
    if (t.t === '(') return k < close - 1 && isCapitalized(tokens[k + 1]!) && !(close === k + 2 && isAcronymToken(tokens[k + 1]!)) ? k : -1;
    if (t.k !== Kind.Word || !(isCapitalized(t) || CONNECTORS.has(t.l))) return -1;
  }
  return -1;
}

/** The end of a run of capitalized words joined by connectors, from i (exclusive end; i when none). */
export function properChunkEnd(tokens: readonly Token[], i: number, used: Uint8Array): number {
  let k = i;
  let end = i;
  // Names are short: a run of more than 24 tokens is not one name.
  while (k < tokens.length && !used[k] && k < i + 24) {
    const t = tokens[k]!;
    if (t.k === Kind.Word && isCapitalized(t)) {
      end = k + 1;
      k++;
      continue;
    }
    if (t.k === Kind.Word && CONNECTORS.has(t.l) && k > i) {
      k++;
      continue;
    }
    // `Women, Children, and the Family`: a comma inside a name continues with a capital or `and`.
    // `Ministry of Justice, Directorate-General for Child Protection`: a body's word after the comma starts another name.
    const afterComma = tokens[k + 1]?.l === 'and' ? tokens[k + 2] : tokens[k + 1];
    const another = afterComma !== undefined && GOV.test(afterComma.l.split('-')[0]!);
    if (t.t === ',' && k > i && !another && tokens[k + 1] && (isCapitalized(tokens[k + 1]!) || tokens[k + 1]!.l === 'and') && /^(ministry|ministries|department|office|commission|council|committee)/i.test(tokens[i]!.t)) {
      k++;
      continue;
    }
    break;
  }
  return end;
}

export function splitChunk(tokens: readonly Token[], s: number, e: number): Array<[number, number]> {
  for (let k = s + 1; k < e - 1; k++) {
    // `Specialized Judiciary Brigade and Specialized Investigative Brigade`: two names.
    if (tokens[k]!.l === 'and') {
      const left = tokens.slice(s, k).map((t) => fold(t.t));
      const right = tokens.slice(k + 1, e).map((t) => t.t);
      const head = left[left.length - 1]!;
      // `... Army and the Attorney General’s Office`: the second name starts after `the`.
      if ((GOV.test(head) || ORG.test(head) || ARMED.test(head)) && classifyName(right)) return [[s, k], ...splitChunk(tokens, tokens[k + 1]?.l === 'the' ? k + 2 : k + 1, e)];
      // `Directorate for Child Protection and the Ministry of Women`: two names, each with its body's word.
      if (tokens[k + 1]?.l === 'the' && classifyName(tokens.slice(s, k).map((t) => t.t)) && GOV.test(fold(right[1] ?? '')) && classifyName(right.slice(1))) return [[s, k], ...splitChunk(tokens, k + 2, e)];
    }
  }
  for (let k = s + 1; k < e - 2; k++) {
    if (tokens[k]!.l === 'of' && tokens[k + 1]!.l === 'the') {
      const left = tokens.slice(s, k).map((t) => t.t);
      const right = tokens.slice(k + 2, e).map((t) => t.t);
      if (classifyName(left) && classifyName(right) && !/^(ministry|minister|department|office|directorate|commission)$/i.test(left[0]!)) {
        return [[s, k], ...splitChunk(tokens, k + 2, e)];
      }
    }
  }
  return [[s, e]];
}

/** `national referral mechanism (NRM)`: a lower-case long form whose initials spell the acronym. */
function initialsBefore(tokens: readonly Token[], open: number): [number, number] | undefined {
  const acr = tokens[open + 1]?.t ?? '';
  const letters = acr.replace(/s$/, '');
  if (letters.length < 2 || letters.length > 6) return undefined;
  const start = open - letters.length;
  if (start < 0) return undefined;
  for (let q = 0; q < letters.length; q++) {
    const t = tokens[start + q]!;
    if (t.k !== Kind.Word || t.t.charAt(0).toUpperCase() !== letters.charAt(q).toUpperCase()) return undefined;
  }
  return [start, open];
}

/**
 * The long form before `(ACR)`: back over capitalized words, connectors and the lower-case
 * words of a noun phrase (`Malian armed forces`), to a determiner or verb.
 */
export function longFormBefore(tokens: readonly Token[], openAt: number): [number, number] | undefined {
  // `the Prevention of Human Trafficking Act, 2011 (PHTA)`: the year belongs to the title.
  const open = tokens[openAt - 1] && isYearToken(tokens[openAt - 1]) && tokens[openAt - 2]?.t === ',' ? openAt - 2 : openAt;
  let k = open - 1;
  let start = open;
  let caps = 0;
  let lowerRun = 0;
  while (k >= 0 && open - k <= 16) {
    const t = tokens[k]!;
    if (t.k === Kind.Word && isCapitalized(t)) {
      start = k;
      caps++;
      lowerRun = 0;
    } else if (t.t === ')' && caps > 0 && parenStart(tokens, k) > 0 && isCapitalized(tokens[parenStart(tokens, k) - 1]!)) {
      // `Immoral Traffic (Prevention) Act (ITPA)`: words in parentheses inside the title
      k = parenStart(tokens, k);
    } else if (t.k === Kind.Word && (t.l === 'the' || t.l === 'and') && k > 0 && (CONNECTORS.has(tokens[k - 1]!.l) || tokens[k - 1]!.t === ',')) {
      // `for the Advancement`, `and the Family`
    } else if (t.k === Kind.Word && CONNECTORS.has(t.l) && t.l !== 'the') {
      // keep going
    } else if (t.t === ',' && k > 0 && isCapitalized(tokens[k - 1]!) && !isAcronymToken(tokens[k - 1]!) && tokens[k + 1] && (isCapitalized(tokens[k + 1]!) || tokens[k + 1]!.l === 'and')
      && !GOV.test(tokens[k + 1]!.l.split('-')[0]!)) {
      // a comma inside a name (`Ministry of Women, Children, and the Family`), not one before
      // another body's name (`Ministry of Justice, Directorate-General for ...`)
    } else if (t.k === Kind.Word && caps === 0 && lowerRun < 3 && !/^(the|a|an|its|their|his|her|with|by|to|of|from|as|is|was|were|are|called|named|known)$/.test(t.l)) {
      lowerRun++;
      start = k;
    } else if (t.k === Kind.Word && caps > 0 && /^(des|de|du|la|le|les|pour|et|del|dos|da|di)$/.test(tokens[k - 1]?.l ?? '')) {
      // `Mouvement des patriotes du Nord`: lower-case words of a French or Spanish name
    } else if (t.k === Kind.Word && caps > 0 && lowerRun === 0 && /^(armed|security|defense|police|national|forces)$/.test(t.l) === false) {
      break;
    } else break;
    k--;
  }
  if (start === open || caps === 0) return initialsBefore(tokens, openAt);
  // Trim leading connectors, an owner (`PNL's`) and a sentence-initial `Members of the`.
  for (let q = start; q < open - 1; q++) if (/['’]s$/.test(tokens[q]!.t)) start = q + 1;
  if (tokens[start + 1]?.l === 'of' && /^(members|member|part|some|most|many|leaders|leader|head|heads|officials|officers|staff|personnel|soldiers|units?|elements|fighters)$/.test(tokens[start]!.l)) start += 2;
  while (start < open && CONNECTORS.has(tokens[start]!.l)) start++;
  if (start >= open || !isCapitalized(tokens[start]!)) return initialsBefore(tokens, openAt);
  return [start, openAt];
}
