/**
 * `tip-lens timeline DIR|FILE... [--country NAME] [--format table|csv|json|svg]`: one country's
 * figures over the years (src/core/timeline/), as an aligned table for a terminal, CSV and JSON
 * with both sources of each year, or small multiples in one SVG. Reports are found as `export`
 * finds them (DIRs searched, FILEs as given). No `vscode` here.
 */
import { analyze } from '../core/analyze';
import { csvField } from '../core/export';
import { formatNumber } from '../core/labels';
import {
  allSeries, type CountrySeries, type SourcePoint, tierShort, timelineSvg, type YearPoint,
} from '../core/timeline';
import { countryKey } from '../core/country';
import { fragmentOf, preamble, scanArgs, withoutCommand } from './args';
import { findReports, readReport } from './export';
import { LineIndex } from './format';

export const TIMELINE_FORMATS = ['table', 'csv', 'json', 'svg'] as const;
export type TimelineFormat = (typeof TIMELINE_FORMATS)[number];

export interface TimelineIo {
  stdout(s: string): void;
  stderr(s: string): void;
}

export interface TimelineArgs {
  readonly inputs: string[];
  readonly country?: string;
  readonly format: TimelineFormat;
  readonly help: boolean;
  readonly version: boolean;
  readonly error?: string;
}

/** Parses the arguments of `timeline` (the command itself among them). */
export function parseTimelineArgs(argv: readonly string[]): TimelineArgs {
  let format: TimelineFormat = 'table';
  let country: string | undefined;
  const scanned = scanArgs(argv, {
    values: {
      format: {
        short: 'f',
        set: (v) => {
          if (v === undefined) return 'option --format needs a value: table, csv, json or svg';
          if (!(TIMELINE_FORMATS as readonly string[]).includes(v)) return `unknown format '${v}' for timeline: use table, csv, json or svg`;
          format = v as TimelineFormat;
          return undefined;
        },
      },
      country: {
        set: (v) => {
          if (!v) return 'option --country needs a NAME: the country whose timeline to show';
          country = v;
          return undefined;
        },
      },
    },
  });
  return {
    inputs: withoutCommand(scanned.positional, 'timeline'), format, help: scanned.help, version: scanned.version,
    ...(country !== undefined ? { country } : {}), ...(scanned.error ? { error: scanned.error } : {}),
  };
}

/**
 * Runs `timeline`; resolves to the exit code: 0 when the timeline was printed, 1 when no narrative
 * was found or a FILE or DIR could not be read (the timeline of the others is still printed),
 * 2 on bad usage: no input, several countries and no --country, or a country not found.
 */
export async function runTimeline(argv: readonly string[], io: TimelineIo, version: string, usage: string): Promise<number> {
  const args = parseTimelineArgs(argv);
  const stop = preamble(args, io, version, usage, args.inputs.length === 0 ? 'timeline needs at least one DIR or FILE' : undefined);
  if (stop !== undefined) return stop;

  const { found, ok } = await findReports(args.inputs, io);
  let code = ok ? 0 : 1;
  const inputs = [];
  const texts = new Map<string, string>();
  for (const f of found) {
    const { text, error } = await readReport(f, io);
    if (error) code = 1;
    if (text === undefined) continue;
    texts.set(f.file, text);
    inputs.push({ document: f.file, text, analysis: analyze(text, fragmentOf(f.file, {})) });
  }
  const series = allSeries(inputs);
  if (series.length === 0) {
    io.stderr(`tip-lens: no TIP narrative with a country and a report year found in ${args.inputs.join(', ')}\n`);
    return 1;
  }
  const names = series.map((s) => s.country).join(', ');
  let chosen: CountrySeries | undefined;
  if (args.country !== undefined) {
    chosen = series.find((s) => countryKey(s.country) === countryKey(args.country!));
    if (!chosen) {
      io.stderr(`tip-lens: no narrative of '${args.country}' found; the countries found: ${names}\n`);
      return 2;
    }
  } else if (series.length > 1) {
    io.stderr(`tip-lens: narratives of ${series.length} countries found: ${names}; choose one with --country NAME\n`);
    return 2;
  } else chosen = series[0]!;

  for (const note of chosen.notes) io.stderr(`tip-lens: note: ${note}\n`);
  const place = placer(texts);
  switch (args.format) {
    case 'table': io.stdout(timelineTable(chosen)); break;
    case 'csv': io.stdout(timelineCsv(chosen, place)); break;
    case 'json': io.stdout(timelineJson(chosen, version, place)); break;
    case 'svg': io.stdout(timelineSvg(chosen)); break;
  }
  return code;
}

type Place = (document: string, offset: number) => { line: number; column: number };

/** 1-based line and column of an offset in a document read, UTF-16 columns as `check` gives them. */
function placer(texts: ReadonlyMap<string, string>): Place {
  const indexes = new Map<string, LineIndex>();
  return (document, offset) => {
    let index = indexes.get(document);
    if (!index) indexes.set(document, (index = new LineIndex(texts.get(document) ?? '')));
    return index.position(offset);
  };
}

