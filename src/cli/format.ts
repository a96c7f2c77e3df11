/**
 * What `tip-lens analyze` prints: rows of figures, money and entities with 1-based line and
 * column, rendered as an aligned table, one JSON document, or RFC 4180 CSV.
 */
import { csvField, Offsets } from '../core/export';
import { roundRate } from '../core/currency';
import type { Analysis, Meta } from '../core/model';
import { metaAt } from '../core/spans';
import { LineMap } from '../core/lines';
import { plural } from '../core/labels';

/** One analyzed file: its name as given, its text and what the engine found. */
export interface Analyzed {
  readonly file: string;
  readonly text: string;
  readonly analysis: Analysis;
}

/** A file that could not be read. */
export interface Failed {
  readonly file: string;
  readonly error: string;
}

export type FileOutcome = Analyzed | Failed;

export function isFailed(o: FileOutcome): o is Failed {
  return (o as Failed).error !== undefined;
}

// ---------------------------------------------------------------------------------------
// Positions

/**
 * Offsets to 1-based line and column in UTF-16 code units, as VS Code counts them and as SARIF
 * expects by default (`check`). `analyze` counts columns in code points, as `export` does
 * (`Offsets` of core/export), so the two datasets agree.
 */
export class LineIndex {
  private readonly lines: LineMap;

  constructor(text: string) {
    this.lines = new LineMap(text);
  }

  position(offset: number): { line: number; column: number } {
    const p = this.lines.position(offset);
    return { line: p.line + 1, column: p.character + 1 };
  }
}


// ---------------------------------------------------------------------------------------
// Rows

export type Kind = 'figure' | 'money' | 'entity';

/** Every column of every kind; a row leaves empty what its kind does not have. */
export const COLUMNS = [
  'kind', 'file', 'line', 'column', 'country', 'year', 'section', 'text',
  'metric', 'period', 'value', 'qualifier', 'unit', 'counts',
  'amount', 'currency', 'conversion_amount', 'conversion_currency', 'implied_rate',
  'entity_type', 'name', 'acronym', 'mentions',
] as const;

export type Column = (typeof COLUMNS)[number];
export type Row = { kind: Kind } & Partial<Record<Column, string>>;

/** `5` or, for a range, `5-10`. */
export function formatValue(value: number, max?: number): string {
  return max === undefined ? String(value) : `${value}-${max}`;
}

function rate(r: number | undefined): string {
  return r === undefined || !Number.isFinite(r) ? '' : String(roundRate(r));
}

