/**
 * Figures that take their metric from another: `Of the 298 victims, 171 ...`, `of those, 29
 * ...`, `including two Ghanaian boys`, and the parts of a breakdown in parentheses. Run on the
 * paragraph, after its sentences are read.
 */
import type { Metric } from '../../model';
import { Kind, type Token } from '../../tokens';
import { headNoun, verbMetric } from './metric';
import type { LocalFigure } from './types';

/**
 * Figures that restate or split another take its metric and period:
 * `Of the 298 victims, 171 were children`, `of those, 29 were identified`, `including two
 * Ghanaian boys`, `compared with 290 during the previous reporting period` (the metric of the
 * figure it is compared with).
 */
/** For the figures `from` to `to` (one sentence's) of the paragraph's `figs`. */
export function inheritReferences(tokens: readonly Token[], figs: LocalFigure[], from: number, to: number, tokenAt: ReadonlyMap<number, number>): void {
  if (to === from) return;
  const back = (x: number): number => Math.max(0, x - 30); // how far back a reference may look
  let anchor: LocalFigure | undefined; // the total that `Of the N` / `of those` introduced
  let part: LocalFigure | undefined; // the last part of a list `including N ..., M ...`
  // `Of the new investigations, 97 concerned ...`, `Of the victims identified, 1,204 ...`: the
  // sentence splits a quantity named without a number; its figures count what it counts.
  const first = tokenAt.get(figs[from]!.s);
  const namedMetric = first === undefined ? undefined : namedAnchor(tokens, first, figs, from);
  if (namedMetric) {
    for (let x = from; x < to; x++) if (figs[x]!.metric === 'other' && !figs[x]!.unit) figs[x]!.metric = namedMetric;
  }
  if (to < 2) return;
  /** Whether figure `y` is one its sentence compares another with (`compared with 16 in 2018`). */
  const comparator = (y: number, depth = 0): boolean => {
    const g = figs[y]!;
    const gk = tokenAt.get(g.s) ?? 0;
    if (tokens[gk - 2]?.l === 'compared' || tokens[gk - 1]?.l === 'versus' || (tokens[gk - 1]?.t === '(' && statedPeriod(g.period))) return true;
    // `compared with 111 in 2020 and 86 in 2019`: the items of a comparison's list compare too.
    const p = figs[y - 1];
    return depth < 8 && p !== undefined && p.sentence === g.sentence && statedPeriod(g.period) && (tokens[gk - 1]?.l === 'and' || tokens[gk - 1]?.t === ',')
      && comparator(y - 1, depth + 1);
  };
  /**
   * The total that `of these` / `of those` in figure x refers to: the last figure before it, in
   * its sentence or the one before, that no comparison introduced.
   */
  const antecedent = (x: number): LocalFigure | undefined => {
    const f = figs[x]!;
    for (let y = x - 1; y >= back(x); y--) {
      const g = figs[y]!;
      if (g.sentence < f.sentence - 1) return undefined;
      if (g.unit) {
        if (g.sentence === f.sentence) return undefined;
        continue;
      }
      if (g.metric !== 'other' && !comparator(y)) return g;
    }
    return undefined;
  };
  /** The last figure, in this sentence or the one before, with a stated period, that counts `noun`. */
  const counted = (x: number, noun: string): LocalFigure | undefined => {
    const f = figs[x]!;
    for (let y = x - 1; y >= back(x); y--) {
      const g = figs[y]!;
      if (g.sentence < f.sentence - 1) return undefined;
      if (!g.unit && g.metric !== 'other' && statedPeriod(g.period) && !comparator(y) && g.counts.toLowerCase().split(/\s+/).includes(noun)) return g;
    }
    return undefined;
  };
  let share: LocalFigure | undefined; // the last percentage that took the period of its group
  for (let x = from; x < to; x++) {
    const f = figs[x]!;
    // `Of the 1,126 victims, 63 percent ...`: percentages that split a figure take its period
    // (docs/ANNOTATION.md, Period), not its metric.
    if (f.unit === 'percent' && anchor && anchor.sentence === f.sentence && !statedPeriod(f.period) && statedPeriod(anchor.period)) {
      f.period = anchor.period;
      continue;
    }
    const k = tokenAt.get(f.s);
    if (k === undefined) continue;
    if (f.unit === 'percent') {
      if (!statedPeriod(f.period)) {
        // `... identified 2,505 potential victims in 2019. Ninety-four percent of trafficking victims
        // identified were Indian, 57 percent were adults`: the share of a group counted before
        // takes that count's period; the shares listed after it too.
        const group = shareOf(tokens, k);
        const whole = group ? counted(x, group) : undefined;
        if (whole) {
          f.period = whole.period;
          share = f;
        } else if (share && share.sentence === f.sentence && !group) f.period = share.period;
      }
      continue;
    }
    if (f.unit) continue;
    const w = (d: number): string => tokens[k - d]?.l ?? '';
    const prevFig = figs[x - 1] && !figs[x - 1]!.unit ? figs[x - 1] : undefined;
    // `Of the 298 victims` / `Of those 106 assisted`: the same value stated before in the paragraph.
    if (w(1) === 'the' && (w(2) === 'of' || w(2) === 'among') || (/^(those|these)$/.test(w(1)) && w(2) === 'of') || (w(1) === 'of' && w(2) === 'out')) {
      for (let y = x - 1; y >= back(x); y--) {
        const g = figs[y]!;
        if (g.value === f.value && !g.unit && g.metric !== 'other') {
          f.metric = g.metric;
          f.period = g.period;
          break;
        }
      }
      // `Seventeen of the 24 victims`: the part right before the restated total is a part of it.
      const p = figs[x - 1];
      if (p && w(3) === p.text.toLowerCase() && tokenAt.get(p.s) === k - 3 && !p.unit && f.metric !== 'other') {
        if (p.metric === 'other') p.metric = f.metric;
        if (!statedPeriod(p.period)) p.period = f.period;
      }
      anchor = f;
      continue;
    }
    // `; of those, 29 were identified`, `... compared with 16 in 2018. Of these, 30 were ...`:
    // part of the total, not of a figure it was compared with.
    if (w(1) === ',' && /^(those|these|them|whom)$/.test(w(2)) && w(3) === 'of' && prevFig) {
      const total = antecedent(x) ?? prevFig;
      f.metric = total.metric;
      f.period = total.period;
      anchor = f;
      continue;
    }
    if (anchor && anchor.sentence === f.sentence && anchor.metric !== 'other' && f.metric === 'other') {
      f.metric = anchor.metric;
      // `Of these, 30 were ..., compared with 10 cases in 2018`: a period of its own wins.
      if (!statedPeriod(f.period)) f.period = anchor.period;
      continue;
    }
    // `Of the 77 traffickers convicted, only 17 were sentenced to prison`: a part counted as its
    // total is takes the total's period when its own clause names none.
    if (anchor && anchor.sentence === f.sentence && f.metric === anchor.metric && !statedPeriod(f.period) && statedPeriod(anchor.period)) {
      f.period = anchor.period;
      continue;
    }
    // `at least 40 of them`: part of the figure before (unless a verb right before says otherwise:
    // `courts convicted two of them`).
    const verbBefore = verbMetric(w(1));
    const ofThem = /^(them|those|these|whom)$/.test(tokens[k + 2]?.l ?? '') && tokens[k + 1]?.l === 'of';
    if (ofThem && prevFig && prevFig.sentence === f.sentence
      && !(verbBefore && verbBefore !== 'victims' && verbBefore !== 'other')) {
      f.metric = prevFig.metric;
      continue;
    }
    // `... 39 labor traffickers in 2013, compared with 16 in 2012. Fourteen of these offenders were
    // convicted`: a part of the total of the sentence before takes its period.
    if (ofThem && !statedPeriod(f.period) && (x === from || figs[x - 1]!.sentence < f.sentence)) {
      const total = antecedent(x);
      if (total && statedPeriod(total.period)) {
        f.period = total.period;
        if (f.metric === 'other') f.metric = total.metric;
        anchor = f;
        continue;
      }
    }
    // `Foreign victims included 64 Burkinabe, 38 Nigerians`: parts of the victims counted before.
    if (/^(included|include|includes)$/.test(w(1)) && f.metric === 'other') {
      for (let y = x - 1; y >= back(x); y--) {
        const g = figs[y]!;
        if (!g.unit && g.metric !== 'other') {
          f.metric = g.metric;
          if (f.period === 'current') f.period = g.period;
          break;
        }
      }
      anchor = f;
      continue;
    }
    // `including two Ghanaian boys`
    // `including two Ghanaian boys`, `among them 11 girls`
    const partOf = w(1) === 'including' || (w(2) === 'including' && /^(at|some|about)$/.test(w(1)) === false)
      || (w(2) === 'among' && /^(them|whom|those|these)$/.test(w(1)));
    if (partOf && prevFig && prevFig.sentence === f.sentence && prevFig.metric !== 'other') {
      f.metric = prevFig.metric;
      f.period = f.period === 'current' ? prevFig.period : f.period;
      part = f;
      continue;
    }
    // `including 29 females and three males, 28 of whom ...`: the list of parts goes on.
    if (part && part.sentence === f.sentence && f.metric === 'other' && prevFig === part && /^(and|or|,)$/.test(w(1))) {
      f.metric = part.metric;
      if (!statedPeriod(f.period)) f.period = part.period;
      part = f;
      continue;
    }
    // `compared with 290 during the previous reporting period` with no noun of its own
    if ((w(1) === 'with' || w(1) === 'to') && w(2) === 'compared' && prevFig && prevFig.sentence === f.sentence) {
      if (f.counts === '') f.metric = prevFig.metric;
      else if (f.metric === 'other') {
        // `identified 70 victims ... compared to 56 female victims, six male victims`: the same
        // noun as a figure before it in the sentence, the same metric.
        const head = headNoun(f.counts);
        for (let y = x - 1; y >= from; y--) {
          const g = figs[y]!;
          if (!g.unit && g.metric !== 'other' && headNoun(g.counts) === head) {
            f.metric = g.metric;
            part = f;
            break;
          }
        }
      }
    }
  }
}

