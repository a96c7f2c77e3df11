/**
 * A country's series as small multiples: one line chart a metric (data years on x), the tier
 * over the years as a band above them. One self-contained SVG document: no script, no external
 * font, style sheet or image; each point's sentence is its tooltip (`<title>`).
 */
import { formatNumber } from '../labels';
import type { Tier } from '../model';
import type { CountrySeries, MetricSeries, SourcePoint } from './model';

export interface SvgOptions {
  /** Charts a row (default 2). */
  readonly columns?: number;
}

const CHART_W = 360;
const CHART_H = 170;
const GAP = 16;
const PAD = { left: 56, right: 14, top: 26, bottom: 26 };
const BAND_H = 34;
const HEAD_H = 40;
const LEGEND_H = 28;

const TIER_FILL: Record<Tier, string> = {
  'Tier 1': '#2e7d32', 'Tier 2': '#7cb342', 'Tier 2 Watch List': '#f9a825', 'Tier 3': '#c62828', 'Special Case': '#757575',
};
const TIER_SHORT: Record<Tier, string> = { 'Tier 1': '1', 'Tier 2': '2', 'Tier 2 Watch List': '2WL', 'Tier 3': '3', 'Special Case': 'SC' };

export function tierShort(tier: Tier): string {
  return TIER_SHORT[tier];
}

const STYLE = `
text{font-family:sans-serif;font-size:11px;fill:#333}
.title{font-size:15px;font-weight:bold}
.chart-title{font-size:12px;font-weight:bold}
.axis{stroke:#999;stroke-width:1}
.grid{stroke:#e0e0e0;stroke-width:1}
.line{fill:none;stroke:#1565c0;stroke-width:2}
.current{fill:#1565c0}
.restated{fill:#fff;stroke:#ef6c00;stroke-width:2}
.disagree{fill:none;stroke:#d50000;stroke-width:2;stroke-dasharray:3 2}
.tier text{fill:#fff;font-weight:bold;text-anchor:middle}
.none{fill:#999;font-style:italic}`;

/** The series as one SVG document. */
export function timelineSvg(series: CountrySeries, options: SvgOptions = {}): string {
  const columns = Math.max(1, options.columns ?? 2);
  const rows = Math.ceil(series.metrics.length / columns);
  const width = columns * CHART_W + (columns + 1) * GAP;
  const chartsTop = HEAD_H + BAND_H + GAP;
  const height = chartsTop + rows * (CHART_H + GAP) + LEGEND_H;
  const out: string[] = [];
  const title = `${series.country}: figures by data year, ${series.years[0] ?? ''}-${series.years[series.years.length - 1] ?? ''}`;
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="title">`);
  out.push(`<title id="title">${esc(title)}</title>`, `<style>${STYLE}</style>`, `<rect width="${width}" height="${height}" fill="#fff"/>`);
  out.push(`<text class="title" x="${GAP}" y="24">${esc(title)}</text>`);
  out.push(tierBand(series, GAP + PAD.left, HEAD_H, width - 2 * GAP - PAD.left - PAD.right));
  series.metrics.forEach((m, i) => {
    const x = GAP + (i % columns) * (CHART_W + GAP);
    const y = chartsTop + Math.floor(i / columns) * (CHART_H + GAP);
    out.push(chart(m, series.years, x, y));
  });
  const ly = height - LEGEND_H / 2;
  out.push(`<g class="legend"><circle class="current" cx="${GAP + 6}" cy="${ly}" r="4"/><text x="${GAP + 16}" y="${ly + 4}">the year's own narrative</text>`
    + `<circle class="restated" cx="${GAP + 176}" cy="${ly}" r="4"/><text x="${GAP + 186}" y="${ly + 4}">next year's restatement</text>`
    + `<circle class="disagree" cx="${GAP + 346}" cy="${ly}" r="7"/><text x="${GAP + 358}" y="${ly + 4}">the two disagree</text></g>`);
  out.push('</svg>');
  return out.join('\n') + '\n';
}

/** The tier of each data year's narrative, as coloured cells. */
function tierBand(series: CountrySeries, x: number, y: number, w: number): string {
  const n = series.years.length;
  const step = n > 0 ? w / n : w;
  const cells: string[] = [`<g class="tier"><text x="${x - 8}" y="${y + 20}" style="fill:#333;text-anchor:end;font-weight:normal">tier</text>`];
  series.years.forEach((year, i) => {
    const r = series.reports.find((e) => e.dataYear === year);
    if (!r?.tier) return;
    const cx = x + i * step;
    cells.push(`<g class="tier-cell"><title>${esc(`${r.reportYear} report (data ${year}): ${r.tier}${r.tierChange ? `, ${r.tierChange}` : ''}`)}</title>`
      + `<rect x="${f(cx + 1)}" y="${y}" width="${f(step - 2)}" height="${BAND_H - 6}" rx="3" fill="${TIER_FILL[r.tier]}"/>`
      + `<text x="${f(cx + step / 2)}" y="${y + 18}">${esc(TIER_SHORT[r.tier])}</text></g>`);
  });
  cells.push('</g>');
  return cells.join('');
}

