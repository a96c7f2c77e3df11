/**
 * The charts, drawn with Observable Plot as SVG: a metric over the years (the line of the
 * narratives' own figures, a dot a source, a dashed ring where the two disagree), the tier over
 * the years as a band on the same x scale, and a metric across countries as bars. Colours are
 * the theme's (`--vscode-*` variables), so light, dark and high-contrast themes all read; the
 * export resolves them to plain colours.
 */
import * as Plot from '@observablehq/plot';
import { formatNumber } from '../../core/labels';
import type { CountrySeries, CountryValue, MetricSeries, SourcePoint } from '../../core/timeline/model';
import { compact } from '../../core/timeline/svg';
import type { Tier } from '../../core/model';
import { allowStyles } from './dom';
import { bindPoints, type PointInfo } from './points';

export const COLOURS = {
  own: 'var(--vscode-charts-blue)',
  restated: 'var(--vscode-charts-orange)',
  disagree: 'var(--vscode-charts-red)',
  background: 'var(--vscode-editor-background)',
} as const;

const TIER_COLOURS: Record<Tier, string> = {
  'Tier 1': 'var(--vscode-charts-green)',
  'Tier 2': 'var(--vscode-charts-blue)',
  'Tier 2 Watch List': 'var(--vscode-charts-yellow)',
  'Tier 3': 'var(--vscode-charts-red)',
  'Special Case': 'var(--vscode-charts-purple)',
};
const TIER_SHORT: Record<Tier, string> = { 'Tier 1': '1', 'Tier 2': '2', 'Tier 2 Watch List': '2WL', 'Tier 3': '3', 'Special Case': 'SC' };

/** The marks' accessible names, by which the page and the checks find them. */
export const MARKS = { line: 'own narrative line', own: 'own narrative', restated: 'restatement', disagreement: 'disagreement', bar: 'value', tier: 'tier' } as const;

/** The margins every chart of a country shares, so that its years line up under the tier band. */
const MARGIN = { left: 60, right: 20 };
export const CHART_HEIGHT = 210;

/** At most about ten year ticks. */
function yearTicks(years: readonly number[]): number[] {
  const step = Math.max(1, Math.ceil(years.length / 10));
  return years.filter((_, i) => i % step === 0);
}

function xScale(years: readonly number[]): Plot.ScaleOptions {
  const first = years[0] ?? 0;
  const last = years[years.length - 1] ?? first;
  return { domain: [first - 0.5, last + 0.5], ticks: yearTicks(years), tickFormat: 'd', label: null };
}

function finish(svg: SVGSVGElement | HTMLElement): SVGSVGElement {
  allowStyles(svg);
  return svg as SVGSVGElement;
}

/** A value as the chart's tooltips say it: `12 traffickers`; `$1,230,000 (1.1 million euros)`. */
function valueText(s: SourcePoint, m: MetricSeries): string {
  if (m.unit === 'USD') return `$${formatNumber(s.value)}${s.amount && s.amount.currency !== 'USD' ? ` (${s.text})` : ''}`;
  return `${s.text}${s.counts ? ` ${s.counts}` : ''}`;
}

function info(year: number, s: SourcePoint, m: MetricSeries, own: boolean): PointInfo {
  const who = own ? `the ${s.reportYear} narrative` : `restated by the ${s.reportYear} narrative`;
  return { label: `${m.label}, ${year}, ${who}: ${valueText(s, m)}`, sentence: s.sentence.text, document: s.document, start: s.sentence.start, end: s.sentence.end };
}

/** One metric over the years: undefined when no narrative states it. */
export function metricChart(m: MetricSeries, years: readonly number[], width: number): SVGSVGElement | undefined {
  const own = m.points.flatMap((p) => (p.current ? [{ year: p.year, value: p.current.value, info: info(p.year, p.current, m, true) }] : []));
  const restated = m.points.flatMap((p) => (p.restated ? [{ year: p.year, value: p.restated.value, info: info(p.year, p.restated, m, false) }] : []));
  if (own.length + restated.length === 0) return undefined;
  // The line joins the narratives' own figures of consecutive years; a year without one breaks it.
  const line = m.points.map((p) => ({ year: p.year, value: p.current?.value ?? NaN }));
  const disagreements = m.points.flatMap((p) => (p.disagreement && p.current && p.restated ? [{ year: p.year, from: p.current.value, to: p.restated.value }] : []));
  const svg = Plot.plot({
    className: 'tl-plot',
    width, height: CHART_HEIGHT, marginLeft: MARGIN.left, marginRight: MARGIN.right, marginTop: 18, marginBottom: 30,
    x: xScale(years),
    y: { grid: true, zero: true, nice: true, label: null, tickFormat: compact },
    marks: [
      Plot.ruleY([0]),
      Plot.line(line, { x: 'year', y: 'value', stroke: COLOURS.own, strokeWidth: 2, ariaDescription: MARKS.line }),
      Plot.ruleX(disagreements, { x: 'year', y1: 'from', y2: 'to', stroke: COLOURS.disagree, strokeWidth: 2, strokeDasharray: '4,3', ariaDescription: `${MARKS.disagreement} rule` }),
      Plot.dot(disagreements, { x: 'year', y: 'to', r: 11, stroke: COLOURS.disagree, strokeWidth: 2, strokeDasharray: '3,2', fill: 'none', ariaDescription: MARKS.disagreement }),
      Plot.dot(restated, { x: 'year', y: 'value', r: 6, stroke: COLOURS.restated, strokeWidth: 2.5, fill: COLOURS.background, ariaDescription: MARKS.restated }),
      Plot.dot(own, { x: 'year', y: 'value', r: 4.5, fill: COLOURS.own, stroke: COLOURS.background, strokeWidth: 1, ariaDescription: MARKS.own }),
    ],
  });
  bindPoints(svg, MARKS.restated, restated.map((d) => d.info));
  bindPoints(svg, MARKS.own, own.map((d) => d.info));
  return finish(svg);
}

