/**
 * repeated-figure: the same quantity (same metric, period and subject) stated with different
 * values in different places, e.g. the summary against a section.
 */
import { METRIC_LABELS, periodLabel, SECTION_LABELS } from '../labels';
import type { Figure } from '../model';
import { compatible, isAnother, jaccard, subjectWords } from './subject';
import type { Finding, Rule } from './types';

/** How alike two statements' words must be to be one quantity. */
const SAME_SUBJECT = 0.5;

export const repeatedFigureRule: Rule = (ctx) => {
  const out: Finding[] = [];
  const { text, analysis, index } = ctx;
  const groups = new Map<string, Figure[]>();
  for (const f of analysis.figures) {
    const key = index.quantityKey(f);
    if (!key || f.unit) continue;
    const n = index.narrativeAt(f.start);
    const k = `${n?.start ?? 0}|${key}`;
    let g = groups.get(k);
    if (!g) groups.set(k, (g = []));
    g.push(f);
  }
  const subject = (f: Figure): Set<string> => subjectWords(text, f, analysis.sentences[f.sentence]?.end ?? f.end);
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const words = group.map(subject);
    for (let j = 1; j < group.length; j++) {
      const later = group[j]!;
      if (isAnother(text, later)) continue;
      for (let i = 0; i < j; i++) {
        const earlier = group[i]!;
        if (earlier.section === later.section || isAnother(text, earlier)) continue;
        if (compatible(earlier, later)) continue;
        if (jaccard(words[i]!, words[j]!) < SAME_SUBJECT) continue;
        const where = SECTION_LABELS[earlier.section];
        out.push({
          rule: 'repeated-figure', severity: 'warning', start: later.start, end: later.end,
          message: `${later.text} ${later.counts} (${METRIC_LABELS[later.metric]}, ${periodLabel(later.period)}) is stated as ${earlier.text} in the ${where}.`,
          related: [{ start: earlier.start, end: earlier.end, message: `The same figure in the ${where}: ${earlier.text} ${earlier.counts}.` }],
          fixes: [
            { title: `Take ${earlier.text} here, as in the ${where}`, edits: [{ start: later.start, end: later.end, newText: earlier.text }] },
            { title: `Take ${later.text} in the ${where} too`, edits: [{ start: earlier.start, end: earlier.end, newText: later.text }] },
          ],
        });
        break; // one finding per later statement
      }
    }
  }
  return out;
};