/**
 * The metric of `Of the <noun phrase>,` opening the sentence that holds token `first`, from its
 * noun (investigations, prosecutions...) or from the figure before it that counted the same
 * noun (`victims identified`).
 */
function namedAnchor(tokens: readonly Token[], first: number, figs: readonly LocalFigure[], from: number): Metric | undefined {
  let s = first;
  while (s > 0 && tokens[s - 1]!.t !== '.' && tokens[s - 1]!.t !== '?' && first - s < 40) s--;
  if (tokens[s]?.l !== 'of' || !/^(the|those|these)$/.test(tokens[s + 1]?.l ?? '')) return undefined;
  const words: string[] = [];
  for (let k = s + 2; k < first && tokens[k]!.t !== ','; k++) {
    if (tokens[k]!.k === Kind.Number) return undefined; // `Of the 298 victims`: handled as a restatement
    words.push(tokens[k]!.l);
  }
  if (words.length === 0 || words.length > 5) return undefined;
  for (const w of words) {
    if (/^investigations?$/.test(w)) return 'investigations';
    if (/^prosecutions?$/.test(w)) return 'prosecutions';
    if (/^convictions?$/.test(w)) return 'convictions';
    if (/^(defendants|convicted)$/.test(w)) return w === 'convicted' ? 'convictions' : 'defendants';
  }
  const verb = words.map((w) => verbMetric(w)).find((m) => m && m !== 'other' && m !== 'victims');
  if (verb && words.some((w) => /^(victims?|children|persons|people|workers|cases)$/.test(w))) return verb as Metric;
  // The figure before that counted the same noun.
  const noun = words[words.length - 1]!;
  for (let y = from - 1; y >= Math.max(0, from - 30); y--) {
    const g = figs[y]!;
    if (g.metric !== 'other' && !g.unit && g.counts.toLowerCase().split(/\s+/).includes(noun)) return g.metric;
  }
  return undefined;
}