export function rows(o: Analyzed): Row[] {
  const { analysis: a, file } = o;
  const index = new Offsets(o.text);
  const where = (offset: number): { line: string; column: string } => {
    const p = index.position(offset);
    return { line: String(p.line), column: String(p.column) };
  };
  const place = (offset: number): { country: string; year: string } => {
    const m = metaAt(a, offset);
    return { country: m.country ?? '', year: m.year === undefined ? '' : String(m.year) };
  };
  const out: Row[] = [];
  for (const f of a.figures) {
    out.push({
      kind: 'figure', file, ...where(f.start), ...place(f.start), section: f.section, text: f.text,
      metric: f.metric, period: f.period, value: formatValue(f.value, f.max), qualifier: f.qualifier ?? '',
      unit: f.unit ?? '', counts: f.counts,
    });
  }
  for (const m of a.money) {
    out.push({
      kind: 'money', file, ...where(m.start), ...place(m.start), section: m.section, text: m.text,
      period: m.period, amount: formatValue(m.value, m.max), currency: m.currency,
      conversion_amount: m.conversion ? formatValue(m.conversion.value, m.conversion.max) : '',
      conversion_currency: m.conversion?.currency ?? '', implied_rate: rate(m.impliedRate),
    });
  }
  for (const e of a.entities) {
    const first = e.mentions[0];
    out.push({
      kind: 'entity', file, ...(first ? where(first.start) : {}), text: first?.text ?? '',
      entity_type: e.type, name: e.name, acronym: e.acronym ?? '', mentions: String(e.mentions.length),
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// CSV (RFC 4180: CRLF line ends, fields with a comma, quote or line break in double quotes);
// the field writer is the export's (core/export/csv.ts), with its formula guard on the text
// cells, so that a spreadsheet never runs a narrative's `=...` or `-...` as a formula.

export { csvField };

/** The columns that hold the narrative's own words. */
const TEXT_COLUMNS: ReadonlySet<Column> = new Set<Column>(['file', 'country', 'text', 'counts', 'name', 'acronym']);

export function csvHeader(): string {
  return COLUMNS.join(',') + '\r\n';
}

export function csvRows(o: Analyzed): string {
  let out = '';
  for (const r of rows(o)) out += COLUMNS.map((c) => csvField(r[c] ?? '', TEXT_COLUMNS.has(c))).join(',') + '\r\n';
  return out;
}

// ---------------------------------------------------------------------------------------
// JSON: one document for all files

export function jsonDocument(version: string, outcomes: readonly FileOutcome[]): string {
  const files = outcomes.map((o) => (isFailed(o) ? { file: o.file, error: o.error } : { file: o.file, analysis: o.analysis }));
  return JSON.stringify({ tool: 'tip-lens', version, files }) + '\n';
}

// ---------------------------------------------------------------------------------------
// Table: a short header per file, then aligned columns

/** Longest cell a table shows before cutting it with an ellipsis. */
const MAX_CELL = 48;

function cell(s: string): string {
  const flat = s.replace(/\s+/g, ' ');
  return flat.length > MAX_CELL ? flat.slice(0, MAX_CELL - 1) + '…' : flat;
}

export function alignedTable(headers: readonly string[], body: ReadonlyArray<readonly string[]>): string {
  const cells = body.map((r) => r.map(cell));
  const widths = headers.map((h) => h.length);
  for (const r of cells) for (let i = 0; i < widths.length; i++) widths[i] = Math.max(widths[i]!, r[i]!.length);
  const line = (r: readonly string[]): string => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(headers), ...cells.map(line)].join('\n') + '\n';
}

function describeMeta(m: Meta): string {
  const name = [m.country, m.year].filter((x) => x !== undefined).join(' ') || 'unnamed narrative';
  const tier = m.tier ? `, ${m.tier}` : '';
  const change = m.tierChange ? ` (${m.tierChange.change}${m.tierChange.change === 'remained' ? ' on' : ' to'} ${m.tierChange.tier})` : '';
  return name + tier + change;
}

export function tableHeader(o: Analyzed): string {
  const a = o.analysis;
  const ns = a.narratives;
  let what: string;
  if (o.text.length === 0) what = 'empty file';
  else if (ns.length <= 1) what = describeMeta(a.meta);
  else {
    const name = (m: Meta): string => [m.country, m.year].filter((x) => x !== undefined).join(' ') || 'unnamed';
    const shown = ns.slice(0, 4).map((n) => name(n.meta)).join(', ');
    what = `${ns.length} narratives (${shown}${ns.length > 4 ? ', …' : ''})`;
  }
  const counts = `${plural(a.figures.length, 'figure')}, ${plural(a.money.length, 'money amount')}, ${plural(a.entities.length, 'entity', 'entities')}`;
  return `== ${o.file}: ${what} | ${counts}\n`;
}


export function table(o: Analyzed): string {
  const rs = rows(o);
  const at = (r: Row): string => (r.line ? `${r.line}:${r.column}` : '');
  const multi = o.analysis.narratives.length > 1;
  let out = tableHeader(o);
  const figures = rs.filter((r) => r.kind === 'figure');
  const money = rs.filter((r) => r.kind === 'money');
  const entities = rs.filter((r) => r.kind === 'entity');
  const place = (r: Row): string[] => (multi ? [r.country ?? '', r.year ?? ''] : []);
  const placeHeaders = multi ? ['COUNTRY', 'YEAR'] : [];
  if (figures.length) {
    out += '\nFIGURES\n' + alignedTable(
      ['LINE:COL', ...placeHeaders, 'SECTION', 'METRIC', 'PERIOD', 'VALUE', 'QUALIFIER', 'UNIT', 'TEXT', 'COUNTS'],
      figures.map((r) => [at(r), ...place(r), r.section!, r.metric!, r.period!, r.value!, r.qualifier!, r.unit!, r.text!, r.counts!]),
    );
  }
  if (money.length) {
    out += '\nMONEY\n' + alignedTable(
      ['LINE:COL', ...placeHeaders, 'SECTION', 'AMOUNT', 'CURRENCY', 'CONVERSION', 'CONV. CURRENCY', 'IMPLIED RATE', 'TEXT'],
      money.map((r) => [at(r), ...place(r), r.section!, r.amount!, r.currency!, r.conversion_amount!, r.conversion_currency!, r.implied_rate!, r.text!]),
    );
  }
  if (entities.length) {
    out += '\nENTITIES\n' + alignedTable(
      ['FIRST', 'TYPE', 'NAME', 'ACRONYM', 'MENTIONS'],
      entities.map((r) => [at(r), r.entity_type!, r.name!, r.acronym!, r.mentions!]),
    );
  }
  return out;
}
