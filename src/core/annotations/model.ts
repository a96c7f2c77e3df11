/**
 * Researchers' own annotations, kept beside a report (standoff), never inside its text. Each
 * is anchored twice, as W3C Web Annotation does: by position (TextPositionSelector) and by the
 * quoted text with some context (TextQuoteSelector), so it can be found again after edits,
 * also edits made outside the editor.
 */
import type { RuleId } from '../checks/types';
import type { Correction, EntityType, Metric, Span } from '../model';

/**
 * The newest version of the file this TIP Lens reads. Version 2 adds `set` (corrections of any
 * attribute); a file is written as version 1 when no annotation uses it, so that a TIP Lens that
 * reads only version 1 still reads it, and refuses by its version a file it could not read.
 */
export const SCHEMA_VERSION = 2;

export interface TextPositionSelector {
  readonly type: 'TextPositionSelector';
  readonly start: number;
  readonly end: number;
}

export interface TextQuoteSelector {
  readonly type: 'TextQuoteSelector';
  readonly exact: string;
  readonly prefix: string;
  readonly suffix: string;
}

export type Selector = readonly [TextPositionSelector, TextQuoteSelector];

/** What an annotation says a piece of text is. */
export type Label =
  | { readonly kind: 'entity'; readonly type: EntityType }
  | { readonly kind: 'figure'; readonly metric: Metric }
  | { readonly kind: 'free'; readonly label: string };

/**
 * - `manual`: the researcher marks something the engine missed (with a label).
 * - `confirm`: the engine's item here is right.
 * - `reject`: the engine's item here is wrong: it is not an entity or figure at all.
 * - `correct`: the engine read the item wrong: its metric or entity type in `label`, any other
 *   attribute (period, number, what it counts, currency, conversion, long form) in `set`.
 * - `note`: a note on the text, deciding nothing.
 * - `dismiss`: a consistency finding here is right as the text stands: stop flagging it (with
 *   its `rule` and `fingerprint`; the reason, if any, in `note`).
 */
export type Decision = 'manual' | 'confirm' | 'reject' | 'correct' | 'note' | 'dismiss';

export interface Annotation {
  readonly id: string;
  readonly decision: Decision;
  readonly selector: Selector;
  readonly label?: Label;
  /**
   * For correct (and manual): the attributes the researcher reads otherwise than the engine,
   * besides the metric or entity type, which `label` holds (as in version 1).
   */
  readonly set?: CorrectionSet;
  /** For confirm, reject and correct: the kind of engine item decided about. */
  readonly about?: 'figure' | 'money' | 'entity';
  readonly note?: string;
  /** For dismiss: the rule of the finding dismissed. */
  readonly rule?: RuleId;
  /**
   * For dismiss: what the finding said (its message, which states its figures). A finding with
   * another message is another finding: when a figure changes, it is flagged again.
   */
  readonly fingerprint?: string;
  /** ISO 8601. */
  readonly created: string;
  readonly modified?: string;
}

/** The attributes a `correct` annotation sets besides its label's metric or entity type. */
export type CorrectionSet = Omit<Correction, 'metric' | 'type'>;

export interface AnnotationFile {
  /** Version 1 or 2; once parsed always the newest. Written as the oldest version that holds the annotations. */
  readonly schemaVersion: 1 | typeof SCHEMA_VERSION;
  /** The report this file annotates, relative to the file. */
  readonly document: string;
  readonly annotations: readonly Annotation[];
}

/** An annotation found again in the current text, or orphaned (its text is gone). */
export interface Anchored {
  readonly annotation: Annotation;
  /** Where it is now; undefined when orphaned. */
  readonly span?: Span;
  /** How it was found: where it was, by its quote and context, or not at all. */
  readonly how: 'position' | 'quote' | 'orphaned';
}

/** The status of an item in exports: what the engine said, and what a researcher decided. */
export type Status = 'automatic' | 'confirmed' | 'corrected' | 'rejected' | 'manual';

/** The annotation schema of a workspace: the labels researchers pick from, with colours. */
export interface SchemaLabel {
  readonly id: string;
  readonly label: Label;
  readonly title: string;
  readonly description?: string;
  /** A CSS colour for its highlight. */
  readonly color?: string;
}

export interface AnnotationSchema {
  readonly labels: readonly SchemaLabel[];
}

/** Where a report's annotations live: beside it, `mali-2020.tip.txt` → `mali-2020.tip.txt.annotations.json`. */
export const ANNOTATION_SUFFIX = '.annotations.json';

export function annotationFileFor(reportPath: string): string {
  return reportPath + ANNOTATION_SUFFIX;
}
