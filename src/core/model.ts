/**
 * The model of a report: plain data with character offsets (UTF-16, as in JavaScript
 * strings and VS Code positions) into the analyzed text. `start` is inclusive, `end`
 * exclusive. Nothing here knows of an editor.
 */

export interface Span {
  readonly start: number;
  readonly end: number;
}

export type Tier = 'Tier 1' | 'Tier 2' | 'Tier 2 Watch List' | 'Tier 3' | 'Special Case';

export type TierChange = 'upgraded' | 'downgraded' | 'remained';

export interface TierStatement extends Span {
  readonly change: TierChange;
  readonly tier: Tier;
  readonly text: string;
}

export interface Meta {
  readonly country?: string;
  readonly year?: number;
  readonly tier?: Tier;
  /** Where the tier line states the tier. */
  readonly tierSpan?: Span;
  /** The summary's "Therefore X was downgraded to Tier 2 Watch List" sentence. */
  readonly tierChange?: TierStatement;
}

export type SectionKind =
  | 'title'
  | 'tier'
  | 'summary'
  | 'recommendations'
  | 'prosecution'
  | 'protection'
  | 'prevention'
  | 'profile'
  | 'other';

export interface Section extends Span {
  readonly kind: SectionKind;
  /** The heading as written (`PROSECUTION`, `Recommendations for Mali:`), empty for title/tier/summary. */
  readonly heading: string;
  /** Where the heading line is, when there is one. */
  readonly headingSpan?: Span;
}

export interface Paragraph extends Span {
  readonly section: SectionKind;
}

export interface Sentence extends Span {}

export type EntityType =
  | 'organization'
  | 'government-body'
  | 'armed-group'
  | 'international-organization'
  | 'ngo'
  | 'country'
  | 'region'
  | 'city'
  | 'nationality'
  | 'law'
  | 'plan';

/** What a researcher decided about an item (annotations); absent means the engine's own. */
export type ItemStatus = 'automatic' | 'confirmed' | 'corrected' | 'rejected' | 'manual';

/** A researcher's decision carried by an item: its status, the annotation and its note. */
export interface Decided {
  readonly status?: ItemStatus;
  readonly annotation?: string;
  readonly note?: string;
  /** For a corrected item: the attributes the researcher corrected, as the engine read them. */
  readonly was?: Correction;
}

/** An amount as a researcher states it: a currency and a number or a range. */
export interface StatedAmount {
  /** ISO 4217. */
  readonly currency: string;
  readonly value: number;
  readonly max?: number;
}

/**
 * What a researcher may correct of what the engine read (a `correct` annotation,
 * `annotations/correct.ts`): a figure's metric, period, number and what it counts; an amount's
 * currency, number and stated conversion; an entity's type and long form.
 */
export interface Correction {
  readonly metric?: Metric;
  readonly period?: Period;
  /** A figure's or an amount's number. A range has `max` too; a value without `max` is one number. */
  readonly value?: number;
  readonly max?: number;
  readonly counts?: string;
  readonly currency?: string;
  /** An amount's stated conversion; null: it states none. */
  readonly conversion?: StatedAmount | null;
  readonly type?: EntityType;
  /** What an entity's acronym stands for; empty: nothing. */
  readonly longForm?: string;
}

export interface Mention extends Span, Decided {
  readonly text: string;
  /** True for the mention that defines an acronym (`Malian armed forces (FAMa)`: the long form). */
  readonly definition?: boolean;
}

export interface Entity {
  /** Stable within one result: the type and the canonical name. */
  readonly id: string;
  readonly type: EntityType;
  readonly name: string;
  readonly acronym?: string;
  readonly longForm?: string;
  /** The first place the text defines it: `long form (ACRONYM)`. */
  readonly definition?: Span;
  readonly mentions: readonly Mention[];
}

/** The metric taxonomy of DOMAIN.md (3P index, Scorecard Diplomacy, the Global Law Enforcement Data table). */
export type Metric =
  | 'investigations'
  | 'prosecutions'
  | 'defendants'
  | 'convictions'
  | 'acquittals'
  | 'arrests'
  | 'victims-identified'
  | 'potential-victims'
  | 'victims-referred'
  | 'victims-assisted'
  | 'victims-sheltered'
  | 'repatriated'
  | 'victims-estimated'
  | 'child-soldiers'
  | 'officials-trained'
  | 'sentence'
  | 'penalty'
  | 'age'
  | 'percentage'
  | 'other';

export type Qualifier = 'at least' | 'more than' | 'approximately' | 'fewer than' | 'at most' | 'up to';

/** `current` and `previous` reporting period, a named year (`2019`), or nothing stated. */
export type Period = 'current' | 'previous' | 'unspecified' | `${number}`;

export type Unit = 'years' | 'months' | 'weeks' | 'days' | 'hours' | 'percent';

export interface Figure extends Span, Decided {
  /** The number as written (`40`, `five to 10`, `two million`). */
  readonly text: string;
  readonly value: number;
  /** For a range: `min` is `value`, `max` the upper end. */
  readonly max?: number;
  readonly qualifier?: Qualifier;
  /** What it counts, as written (`new cases`, `children used by armed groups`). */
  readonly counts: string;
  readonly metric: Metric;
  readonly period: Period;
  /** Years, months... for ages, sentences, penalties; `percent` for percentages. */
  readonly unit?: Unit;
  readonly section: SectionKind;
  /** Index into `sentences`. */
  readonly sentence: number;
}

export interface Amount {
  readonly value: number;
  readonly max?: number;
  /** ISO 4217. */
  readonly currency: string;
  /**
   * When the text and the narrative's country do not decide the currency (`FCFA` in a passage
   * whose country is unknown: XOF or XAF): every currency it may be, `currency` (the best guess) first.
   */
  readonly candidates?: readonly string[];
  /** The rounding the written amount carries: `$260` -> 10, `$343,640` -> 10, `$3,440` -> 10, `$1,000` -> 1000. */
  readonly precision: number;
  readonly text: string;
}

export interface Money extends Span, Amount, Decided {
  /** The stated conversion in parentheses: `($860 to $3,440)`. */
  readonly conversion?: Amount & Span;
  /** Units of `currency` per unit of the conversion's currency, from this statement alone. */
  readonly impliedRate?: number;
  readonly section: SectionKind;
  readonly sentence: number;
  readonly period: Period;
}

export interface DateMention extends Span {
  readonly text: string;
  readonly year: number;
  /** 1-12 when a month is named. */
  readonly month?: number;
}

export interface NarrativeInfo extends Span {
  readonly meta: Meta;
}

export interface Analysis {
  readonly version: 1;
  /** Length of the analyzed text, so a consumer can tell a result for another text. */
  readonly length: number;
  /** The first narrative's meta (most documents hold exactly one). */
  readonly meta: Meta;
  /** A whole TIP report holds many narratives, one after another. */
  readonly narratives: readonly NarrativeInfo[];
  readonly sections: readonly Section[];
  readonly paragraphs: readonly Paragraph[];
  readonly sentences: readonly Sentence[];
  readonly entities: readonly Entity[];
  readonly figures: readonly Figure[];
  readonly money: readonly Money[];
  readonly dates: readonly DateMention[];
}
