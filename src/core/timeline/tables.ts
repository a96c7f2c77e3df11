/**
 * The timeline's tables as plain data: a metric of a country over the years, and a metric of one
 * year across countries. Each cell has the text shown and the value it sorts by; a value's cell
 * also says where its figure stands (to open it). The editor's view draws these tables, sorts
 * them, and copies or exports them as text or CSV; nothing here knows of a page or an editor.
 */
import { csvField } from '../export/field';
import { formatNumber } from '../labels';
import type { CountryValue, MetricSeries, SourcePoint, TimelineMetric, YearPoint } from './model';
import { TIMELINE_LABELS } from './model';

/** Where a figure stands: its document, as the series names it, and its span there. */
export interface Place {
  readonly document: string;
  readonly start: number;
  readonly end: number;
}

export interface TableCell {
  readonly text: string;
  /** What the column sorts by: a number, a text, or nothing (sorted last). */
  readonly sort?: number | string;
  /** The figure the cell shows, to open it. */
  readonly at?: Place;
}

export interface TableColumn {
  readonly label: string;
  readonly numeric: boolean;
}

export interface TableView {
  readonly caption: string;
  readonly columns: readonly TableColumn[];
  /** The first cell of a row names it (a `<th scope="row">`). */
  readonly rows: ReadonlyArray<readonly TableCell[]>;
}

export type SortDirection = 'ascending' | 'descending';

/** `at least 40`, `5-10`; for the budget `$1,230,000 (1.1 million euros)`. */
export function sourceText(s: SourcePoint, unit: MetricSeries['unit']): string {
  const range = `${formatNumber(s.value)}${s.max !== undefined ? `-${formatNumber(s.max)}` : ''}`;
  if (unit === 'USD') return `$${range}${s.amount && s.amount.currency !== 'USD' ? ` (${s.text})` : ''}`;
  return s.qualifier ? `${s.qualifier} ${range}` : range;
}

function sourceCell(s: SourcePoint | undefined, unit: MetricSeries['unit']): TableCell {
  return s ? { text: sourceText(s, unit), sort: s.value, at: { document: s.document, start: s.start, end: s.end } } : { text: '' };
}

/** The columns both tables end with, and their cells: both sources of the point, and whether they disagree. */
const SOURCE_COLUMNS: readonly TableColumn[] = [
  { label: 'Own narrative', numeric: true },
  { label: "Next year's restatement", numeric: true },
  { label: 'Disagree', numeric: false },
];

function sourceCells(p: YearPoint | undefined, unit: MetricSeries['unit']): TableCell[] {
  return [sourceCell(p?.current, unit), sourceCell(p?.restated, unit), disagreementCell(p)];
}

function disagreementCell(p: YearPoint | undefined): TableCell {
  if (!p?.disagreement || !p.current || !p.restated) return { text: '' };
  return { text: `${formatNumber(p.current.value)} ≠ ${formatNumber(p.restated.value)}`, sort: 1 };
}

/** One metric of a country: a row a data year, with the report year, both sources and where they disagree. */
export function metricTable(country: string, m: MetricSeries, reportYears: ReadonlyMap<number, number>): TableView {
  return {
    caption: `${country}: ${m.label}, by data year`,
    columns: [
      { label: 'Data year', numeric: true },
      { label: 'Report', numeric: true },
      ...SOURCE_COLUMNS,
    ],
    rows: m.points.map((p) => {
      const report = reportYears.get(p.year);
      return [
        { text: String(p.year), sort: p.year },
        report !== undefined ? { text: String(report), sort: report } : { text: '' },
        ...sourceCells(p, m.unit),
      ];
    }),
  };
}

/** One metric in one data year across countries: a row a country, the value drawn first. */
export function compareTable(metric: TimelineMetric, year: number, values: readonly CountryValue[]): TableView {
  const unit = metric === 'budget' ? 'USD' : 'count';
  return {
    caption: `${TIMELINE_LABELS[metric]} in ${year}, by country`,
    columns: [
      { label: 'Country', numeric: false },
      { label: 'Value', numeric: true },
      ...SOURCE_COLUMNS,
    ],
    rows: values.map((v) => {
      const drawn = v.point?.current ?? v.point?.restated;
      return [
        { text: v.country, sort: v.country },
        v.value !== undefined && drawn ? { ...sourceCell(drawn, unit), text: formatNumber(v.value) } : { text: 'not stated' },
        ...sourceCells(v.point, unit),
      ];
    }),
  };
}

/** The rows sorted by a column (stable; empty cells last either way). */
export function sortRows(rows: TableView['rows'], column: number, direction: SortDirection): TableView['rows'] {
  const sign = direction === 'ascending' ? 1 : -1;
  return rows
    .map((r, i) => [r, i] as const)
    .sort(([a, i], [b, j]) => {
      const x = a[column]?.sort;
      const y = b[column]?.sort;
      if (x === undefined || y === undefined) return x === y ? i - j : x === undefined ? 1 : -1;
      const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
      return c !== 0 ? sign * c : i - j;
    })
    .map(([r]) => r);
}

/** The table as CSV (RFC 4180, CRLF), a header record first; what the cells show, text guarded against formulas. */
export function tableCsv(t: TableView): string {
  const record = (cells: readonly string[]): string => cells.map((c) => csvField(c, !/^-?[\d$]/.test(c))).join(',') + '\r\n';
  return record(t.columns.map((c) => c.label)) + t.rows.map((r) => record(r.map((c) => c.text))).join('');
}

/** The table as text to paste: its caption, then tab-separated lines (a spreadsheet splits them into cells). */
export function tableText(t: TableView): string {
  const line = (cells: readonly string[]): string => cells.map((c) => c.replace(/[\t\r\n]+/g, ' ')).join('\t');
  return [t.caption, line(t.columns.map((c) => c.label)), ...t.rows.map((r) => line(r.map((c) => c.text)))].join('\n') + '\n';
}
