/**
 * The rows as CSV. RFC 4180: every record ends in CRLF; a field holding a comma, a double quote,
 * CR or LF is quoted, its quotes doubled. A UTF-8 byte order mark on request, so that
 * spreadsheets that guess the encoding read UTF-8. Formula injection: a text field (a cell that
 * is text in the model: the text as written, a note, a name, a file name) starting with `=`,
 * `+`, `-`, `@`, a tab or CR gets a leading `'`, so a spreadsheet shows it instead of
 * evaluating it. Numeric fields (offsets, year, value, rate) are never prefixed: `-5` stays a
 * number.
 */
import { csvField } from './field';
import { COLUMNS, type Cell, type Row } from './rows';

export { csvField };

// CSV

/** A cell: text is guarded, numbers and flags are written as they are. */
export function csvCell(c: Cell | undefined): string {
  if (c === undefined) return '';
  if (typeof c === 'number') return Number.isFinite(c) ? String(c) : '';
  if (typeof c === 'boolean') return c ? 'true' : 'false';
  return csvField(c, true);
}

export interface CsvOptions {
  /** Start with a UTF-8 byte order mark (U+FEFF), for spreadsheets that guess the encoding. */
  readonly bom?: boolean;
}

/** The header record, after the byte order mark when asked. */
export function csvHeader(options: CsvOptions = {}): string {
  return (options.bom ? '\uFEFF' : '') + COLUMNS.join(',') + '\r\n';
}

/** The records of `rows`, each ending in CRLF. */
export function csvRecords(rows: readonly Row[]): string {
  let out = '';
  for (const r of rows) out += COLUMNS.map((c) => csvCell(r[c])).join(',') + '\r\n';
  return out;
}
