/**
 * trend-claim: a stated direction that the figures contradict: `an increase from 344 victims`
 * when the figure it compares, 298, is lower; `down from 21` when the figure is higher.
 */
import { formatNumber } from '../labels';
import type { Figure } from '../model';
import type { Finding, Rule } from './types';
import { table } from '../table';
import { headNoun } from '../recognizers/figures/metric';

const CLAIM = /\b(an increase|a decrease|a rise|a drop|a decline|a reduction|an improvement|up|down|increased|decreased|rose|fell|dropped|declined)\s+from\s+(?:(?:at least|more than|approximately|about|some|nearly|fewer than)\s+)?$/i;
const UP = /^(an increase|a rise|an improvement|up|increased|rose)$/i;

const OPPOSITE = table<string>({
  'an increase': 'a decrease', 'a decrease': 'an increase', 'a rise': 'a drop', 'a drop': 'a rise', 'a decline': 'an increase',
  'a reduction': 'an increase', 'an improvement': 'a decline', up: 'down', down: 'up', increased: 'decreased', decreased: 'increased',
  rose: 'fell', fell: 'rose', dropped: 'rose', declined: 'rose',
});

export const trendClaimRule: Rule = (ctx) => {
  const out: Finding[] = [];
  const { text } = ctx;
  const figs = ctx.analysis.figures;
  for (let x = 0; x < figs.length; x++) {
    const base = figs[x]!;
    const sentence = ctx.analysis.sentences[base.sentence];
    if (!sentence || base.unit === 'percent') continue;
    const lead = text.slice(Math.max(sentence.start, base.start - 60), base.start);
    const m = CLAIM.exec(lead);
    if (!m) continue;
    const claimStart = base.start - lead.length + m.index;
    // The figure compared: before the claim in the sentence, of the same metric when known.
    // `191 labor inspectors across all five regions ..., an increase from 167 inspectors`: the
    // figure that counts the same noun, when the claim names one and no metric says more.
    const noun = base.metric === 'other' && base.counts ? headNoun(base.counts) : undefined;
    let current: Figure | undefined;
    for (let y = x - 1; y >= 0 && figs[y]!.sentence === base.sentence; y--) {
      const f = figs[y]!;
      if (f.unit || f.period === base.period) continue;
      // `17 victims (15 ... and two ...), an increase from seven`: a part in parentheses is not compared.
      const between = text.slice(f.end, claimStart);
      if ((between.match(/\)/g)?.length ?? 0) > (between.match(/\(/g)?.length ?? 0)) continue;
      if (noun ? headNoun(f.counts) === noun : base.metric === 'other' || f.metric === base.metric) {
        current = f;
        break;
      }
    }
    if (!current || current.value === base.value) continue;
    const word = m[1]!;
    const up = UP.test(word);
    if (up === current.value > base.value) continue;
    const phraseEnd = base.end;
    const replacement = OPPOSITE[word.toLowerCase()];
    out.push({
      rule: 'trend-claim', severity: 'warning', start: claimStart, end: phraseEnd,
      message: `"${text.slice(claimStart, phraseEnd)}" says ${up ? 'the figure rose' : 'the figure fell'}, but ${current.text} is ${current.value > base.value ? 'more' : 'less'} than ${formatNumber(base.value)}.`,
      related: [{ start: current.start, end: current.end, message: `The figure compared: ${current.text}${current.counts ? ' ' + current.counts : ''}.` }],
      fixes: replacement ? [{ title: `Say "${replacement}"`, edits: [{ start: claimStart, end: claimStart + word.length, newText: matchCase(replacement, word) }] }] : [],
    });
  }
  return out;
};

function matchCase(s: string, like: string): string {
  return like.charAt(0) === like.charAt(0).toUpperCase() ? s.charAt(0).toUpperCase() + s.slice(1) : s;
}
