/**
 * What the timeline's host (the extension) and its page (the webview script, src/webview/timeline/)
 * say to each other, typed once for both, and the ids of its commands (the hover links to one).
 * Plain data only: the host sends a model, the page draws it and sends back what the user asked.
 */
import type { CountrySeries, CountryValue, TimelineFinding, TimelineMetric } from '../../core/timeline/model';

export const SHOW_TIMELINE = 'tipLens.showTimeline';
export const COMPARE_COUNTRIES = 'tipLens.compareCountries';

/** A country over the years: its series, and the check's finding behind each disagreement. */
export interface TimelineModel {
  readonly view: 'timeline';
  readonly series: CountrySeries;
  readonly findings: readonly TimelineFinding[];
  /** The metric to scroll to (the hover's "over the years" on a figure of it). */
  readonly focus?: TimelineMetric;
}

/** One metric in one data year across the countries of the workspace. */
export interface CompareModel {
  readonly view: 'compare';
  readonly metric: TimelineMetric;
  readonly label: string;
  readonly unit: 'count' | 'USD';
  readonly year: number;
  readonly values: readonly CountryValue[];
}

export type ViewModel = TimelineModel | CompareModel;

/** Host to page. */
export type ToPage =
  | { readonly type: 'model'; readonly model: ViewModel }
  /** Scroll to a metric's chart (the timeline was asked for again from a figure of it). */
  | { readonly type: 'focus'; readonly metric: TimelineMetric }
  /** Nothing to draw, in words (no narrative of the country any more, the index is off). */
  | { readonly type: 'empty'; readonly message: string };

export type ExportFormat = 'svg' | 'png' | 'csv';

/** Page to host. */
export type FromPage =
  /** The page is loaded (again, after it was hidden): send the model. */
  | { readonly type: 'ready' }
  /** Open a document and select a span: a point's sentence, a table's figure. */
  | { readonly type: 'open'; readonly document: string; readonly start: number; readonly end: number }
  /** Put text on the clipboard: a table as tab-separated text. */
  | { readonly type: 'copy'; readonly text: string; readonly what: string }
  /** Save a chart or a table: SVG and CSV as text, PNG as base64. */
  | { readonly type: 'export'; readonly format: ExportFormat; readonly name: string; readonly data: string };
