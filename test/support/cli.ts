/** Running the command line in-process and reading what it wrote, for the unit tests. */
import * as assert from 'node:assert';
import { run } from '../../src/cli/run';

export interface Captured {
  code: number;
  out: string;
  err: string;
}

/** Runs `tip-lens ...argv`, in `cwd` when given (file names print as given, relative to it). */
export async function cli(argv: readonly string[], cwd?: string): Promise<Captured> {
  let out = '';
  let err = '';
  const before = process.cwd();
  if (cwd) process.chdir(cwd);
  try {
    const code = await run(argv, { stdout: (s) => void (out += s), stderr: (s) => void (err += s) });
    return { code, out, err };
  } finally {
    if (cwd) process.chdir(before);
  }
}

/** RFC 4180: records end in CRLF; quoted fields may hold commas, quotes (doubled) and line breaks. */
export function parseCsv(s: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    if (c === '"' && field === '') {
      i++;
      for (;;) {
        assert.ok(i < s.length, 'unterminated quoted field');
        if (s[i] === '"' && s[i + 1] === '"') {
          field += '"';
          i += 2;
        } else if (s[i] === '"') {
          i++;
          break;
        } else field += s[i++];
      }
      assert.ok(s[i] === ',' || s[i] === '\r', `a quoted field ends at a separator, at ${i}`);
    } else if (c === ',') {
      record.push(field);
      field = '';
      i++;
    } else if (c === '\r') {
      assert.strictEqual(s[i + 1], '\n', 'records end in CRLF');
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 2;
    } else {
      assert.notStrictEqual(c, '\n', 'a bare LF outside quotes');
      field += c;
      i++;
    }
  }
  assert.strictEqual(field, '', 'the last record ends in CRLF');
  assert.strictEqual(record.length, 0, 'the last record ends in CRLF');
  return records;
}
