/**
 * number-style: the report spells out one to nine and writes 10 and above in digits ("eight
 * girls and 20 boys"). Exceptions: ages, money, percentages, ranges, numbers that open a
 * sentence (spelled out whatever their size), and large round numbers ("two million").
 */
import type { Finding, Rule } from './types';

const WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

export const numberStyleRule: Rule = (ctx) => {
  const out: Finding[] = [];
  const { text, analysis } = ctx;
  for (const f of analysis.figures) {
    if (f.max !== undefined || f.metric === 'age' || f.metric === 'percentage' || f.unit === 'percent') continue;
    const sentence = analysis.sentences[f.sentence];
    if (sentence && sentence.start === f.start) continue; // `Thirty-one of the ...` opens a sentence
    const written = text.slice(f.start, f.end);
    if (/^\d$/.test(written) && f.value >= 1 && f.value <= 9) {
      const word = WORDS[f.value]!;
      out.push({
        rule: 'number-style', severity: 'hint', start: f.start, end: f.end,
        message: `Spell out numbers from one to nine: "${word}", not "${written}".`,
        related: [], fixes: [{ title: `Write "${word}"`, edits: [{ start: f.start, end: f.end, newText: word }] }],
      });
    } else if (/^[A-Za-z]+(?:-[A-Za-z]+)?$/.test(written) && f.value >= 10 && f.value < 1_000_000) {
      const digits = f.value.toLocaleString('en-US');
      out.push({
        rule: 'number-style', severity: 'hint', start: f.start, end: f.end,
        message: `Write numbers of 10 and above in digits: "${digits}", not "${written}".`,
        related: [], fixes: [{ title: `Write "${digits}"`, edits: [{ start: f.start, end: f.end, newText: digits }] }],
      });
    }
  }
  return out;
};