/** `45 percent of (the) trafficking victims identified`: the group's noun (`victims`), if any. */
function shareOf(tokens: readonly Token[], k: number): string | undefined {
  let j = k + 1;
  while (j < k + 3 && tokens[j] && tokens[j]!.l !== 'of') j++;
  if (tokens[j]?.l !== 'of') return undefined;
  for (let m = j + 1; m < j + 6 && tokens[m]?.k === Kind.Word; m++) {
    if (/^(victims|cases|traffickers|defendants|suspects|children|survivors)$/.test(tokens[m]!.l)) return tokens[m]!.l;
  }
  return undefined;
}

/** A period a phrase states (a year, the previous period), not a section's default. */
function statedPeriod(p: string): boolean {
  return p !== 'current' && p !== 'unspecified';
}

const VICTIM_METRICS = /^(victims-identified|potential-victims|victims-referred|victims-assisted|victims-sheltered|repatriated)$/;

/**
 * Victims split after they are counted: `identified 70 victims. Sixty-nine victims were female and
 * one was male`, `identified 24 victims; eight were sex trafficking victims, 11 victims of forced
 * labor`. A figure that counts victims (or nothing, right after such a figure) with no verb of its
 * own that says otherwise counts what the victims figure before it in the paragraph counts.
 */
export function inheritVictimParts(figs: LocalFigure[], text: string): void {
  let anchor: LocalFigure | undefined;
  for (let x = 0; x < figs.length; x++) {
    const f = figs[x]!;
    if (f.unit) continue;
    if (VICTIM_METRICS.test(f.metric)) {
      // `identified 24 victims (31 victims in 2018); eight were ...`: the eight split the 24, not
      // the figure of another year that the parentheses compared it with.
      if (!(anchor && anchor.sentence === f.sentence && statedPeriod(f.period) && !statedPeriod(anchor.period))) anchor = f;
      continue;
    }
    if (!anchor || f.metric !== 'other') continue;
    // The next sentence, or one a little further when the sentences between count nothing else
    // (`... in 2021. The government did not report ... Eighty-nine victims were members of ...`).
    const prev = figs[x - 1];
    if (f.sentence - anchor.sentence > 1 && !(f.sentence - anchor.sentence <= 3 && prev && prev.metric === anchor.metric)) continue;
    const counts = f.counts.toLowerCase();
    const victims = /\bvictims?\b/.test(counts) && !/\b(potential|possible|presumed|suspected)\b/.test(counts);
    const after = text.slice(f.e, f.e + 60);
    // `four were men`, `21 were female`: a number that opens `were ...` describes the victims counted.
    const described = /^\s+(?:were|was)\b/i.test(after) && figs[x - 1] !== undefined && (figs[x - 1] === anchor || figs[x - 1]!.metric === anchor.metric);
    const bare = counts === '' && figs[x - 1] !== undefined && (figs[x - 1] === anchor || figs[x - 1]!.metric === anchor.metric);
    if (!victims && !bare && !described) continue;
    // In the next sentence only as its subject's description: `Sixty-nine victims were female`,
    // not `one victim obtained damages`, which counts something else.
    // A bare number after such a description in its sentence goes with it (`..., compared with 21 in 2021`).
    const withDescribed = bare && prev !== undefined && prev.sentence === f.sentence && prev.metric === anchor.metric;
    // So are victims counted as exploited (`Traffickers exploited 238 victims in forced labor`) and
    // victims compared with them (`This compared to 14 trafficking victims in 2017`).
    const lead = text.slice(Math.max(0, f.s - 16), f.s);
    const howExploited = victims && /\b(exploited|subjected)\s+$/i.test(lead);
    const compared = victims && /\b(compared (?:to|with)|versus)\s+$/i.test(lead);
    if (f.sentence !== anchor.sentence && !withDescribed && !howExploited && !compared && !/^(?:\s+[\w-]+){0,2}?\s+(?:were|was)\b/i.test(after)) continue;
    f.metric = anchor.metric;
    if (!statedPeriod(f.period) && statedPeriod(anchor.period)) f.period = anchor.period;
  }
}

