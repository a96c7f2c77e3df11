/**
 * The headline rule (docs/TIMELINE.md): a metric's headline figure in a narrative is its total,
 * not a part of a breakdown, a restatement of a total, or the count of a sub-group. Among the
 * totals left, the first of the section that owns the metric. The parts of a breakdown are the
 * ones the breakdown-sum check reads (`breakdowns`); the rest is read here from the words around
 * each figure.
 */
import { breakdowns } from '../checks/breakdownSum';
import type { Analysis, Figure, Money, SectionKind, Span } from '../model';
import { lastStartingAtOrBefore } from '../spans';
import type { TimelineMetric } from './model';

/** The section whose figures of a metric are the narrative's own account of it. */
export const OWNER: Record<TimelineMetric, SectionKind> = {
  investigations: 'prosecution', prosecutions: 'prosecution', defendants: 'prosecution', convictions: 'prosecution',
  acquittals: 'prosecution', 'officials-trained': 'prosecution',
  'victims-identified': 'protection', 'victims-assisted': 'protection', 'victims-referred': 'protection',
  budget: 'prevention',
};

/** Why a figure is a weaker candidate: it refers back to a group counted before, or counts a part of the whole. */
export type Demotion = 'restatement' | 'sub-group';

/** Words that open the parts of a total stated just before them in the clause. */
const PART_WORDS = /\b(?:including|among them|among whom|of whom|of which|such as|in particular)\b/gi;
/** A clause of its own after the parts: `..., and continuing 35 investigations`, `..., compared with 17`, `..., an increase from one`. */
const CLAUSE_BREAK = /,\s*(?:and\s+)?(?:compared|an? (?:increase|decrease|rise|drop|decline|reduction)|up from|down from|\p{L}+ing|\p{L}+ed)\b/iu;
/** `Of the 131 victims, ...`, `Of those 106 assisted, ...`: the sentence breaks down a total. */
const OF_THE_LEAD = /^\s*of\s+(?:the|those|these|them|all)\b[^,;]*,/i;
/** `61 of them`, `two of the convicted traffickers`: a part of a group. */
const N_OF = /^\s+of\s+(?:them|those|these|the|whom|which)\b/i;
/** `the other eight`, `the remaining 32`. */
const OTHER = /\b(?:the\s+)?(?:other|remaining)\s+$/i;
/** `the five Nigerian sex traffickers`, `all 24 children`: a group counted before. */
const BACK_REFERENCE = /\b(?:the|all|all the|these|those|both)\s+$/i;
/** What a sub-group is counted by: its people, or a nationality (`Nigerian victims`, `Malians`). */
const SUB_GROUP = /\b(?:girls?|boys?|women|men|child|children|minors?|adults?|juveniles?|foreign\w*)\b/i;

/** Reads one document's figures for the rule; the breakdowns are found once, when first asked. */
export class HeadlineReader {
  private parts?: Set<Figure>;

  constructor(private readonly text: string, private readonly analysis: Pick<Analysis, 'figures' | 'sentences'>) {}

  private sentence(item: { readonly sentence: number }): Span {
    return this.analysis.sentences[item.sentence] ?? { start: 0, end: this.text.length };
  }

  /** Why a figure is a part of a total and never a headline, in words; undefined when it is not one. */
  part(f: Figure): string | undefined {
    // A figure of another period compares with the total, it does not split it (as breakdown-sum says).
    this.parts ??= new Set(breakdowns(this.text, this.analysis).flatMap((b) => b.parts.filter((p) => p.period === b.total.period)));
    if (this.parts.has(f)) return 'a part of a breakdown';
    const s = this.sentence(f);
    const before = this.text.slice(s.start, f.start);
    if ((before.match(/\(/g)?.length ?? 0) > (before.match(/\)/g)?.length ?? 0)) return 'inside parentheses';
    const lead = OF_THE_LEAD.exec(this.text.slice(s.start, s.end));
    if (lead && f.start >= s.start + lead[0].length) return `after "${lead[0].trim()}"`;
    if (N_OF.test(this.text.slice(f.end, f.end + 20))) return 'a part of a group ("N of them")';
    if (OTHER.test(before.slice(-20))) return 'the rest of a group ("the other N")';
    // `165 officials, including 40 judges and 35 prosecutors`: parts of a total earlier in the clause.
    const clauseStart = s.start + before.lastIndexOf(';') + 1;
    const clause = this.text.slice(clauseStart, f.start);
    let word: RegExpMatchArray | undefined;
    for (const m of clause.matchAll(PART_WORDS)) word = m;
    const at = word?.index ?? 0;
    if (word && !CLAUSE_BREAK.test(clause.slice(at + word[0].length)) && this.figureBetween(f, clauseStart, clauseStart + at)) {
      return `after "${word[0]}"`;
    }
    return undefined;
  }

