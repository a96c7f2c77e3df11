/**
 * One CSV field (RFC 4180), on its own so that what writes a small table (the timeline's page)
 * does not bring the dataset's rows with it. Formula injection: a text field starting with `=`,
 * `+`, `-`, `@`, a tab or CR gets a leading `'` when guarded (see csv.ts).
 */

/** The first characters that make a spreadsheet read a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One RFC 4180 field: quoted when it holds a comma, a double quote, CR or LF (quotes doubled).
 * `guard` prefixes `'` to a text starting like a formula (see above).
 */
export function csvField(s: string, guard = false): string {
  const v = guard && FORMULA_START.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}
