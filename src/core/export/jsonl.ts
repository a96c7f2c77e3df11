/** The rows as JSON Lines: the text unchanged (no spreadsheet reads them), numbers as numbers. */
import { COLUMNS, type Cell, type Row } from './rows';

/**
 * One JSON object a line, its keys in column order, empty cells left out. Line and paragraph
 * separators (and NEL) are escaped too, so that no line reader splits a record.
 */
export function jsonlLines(rows: readonly Row[]): string {
  let out = '';
  for (const r of rows) {
    const o: Record<string, Cell> = {};
    for (const c of COLUMNS) {
      const v = r[c];
      if (v !== undefined) o[c] = v;
    }
    out += JSON.stringify(o).replace(/[\u0085\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`) + '\n';
  }
  return out;
}