/** The offset of a spaced en or em dash (` – `, ` — `) within `limit` characters after `from`, or -1. */
function dashAfter(text: string, from: number, limit: number): number {
  const end = Math.min(text.length - 1, from + limit);
  for (let k = from; k < end; k++) {
    if ((text[k] === '–' || text[k] === '—') && text[k - 1] === ' ' && text[k + 1] === ' ') return k;
  }
  return -1;
}

/**
 * Items of a list whose first item's metric was found only after the sentence was read (`In 2015,
 * 21 victims were subjected to sex trafficking, three to forced labor, and two to forced
 * criminality`), and a number whose noun the next one shares (`13 adult and 73 child victims`):
 * they count what their neighbour counts.
 */
export function inheritListItems(figs: LocalFigure[], text: string): void {
  for (let x = 1; x < figs.length; x++) {
    const f = figs[x]!;
    const g = figs[x - 1]!;
    if (f.unit || g.unit || f.metric !== 'other' || g.metric === 'other' || f.sentence !== g.sentence) continue;
    if (f.counts !== '' && !LIST_NOUNS.test(f.counts)) continue;
    const gap = text.slice(g.e, f.s);
    if (gap.length > 60 || !/^[^;:()–—]*(,|\band\b)\s*(and\s+)?$/.test(gap)) continue;
    // `convicted 12 traffickers and fined three companies`: a verb of its own after the comma or
    // `and` starts another clause (a verb before it is the first item's, shared by all).
    const sep = Math.max(gap.lastIndexOf(','), gap.search(/\band\s*$/));
    if (gap.slice(sep).split(/[^\p{L}]+/u).some((w) => w && w !== 'and' && verbMetric(w.toLowerCase()) !== undefined)) continue;
    f.metric = g.metric;
    if (!statedPeriod(f.period) && statedPeriod(g.period)) f.period = g.period;
  }
  for (let x = figs.length - 2; x >= 0; x--) {
    const f = figs[x]!;
    const h = figs[x + 1]!;
    if (f.unit || h.unit || f.metric !== 'other' || h.metric === 'other' || f.sentence !== h.sentence) continue;
    // `13 adult and 73 child victims`: one word, `and`, and the next number.
    if (/^\s+[\p{L}-]+\s+and\s+$/u.test(text.slice(f.e, h.s)) && !/\s/.test(f.counts)) {
      f.metric = h.metric;
      if (!statedPeriod(f.period)) f.period = h.period;
    }
  }
}

