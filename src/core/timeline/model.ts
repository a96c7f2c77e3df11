/**
 * The timeline's model: a country's figures over the years, one series per metric, each year
 * with its two sources (the narrative of that data year, and next year's restatement of it).
 * Plain data with offsets into each narrative's document; nothing here knows of an editor.
 */
import type { RateSource } from '../currency';
import type { Analysis, Metric, Qualifier, SectionKind, Span, Tier, TierChange } from '../model';

/** The metrics a timeline draws: nine counts, and the anti-trafficking budget in US dollars. */
export const TIMELINE_METRICS = [
  'investigations', 'prosecutions', 'defendants', 'convictions', 'acquittals',
  'victims-identified', 'victims-assisted', 'victims-referred', 'officials-trained', 'budget',
] as const;

export type TimelineMetric = (typeof TIMELINE_METRICS)[number];
export type CountMetric = Exclude<TimelineMetric, 'budget'> & Metric;

export const TIMELINE_LABELS: Record<TimelineMetric, string> = {
  investigations: 'investigations',
  prosecutions: 'prosecutions',
  defendants: 'defendants prosecuted',
  convictions: 'convictions',
  acquittals: 'acquittals',
  'victims-identified': 'victims identified',
  'victims-assisted': 'victims assisted',
  'victims-referred': 'victims referred',
  'officials-trained': 'officials trained',
  budget: 'anti-trafficking budget (USD)',
};

/** One analysed document: a narrative, or a whole report of many. */
export interface TimelineInput {
  /** How to name it: a path or a URI, as the caller will open it. */
  readonly document: string;
  readonly text: string;
  readonly analysis: Analysis;
}

/** What one narrative says of one metric in one year: its headline figure, and where. */
export interface SourcePoint extends Span {
  readonly document: string;
  /** The report year of the narrative that says it. */
  readonly reportYear: number;
  /** The count; for the budget, US dollars at the stating report's own rate. */
  readonly value: number;
  readonly max?: number;
  readonly qualifier?: Qualifier;
  /** The figure or amount as written (`six`, `1.1 million euros`). */
  readonly text: string;
  /** What it counts, as written (`traffickers`). */
  readonly counts?: string;
  readonly section: SectionKind;
  /** The sentence it stands in. */
  readonly sentence: Span & { readonly text: string };
  /** The budget: the amount as stated, and the rate that made it US dollars. */
  readonly amount?: {
    readonly value: number;
    readonly max?: number;
    readonly currency: string;
    readonly rate?: { readonly value: number; readonly source: RateSource; readonly detail: string };
  };
  /** Other figures of the same metric and year in this narrative, passed over by the headline rule. */
  readonly passedOver: number;
}

export interface YearPoint {
  /** The data year: the year the figures are of (the 2021 report covers 2020). */
  readonly year: number;
  /** What the narrative of this data year says of its own reporting period. */
  readonly current?: SourcePoint;
  /** What the next year's narrative restates about it ("the previous reporting period", or the year by name). */
  readonly restated?: SourcePoint;
  /** The two sources differ: in words. */
  readonly disagreement?: string;
}

export interface MetricSeries {
  readonly metric: TimelineMetric;
  readonly label: string;
  readonly unit: 'count' | 'USD';
  /** One a data year that either source speaks of, in order. */
  readonly points: readonly YearPoint[];
}

/** A narrative of the series: its report year, its data year and its tier. */
export interface ReportEntry {
  readonly document: string;
  readonly reportYear: number;
  readonly dataYear: number;
  /** Where the narrative lies in its document. */
  readonly span: Span;
  readonly tier?: Tier;
  readonly tierSpan?: Span;
  readonly tierChange?: TierChange;
}

export interface CountrySeries {
  readonly country: string;
  /** Every data year from the first to the last that a source speaks of, gaps included. */
  readonly years: readonly number[];
  /** The narratives used, by report year; the tier over the years is theirs. */
  readonly reports: readonly ReportEntry[];
  readonly metrics: readonly MetricSeries[];
  /** What was left aside, in words: a second narrative of the same year, an amount with no rate. */
  readonly notes: readonly string[];
}

/** One country's value of one metric in one data year. */
export interface CountryValue {
  readonly country: string;
  readonly point?: YearPoint;
  /** The value drawn: the narrative's own, else next year's restatement. */
  readonly value?: number;
}

/** The check's previous-period finding on the restatement of a year whose two sources disagree. */
export interface TimelineFinding {
  readonly metric: TimelineMetric;
  readonly year: number;
  readonly message: string;
  /** The restating narrative's document, and the finding's span there. */
  readonly document: string;
  readonly start: number;
  readonly end: number;
}