function chart(m: MetricSeries, years: readonly number[], x0: number, y0: number): string {
  const left = x0 + PAD.left;
  const right = x0 + CHART_W - PAD.right;
  const top = y0 + PAD.top;
  const bottom = y0 + CHART_H - PAD.bottom;
  const values = m.points.flatMap((p) => [p.current?.value, p.restated?.value]).filter((v): v is number => v !== undefined);
  const max = niceMax(Math.max(0, ...values));
  const n = years.length;
  const xAt = (i: number): number => (n <= 1 ? (left + right) / 2 : left + ((right - left) * i) / (n - 1));
  const yAt = (v: number): number => bottom - ((bottom - top) * v) / max;
  const out: string[] = [`<g class="chart" data-metric="${m.metric}">`, `<text class="chart-title" x="${x0}" y="${y0 + 14}">${esc(m.label)}</text>`];
  for (const v of [0, max / 2, max]) {
    out.push(`<line class="${v === 0 ? 'axis' : 'grid'}" x1="${left}" x2="${right}" y1="${f(yAt(v))}" y2="${f(yAt(v))}"/>`);
    out.push(`<text x="${left - 6}" y="${f(yAt(v) + 4)}" text-anchor="end">${esc(compact(v))}</text>`);
  }
  years.forEach((year, i) => {
    if (n <= 8 || i % Math.ceil(n / 8) === 0) out.push(`<text x="${f(xAt(i))}" y="${bottom + 16}" text-anchor="middle">${year}</text>`);
  });
  if (values.length === 0) {
    out.push(`<text class="none" x="${f((left + right) / 2)}" y="${f((top + bottom) / 2)}" text-anchor="middle">not stated</text>`, '</g>');
    return out.join('');
  }
  // The line joins the narratives' own figures of consecutive years; a year without one breaks it.
  let path = '';
  let pen = false;
  m.points.forEach((p, i) => {
    const v = p.current?.value;
    if (v === undefined) {
      pen = false;
      return;
    }
    path += `${pen ? 'L' : 'M'}${f(xAt(i))} ${f(yAt(v))}`;
    pen = true;
  });
  if (path) out.push(`<path class="line" d="${path}"/>`);
  m.points.forEach((p, i) => {
    const cx = f(xAt(i));
    if (p.disagreement && p.current && p.restated) {
      out.push(`<g class="disagreement"><title>${esc(p.disagreement)}</title>`
        + `<line class="disagree" x1="${cx}" x2="${cx}" y1="${f(yAt(p.current.value))}" y2="${f(yAt(p.restated.value))}"/>`
        + `<circle class="disagree" cx="${cx}" cy="${f(yAt(p.restated.value))}" r="8"/></g>`);
    }
    if (p.restated) out.push(mark('restated', cx, yAt(p.restated.value), p.year, p.restated, m));
    if (p.current) out.push(mark('current', cx, yAt(p.current.value), p.year, p.current, m));
  });
  out.push('</g>');
  return out.join('');
}

function mark(kind: 'current' | 'restated', cx: string, cy: number, year: number, s: SourcePoint, m: MetricSeries): string {
  const value = m.unit === 'USD' ? `$${formatNumber(s.value)} (${s.text})` : `${s.text}${s.counts ? ' ' + s.counts : ''}`;
  const who = kind === 'current' ? `the ${s.reportYear} narrative` : `restated by the ${s.reportYear} narrative`;
  return `<circle class="${kind}" cx="${cx}" cy="${f(cy)}" r="${kind === 'current' ? 3.5 : 5.5}"><title>${esc(`${year}, ${who}: ${value}\n${s.sentence.text}`)}</title></circle>`;
}

/** 1, 2, 2.5 or 5 times a power of ten, at least `v` (and at least 1). */
function niceMax(v: number): number {
  if (v <= 1) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const k of [1, 2, 2.5, 5, 10]) if (k * p >= v) return k * p;
  return 10 * p;
}

/** `850k`, `1.2M`, `45`. */
export function compact(v: number): string {
  if (Math.abs(v) >= 1e6) return `${trim(v / 1e6)}M`;
  if (Math.abs(v) >= 1e4) return `${trim(v / 1e3)}k`;
  return formatNumber(v);
}

function trim(v: number): string {
  return String(Math.round(v * 10) / 10);
}

function f(v: number): string {
  return String(Math.round(v * 10) / 10);
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