// ---------------------------------------------------------------------------------------
// table

/** `at least 40` -> `≥40`; a range `5-10`; a restatement alone in parentheses; `*` where the two sources disagree. */
function cell(p: YearPoint): string {
  const s = p.current ?? p.restated;
  if (!s) return '-';
  const q = s.qualifier === 'at least' || s.qualifier === 'more than' ? '≥' : s.qualifier === 'approximately' ? '~' : s.qualifier ? '≤' : '';
  const v = `${q}${formatNumber(s.value)}${s.max !== undefined ? `-${formatNumber(s.max)}` : ''}`;
  return `${p.current ? v : `(${v})`}${p.disagreement ? '*' : ''}`;
}

/** One row a metric, one column a data year; the report year and the tier above them. */
export function timelineTable(s: CountrySeries): string {
  const head = ['', ...s.years.map(String)];
  const report = (y: number) => s.reports.find((r) => r.dataYear === y);
  const rows: string[][] = [
    head,
    ['report year', ...s.years.map((y) => String(report(y)?.reportYear ?? '-'))],
    ['tier', ...s.years.map((y) => { const t = report(y)?.tier; return t ? tierShort(t) : '-'; })],
    ...s.metrics.map((m) => [m.label, ...m.points.map(cell)]),
  ];
  const widths = head.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const lines = rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[0]!) : c.padStart(widths[i]!))).join('  ').trimEnd());
  const first = s.reports[0]?.reportYear;
  const last = s.reports[s.reports.length - 1]?.reportYear;
  const out = [`${s.country}: ${s.reports.length} narrative${s.reports.length === 1 ? '' : 's'} (reports ${first}${last !== first ? `-${last}` : ''}), figures by data year`, '', ...lines, ''];
  out.push('Each year is what its own narrative states (the 2021 report covers 2020); (N): stated only by the next');
  out.push("year's restatement; tier: 1, 2, 2WL (Watch List), 3, SC (Special Case).");
  const disagreements = s.metrics.flatMap((m) => m.points.filter((p) => p.disagreement).map((p) => p.disagreement!));
  if (disagreements.length > 0) {
    out.push('', `* the two sources disagree:`);
    for (const d of disagreements) out.push(`  ${d}`);
  }
  return out.join('\n') + '\n';
}

// ---------------------------------------------------------------------------------------
// csv, json

export const TIMELINE_CSV_COLUMNS = [
  'country', 'metric', 'year', 'source', 'report_year', 'value', 'max', 'qualifier', 'text', 'counts',
  'amount', 'currency', 'rate', 'document', 'line', 'column', 'start', 'end', 'section', 'sentence', 'disagreement',
] as const;

/** One row a source of a point (`current` or `restated`), and one a narrative's tier; RFC 4180. */
export function timelineCsv(s: CountrySeries, place: Place): string {
  const out = [TIMELINE_CSV_COLUMNS.join(',')];
  const row = (r: Partial<Record<(typeof TIMELINE_CSV_COLUMNS)[number], string | number>>): void => {
    out.push(TIMELINE_CSV_COLUMNS.map((c) => csvField(r[c] === undefined ? '' : String(r[c]))).join(','));
  };
  for (const r of s.reports) {
    if (!r.tier) continue;
    const at = r.tierSpan ? place(r.document, r.tierSpan.start) : undefined;
    row({
      country: s.country, metric: 'tier', year: r.dataYear, source: 'current', report_year: r.reportYear, value: r.tier, document: r.document,
      ...(at ? { line: at.line, column: at.column, start: r.tierSpan!.start, end: r.tierSpan!.end } : {}),
    });
  }
  for (const m of s.metrics) {
    for (const p of m.points) {
      for (const [source, sp] of [['current', p.current], ['restated', p.restated]] as const) {
        if (!sp) continue;
        const at = place(sp.document, sp.start);
        row({
          country: s.country, metric: m.metric, year: p.year, source, report_year: sp.reportYear, value: sp.value, max: sp.max,
          qualifier: sp.qualifier, text: sp.text, counts: sp.counts, amount: sp.amount?.value, currency: sp.amount?.currency,
          rate: sp.amount?.rate ? Number(sp.amount.rate.value.toPrecision(6)) : undefined, document: sp.document, line: at.line, column: at.column,
          start: sp.start, end: sp.end, section: sp.section, sentence: sp.sentence.text, disagreement: p.disagreement,
        });
      }
    }
  }
  return out.join('\r\n') + '\r\n';
}

/** The series as one JSON document, each source with its line and column. */
export function timelineJson(s: CountrySeries, version: string, place: Place): string {
  const located = (sp: SourcePoint | undefined) => (sp ? { ...sp, ...place(sp.document, sp.start) } : undefined);
  const metrics = s.metrics.map((m) => ({
    ...m,
    points: m.points.map((p) => ({ ...p, ...(p.current ? { current: located(p.current) } : {}), ...(p.restated ? { restated: located(p.restated) } : {}) })),
  }));
  return JSON.stringify({ tool: 'tip-lens', version, ...s, metrics }, null, 2) + '\n';
}
