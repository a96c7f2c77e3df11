/**
 * The consistency check's model: a finding says what disagrees with what, where, how sure we
 * are, and how to fix it when the fix is clear. Plain data, offsets into the checked text.
 */
import type { Attribute } from '../annotations/correct';
import type { Analysis, Correction, Figure, Meta, Money, NarrativeInfo, Span } from '../model';
import type { ReportIndex } from '../query';

export const RULES = [
  'repeated-figure',
  'breakdown-sum',
  'conversion-rate',
  'previous-period',
  'tier',
  'trend-claim',
  'acronym',
  'number-style',
] as const;

export type RuleId = (typeof RULES)[number];

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** A place a finding points at: in the checked text, or in another report (the previous year's). */
export interface Related extends Span {
  readonly message: string;
  /** Absent: the checked text. Otherwise the other report's identifier (a path or URI as given). */
  readonly document?: string;
}

export interface Edit extends Span {
  readonly newText: string;
}

export interface Fix {
  /** As a quick fix's title: `Take 63, as in PROTECTION`. */
  readonly title: string;
  readonly edits: readonly Edit[];
}

/**
 * A correction of what the engine read, for a finding that may come from a misreading rather than
 * from the text: kept as a `correct` annotation on the item at its span, never an edit of the
 * text. Offered before the finding's fixes, which would make a correct text wrong if the reading is.
 */
export interface ReadingFix extends Span {
  /** As a quick fix's title: `Mark 22 as this reporting period's figure`. */
  readonly title: string;
  readonly about: 'figure' | 'money' | 'entity';
  /** What to set; absent: the researcher chooses the value of `attribute`. */
  readonly set?: Correction;
  readonly attribute?: Attribute;
}

export interface Finding extends Span {
  readonly rule: RuleId;
  readonly severity: Severity;
  readonly message: string;
  readonly related: readonly Related[];
  readonly fixes: readonly Fix[];
  /** When the finding may come from the engine's misreading: the corrections of the reading, first. */
  readonly corrections?: readonly ReadingFix[];
}

/** The previous year's narrative for the same country, when the workspace or `--previous` has it. */
export interface PreviousReport {
  /** How to name it in messages and related locations: a path or a URI. */
  readonly document: string;
  readonly meta: Meta;
  readonly figures: readonly Figure[];
  /** Its amounts: the conversions it states give last year's rate for last year's amounts. */
  readonly money?: readonly Money[];
  readonly narratives?: readonly NarrativeInfo[];
}

export interface CheckOptions {
  /** conversion-rate: the tolerance beyond the stated rounding, as a fraction (default 0.02). */
  readonly conversionTolerance?: number;
  /** Rules to run (default: all). */
  readonly rules?: readonly RuleId[];
  /** Severity per rule, overriding the defaults. */
  readonly severities?: Partial<Record<RuleId, Severity>>;
}

export interface CheckContext {
  readonly text: string;
  readonly analysis: Analysis;
  readonly index: ReportIndex;
  readonly previous?: PreviousReport;
  readonly options: CheckOptions;
}

export type Rule = (ctx: CheckContext) => Finding[];

export const DEFAULT_SEVERITY: Record<RuleId, Severity> = {
  'repeated-figure': 'warning',
  'breakdown-sum': 'error',
  'conversion-rate': 'warning',
  'previous-period': 'warning',
  tier: 'error',
  'trend-claim': 'warning',
  acronym: 'warning',
  'number-style': 'hint',
};

/** One line a rule's documentation and the editor show for it. */
export const RULE_SUMMARIES: Record<RuleId, string> = {
  'repeated-figure': 'The same quantity stated with different values in different places.',
  'breakdown-sum': 'A total whose full breakdown does not add up, or whose parts exceed it.',
  'conversion-rate': "A stated conversion out of line with the report's other conversions of the same currency.",
  'previous-period': "A previous-period figure that differs from last year's narrative for the same country.",
  tier: "The tier line, the summary's tier sentence and last year's tier contradict each other.",
  'trend-claim': 'A stated increase or decrease that the figures contradict.',
  acronym: 'An acronym used before its definition, or defined twice with different long forms.',
  'number-style': 'One to nine in digits, or 10 and above in words, outside the exceptions of the style.',
};