  /** Whether the rule passes over a figure when a plain total is there, and why. */
  demotion(f: Figure): Demotion | undefined {
    const s = this.sentence(f);
    const lead = OF_THE_LEAD.exec(this.text.slice(s.start, s.end));
    if (lead && f.start < s.start + lead[0].length) return 'restatement';
    if (BACK_REFERENCE.test(this.text.slice(Math.max(s.start, f.start - 12), f.start))) return 'restatement';
    if (f.counts && (SUB_GROUP.test(f.counts) || /^\p{Lu}/u.test(f.counts))) return 'sub-group';
    return undefined;
  }

  /** A figure of the sentence and period of `f` (a total it may be a part of), before it, between `from` and `to`. */
  private figureBetween(f: Figure, from: number, to: number): boolean {
    const figs = this.analysis.figures;
    for (let i = lastStartingAtOrBefore(figs, f.start) - 1; i >= 0 && figs[i]!.start >= from; i--) {
      const g = figs[i]!;
      if (g.end <= to && g.sentence === f.sentence && g.period === f.period) return true;
    }
    return false;
  }

  /** The headline among the candidates of one metric and year, and how many others were passed over. */
  headline(candidates: readonly Figure[], metric: TimelineMetric): { readonly headline?: Figure; readonly passedOver: number } {
    const totals = candidates.filter((f) => this.part(f) === undefined);
    const best = first(totals, metric, (f) => this.demotion(f) !== undefined);
    return best ? { headline: best, passedOver: candidates.length - 1 } : { passedOver: candidates.length };
  }

  /**
   * Whether an amount is the anti-trafficking budget: its sentence allocates (budgets, earmarks...)
   * money to anti-trafficking work or a national action plan, not a grant to one shelter.
   */
  isBudget(m: Money): boolean {
    const s = this.sentence(m);
    const sentence = this.text.slice(s.start, s.end);
    return /\b(?:allocat|budget|earmark|appropriat|devot|dedicat)\w*/i.test(sentence)
      && /\banti-trafficking\b|\bcombat(?:ing)? (?:human )?trafficking\b|\baction plan\b|\bNAP\b/i.test(sentence);
  }

  /** The budget's headline among the amounts of one year: the first of PREVENTION, else the first elsewhere. */
  budget(candidates: readonly Money[]): { readonly headline?: Money; readonly passedOver: number } {
    const best = first(candidates.filter((m) => this.isBudget(m)), 'budget', () => false);
    return best ? { headline: best, passedOver: candidates.length - 1 } : { passedOver: candidates.length };
  }

  /**
   * `allocated 200 million FCFA ($343,640) ..., the same amount allocated the previous year`: the
   * words that restate an amount for the year before without a figure, or undefined.
   */
  sameAsBefore(m: Money): Span | undefined {
    const s = this.sentence(m);
    const after = this.text.slice(m.end, s.end);
    const same = /\bthe same (?:amount|level|sum|budget)\b(?:[^.;]*?\b(?:previous|prior|preceding|last) (?:year|reporting period)\b| as (?:in )?the year before)/i.exec(after);
    return same ? { start: m.end + same.index, end: m.end + same.index + same[0].length } : undefined;
  }
}

const SECTION_RANK = (section: SectionKind, owner: SectionKind): number =>
  section === owner ? 0 : section === 'prosecution' || section === 'protection' || section === 'prevention' ? 1 : section === 'summary' ? 2 : 3;

/** The first plain total of the owning section, then of the other sections, then a weaker candidate. */
function first<T extends { readonly start: number; readonly section: SectionKind }>(items: readonly T[], metric: TimelineMetric, weak: (item: T) => boolean): T | undefined {
  const owner = OWNER[metric];
  let best: T | undefined;
  let bestKey: [number, number, number] | undefined;
  for (const item of items) {
    const key: [number, number, number] = [weak(item) ? 1 : 0, SECTION_RANK(item.section, owner), item.start];
    if (!bestKey || key[0] < bestKey[0] || (key[0] === bestKey[0] && (key[1] < bestKey[1] || (key[1] === bestKey[1] && key[2] < bestKey[2])))) {
      best = item;
      bestKey = key;
    }
  }
  return best;
}