const LIST_NOUNS = /^(?:[\p{L}-]+\s)?(?:females?|males?|women|men|girls|boys|children|adults|minors|victims?|survivors?|persons|people|individuals|nationals|citizens|foreigners|\p{Lu}[\p{L}]*(?:ans|ese|is|s))$/u;

const YEAR_IN = /\b(19|20)\d\d\b|\bprevious\b|\bprior\b/;

/** `text.indexOf(ch, from)` that looks at most `limit` characters. */
function boundedIndexOf(text: string, ch: string, from: number, limit: number): number {
  const end = Math.min(text.length, from + limit);
  for (let k = from; k < end; k++) if (text[k] === ch) return k;
  return -1;
}

/**
 * Parts of a breakdown take the metric of their total: `106 assisted ... 28 were foreign
 * national children (eight girls and 20 boys)`: the numbers inside the parentheses after a
 * figure count the same thing.
 */
export function inheritBreakdowns(figs: LocalFigure[], from: number, text: string): void {
  for (let x = from; x < figs.length; x++) {
    const total = figs[x]!;
    if (total.unit) continue;
    let y = x + 1;
    // Parts sit inside `( ... )`, or between spaced dashes (`255 victims – 102 females, 153 males
    // and 74 children – ...`), right after the total's noun phrase.
    const paren = boundedIndexOf(text, '(', total.e, 61);
    const dash = dashAfter(text, total.e, 61);
    const afterTotal = paren === -1 || (dash !== -1 && dash < paren) ? dash : paren;
    if (afterTotal === -1) continue;
    const close = afterTotal === paren ? boundedIndexOf(text, ')', afterTotal, 300) : dashAfter(text, afterTotal + 1, 300);
    if (close === -1) continue;
    if (text.slice(total.e, afterTotal).includes(',')) continue;
    while (y < figs.length && figs[y]!.s < close) {
      const part = figs[y]!;
      if (part.s > afterTotal && !part.unit) {
        part.metric = total.metric;
        // `identified 24 victims (31 victims in 2018)`: a figure with a period of its own in the
        // parentheses compares the total with another period; it is no part of this one. So does
        // `all five victims in 2018 (eight ... and four ... in 2017)`, whose year is inside.
        const ownYear = statedPeriod(part.period) && part.period !== total.period && YEAR_IN.test(text.slice(afterTotal, close));
        if (!ownYear && (!statedPeriod(part.period) || statedPeriod(total.period))) part.period = total.period;
      }
      y++;
    }
  }
}
