/**
 * breakdown-sum: a total with a full breakdown in parentheses must add up (`45 victims (20
 * women, 15 men and 12 children)`). A partial breakdown (`including`, `of those`, `Of the
 * N ...`) is flagged only when its parts exceed the total.
 */
import { formatNumber } from '../labels';
import type { Analysis, Figure } from '../model';
import type { Finding, Rule } from './types';

const isCount = (f: Figure): boolean => !f.unit && f.max === undefined && f.metric !== 'age' && f.metric !== 'percentage';

/** A total and the figures that break it down: all of it (`45 victims (20 women, ...)`), or some (`including`, `Of the N ...`). */
export interface Breakdown {
  readonly total: Figure;
  readonly parts: readonly Figure[];
  /** A full breakdown (its parts should add up to the total), not a partial one. */
  readonly full: boolean;
}

export const breakdownSumRule: Rule = (ctx) => {
  const out: Finding[] = [];
  for (const { total, parts, full } of breakdowns(ctx.text, ctx.analysis)) {
    // `two were children (one child victim in 2017)`: figures of another period compare, they do not split.
    if (parts.some((p) => p.period !== total.period)) continue;
    const sum = parts.reduce((s, p) => s + p.value, 0);
    if (full ? sum === total.value : sum <= total.value) continue;
    const list = parts.map((p) => `${p.text}${p.counts ? ' ' + p.counts : ''}`).join(', ');
    out.push({
      rule: 'breakdown-sum', severity: 'error', start: total.start, end: total.end,
      message: full
        ? `The parts of ${total.text} add up to ${formatNumber(sum)}, not ${formatNumber(total.value)}: ${list}.`
        : `The parts of ${total.text} add up to ${formatNumber(sum)}, more than the total: ${list}.`,
      related: parts.map((p) => ({ start: p.start, end: p.end, message: `Part: ${p.text}${p.counts ? ' ' + p.counts : ''}.` })),
      fixes: [],
    });
  }
  return out;
};

/**
 * The breakdowns of a text's counts, in the order of their totals: parentheses right after a
 * total, the parts after `including`, and the subjects of a sentence that opens with `Of the N`.
 * The timeline's headline rule reads the same parts (src/core/timeline/headline.ts).
 */
export function breakdowns(text: string, analysis: Pick<Analysis, 'figures' | 'sentences'>): Breakdown[] {
  const out: Breakdown[] = [];
  const figs = analysis.figures;
  for (let x = 0; x < figs.length; x++) {
    const total = figs[x]!;
    if (!isCount(total)) continue;
    const sentence = analysis.sentences[total.sentence];
    if (!sentence) continue;
    // 1. `127 were adults (68 women and 52 men)`: parentheses right after the total's phrase.
    // Looked for only just after the total (indexOf over the rest of a 4.5 MB text, figure by
    // figure, would make the rule quadratic).
    const near = text.slice(total.end, Math.min(sentence.end, total.end + 61));
    const open = near.indexOf('(') === -1 ? -1 : total.end + near.indexOf('(');
    const between = open === -1 ? '' : text.slice(total.end, open);
    const next = figs[x + 1];
    if (open !== -1 && open - total.end <= 60 && open < sentence.end && !/[,;.()]/.test(between) && !(next && next.start < open)) {
      const closeAt = text.slice(open, Math.min(sentence.end, open + 400)).indexOf(')');
      const close = closeAt === -1 ? -1 : open + closeAt;
      if (close !== -1 && close <= sentence.end) {
        // `(13 sex trafficking victims, including one minor, and one labor trafficking victim)`:
        // a figure right after `including` is a part of the part before it.
        const inside = figs.filter((p) => p.start > open && p.end <= close
          && !/\bincluding\s+(?:(?:at least|some|about)\s+)?$/i.test(text.slice(Math.max(open, p.start - 30), p.start)));
        if (inside.length >= 2 && inside.every(isCount)) {
          const partial = /\b(including|among them|of whom|of which|such as)\b/i.test(text.slice(open, close));
          out.push({ total, parts: inside, full: !partial });
        }
      }
    }
    // 2. `N ..., including a X, b Y and c Z`: the parts after `including` in the same clause.
    const after = text.slice(total.end, Math.min(sentence.end, total.end + 80));
    const inc = /^[^;()0-9]*?,?\s*including\s/.exec(after);
    if (inc) {
      const from = total.end + inc[0].length;
      let end = text.indexOf(';', from);
      if (end === -1 || end > sentence.end) end = sentence.end;
      const parts = listItems(topLevel(figs, x + 1, from, end, text).filter(isCount), text);
      // The first part must come right after `including`: otherwise the list is of something else.
      if (parts.length >= 1 && parts[0]!.start - from <= 20 && parts.every((p) => p.sentence === total.sentence)) out.push({ total, parts, full: false });
    }
    // 3. `Of the 298 victims, 171 were children ... and 127 were adults ...`.
    const lead = text.slice(sentence.start, total.start);
    if (/^(of the|of those|of these)\s*$/i.test(lead)) {
      // Its parts are the figures that are subjects: `171 were children`, `the remaining 32 were
      // foreigners` (not `including 12 Ukrainians`, a part of a part).
      const parts = topLevel(figs, x + 1, total.end, sentence.end, text)
        .filter((p) => isCount(p) && /^\s+(?:were|was|are|had|came)\b/.test(text.slice(p.end, p.end + 8)));
      if (parts.length >= 2) out.push({ total, parts, full: false });
    }
  }
  return out;
}

/** The figures between `from` and `end` that are not inside parentheses (not parts of parts). */
function topLevel(figs: readonly Figure[], startAt: number, from: number, end: number, text: string): Figure[] {
  const out: Figure[] = [];
  for (let y = startAt; y < figs.length && figs[y]!.start < end; y++) {
    const p = figs[y]!;
    if (p.start < from) continue;
    const before = text.slice(from, p.start);
    const depth = (before.match(/\(/g)?.length ?? 0) - (before.match(/\)/g)?.length ?? 0);
    if (depth === 0) out.push(p);
  }
  return out;
}

/**
 * The items of one list: each joined to the one before by a comma or `and` and a few words,
 * and the list ends where a clause with a verb of its own begins (`..., and continuing 35
 * investigations`, `..., compared with 180 officials`).
 */
function listItems(parts: Figure[], text: string): Figure[] {
  const out: Figure[] = [];
  for (const p of parts) {
    const prev = out[out.length - 1];
    // `including 29 females and three males, 28 of whom had been ...`: `of whom` splits again.
    if (prev && /^\s+of\s+(whom|which|them|these|those)\b/i.test(text.slice(p.end, p.end + 16))) break;
    if (prev) {
      const gap = text.slice(prev.end, p.start);
      if (gap.length > 80 || !/,|\band\b/.test(gap)) break;
      if (/\b(compared|continu\w*|while|whereas|but|versus|\w+ing|\w+ed)\b/i.test(gap.replace(/\b(including|during|involving|remaining|existing|following)\b/gi, ''))) break;
    }
    out.push(p);
  }
  return out;
}