/** The tier of each data year's narrative, as a band of cells over the charts' years. */
export function tierBand(series: CountrySeries, width: number): SVGSVGElement | undefined {
  const cells = series.years.flatMap((year) => {
    const r = series.reports.find((e) => e.dataYear === year);
    return r?.tier ? [{ year, tier: r.tier, label: `${r.reportYear} report (data ${year}): ${r.tier}${r.tierChange ? `, ${r.tierChange}` : ''}` }] : [];
  });
  if (cells.length === 0) return undefined;
  const svg = Plot.plot({
    className: 'tl-plot',
    width, height: 62, marginLeft: MARGIN.left, marginRight: MARGIN.right, marginTop: 4, marginBottom: 24,
    x: xScale(series.years),
    y: { axis: null, domain: [0, 1] },
    color: { type: 'identity' },
    marks: [
      Plot.rect(cells, {
        x1: (d: (typeof cells)[number]) => d.year - 0.46, x2: (d: (typeof cells)[number]) => d.year + 0.46, y1: 0, y2: 1,
        fill: (d: (typeof cells)[number]) => TIER_COLOURS[d.tier], fillOpacity: 0.35, stroke: (d: (typeof cells)[number]) => TIER_COLOURS[d.tier], strokeWidth: 1.5,
        rx: 3, title: 'label', ariaDescription: MARKS.tier,
      }),
      Plot.text(cells, { x: 'year', y: 0.5, text: (d: (typeof cells)[number]) => TIER_SHORT[d.tier], fontWeight: 'bold', fontSize: 12, fill: 'currentColor', ariaHidden: 'true' }),
    ],
  });
  return finish(svg);
}

/** One metric in one year across countries, as horizontal bars, the largest first. */
export function barChart(values: readonly CountryValue[], label: string, width: number): SVGSVGElement | undefined {
  const rows = values.flatMap((v) => {
    const s = v.point?.current ?? v.point?.restated;
    if (v.value === undefined || !s) return [];
    const text = v.value >= 1e4 ? compact(v.value) : formatNumber(v.value);
    const who = v.point?.current ? `the ${s.reportYear} narrative` : `restated by the ${s.reportYear} narrative`;
    const pi: PointInfo = { label: `${v.country}: ${formatNumber(v.value)} ${label} (${who})`, sentence: s.sentence.text, document: s.document, start: s.sentence.start, end: s.sentence.end };
    return [{ country: v.country, value: v.value, text, info: pi, restatedOnly: !v.point?.current }];
  });
  if (rows.length === 0) return undefined;
  const longest = Math.max(...rows.map((r) => r.country.length));
  const svg = Plot.plot({
    className: 'tl-plot',
    width, height: Math.max(90, rows.length * 26 + 44), marginLeft: Math.min(200, 12 + longest * 7), marginRight: 56, marginTop: 8, marginBottom: 30,
    x: { grid: true, label: null, tickFormat: compact, nice: true },
    y: { domain: rows.map((r) => r.country), label: null },
    marks: [
      Plot.barX(rows, {
        x: 'value', y: 'country', fill: (d: (typeof rows)[number]) => (d.restatedOnly ? COLOURS.restated : COLOURS.own), ariaDescription: MARKS.bar,
      }),
      Plot.ruleX([0]),
      Plot.text(rows, { x: 'value', y: 'country', text: 'text', dx: 4, textAnchor: 'start', fill: 'currentColor', ariaHidden: 'true' }),
    ],
  });
  bindPoints(svg, MARKS.bar, rows.map((r) => r.info));
  return finish(svg);
}
