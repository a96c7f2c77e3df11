import * as assert from 'node:assert';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyze } from '../../src/core/analyze';
import { selectorFor, type Annotation, type AnnotationFile } from '../../src/core/annotations';
import {
  bratConfig, bratLabel, bratStem, COLUMNS, csvField, csvHeader, csvRecords, type CsvOptions, exportReport, jsonlLines, Offsets, toBrat, type Row,
} from '../../src/core/export';
import { parseExportArgs, terminalProgress } from '../../src/cli/export';
import { cli as runCli, parseCsv } from '../support/cli';

/** A whole CSV document, as the export writes it: its header, then its records. */
const toCsv = (rows: readonly Row[], options: CsvOptions = {}): string => csvHeader(options) + csvRecords(rows);

const ROOT = path.resolve(__dirname, '..', '..', '..');
const SAMPLES = path.join(ROOT, 'samples');
const V2023 = path.join(SAMPLES, 'veldora-2023.tip.txt');
const V2022 = path.join(SAMPLES, 'veldora-2022.tip.txt');
const CRLF = path.join(ROOT, 'test', 'fixtures', 'narratives', 'zembla-2011.txt');
const SAMPLE = readFileSync(V2023, 'utf8');


function objects(csv: string): Array<Record<string, string>> {
  const [header, ...body] = parseCsv(csv.replace(/^\uFEFF/, ''));
  assert.deepStrictEqual(header, [...COLUMNS]);
  return body.map((r) => {
    assert.strictEqual(r.length, COLUMNS.length, 'every record has every column');
    return Object.fromEntries(COLUMNS.map((c, k) => [c, r[k]!]));
  });
}

/** The CSV cell a row's value becomes (before the formula guard). */
const cellOf = (v: Row[keyof Row]): string => (v === undefined ? '' : String(v));

function annotate(text: string, quote: string, rest: Partial<Annotation>, occurrence = 0): Annotation {
  let at = -1;
  for (let k = 0; k <= occurrence; k++) at = text.indexOf(quote, at + 1);
  assert.ok(at >= 0, `"${quote}" is in the text`);
  return { id: `a${at}-${quote.length}`, decision: 'note', selector: selectorFor(text, at, at + quote.length), created: '2026-12-01T00:00:00Z', ...rest };
}

/** The annotations of the status tests: a reject, a correct, a manual, a confirm, a note, a free label and an orphan. */
function decisions(text: string): Annotation[] {
  return [
    annotate(text, '58', { decision: 'reject', about: 'figure', note: 'the summary should say 63' }),
    annotate(text, '298', { decision: 'confirm', about: 'figure' }),
    annotate(text, '344', { decision: 'correct', about: 'figure', label: { kind: 'figure', metric: 'potential-victims' }, note: 'potential, not identified' }),
    annotate(text, 'gendarmerie', { decision: 'manual', label: { kind: 'entity', type: 'government-body' } }),
    annotate(text, 'INTERPOL', { decision: 'reject', about: 'entity' }),
    annotate(text, 'Central Office for the Protection of Minors', { decision: 'note', note: 'check the "official" name,\nwith the ministry' }),
    annotate(text, 'Dira region', { decision: 'note', label: { kind: 'free', label: 'needs source' } }),
    {
      id: 'gone', decision: 'reject', about: 'figure', created: '2026-12-01T00:00:00Z',
      selector: [{ type: 'TextPositionSelector', start: 10, end: 30 }, { type: 'TextQuoteSelector', exact: 'a sentence since deleted', prefix: '', suffix: '' }],
    },
  ];
}

/** Checks every T line of a brat .ann against its .txt, counting offsets in code points as brat (Python) does. */
function checkBrat(txt: string, ann: string): number {
  const chars = Array.from(txt);
  let n = 0;
  for (const line of ann.split('\n')) {
    if (line === '') continue;
    assert.match(line, /^(T\d+\t[A-Za-z0-9_-]+ \d+ \d+(;\d+ \d+)*\t[^\n]*|A\d+\t[A-Za-z]+ T\d+ [A-Za-z0-9_-]+|#\d+\tAnnotatorNotes T\d+\t[^\t\n\r]+)$/, line);
    if (!line.startsWith('T')) continue;
    const [, typeAndSpans, text] = line.split('\t') as [string, string, string];
    const spans = typeAndSpans.slice(typeAndSpans.indexOf(' ') + 1).split(';').map((p) => p.split(' ').map(Number) as [number, number]);
    const ref = spans.map(([s, e]) => chars.slice(s, e).join('')).join(' ');
    assert.strictEqual(ref, text, `${line} points at its text`);
    n++;
  }
  return n;
}

describe('export: offsets', () => {
  it('counts code points, and lines after CRLF, LF and CR', () => {
    const text = 'a😀b\r\nc\rd\n𝟘x';
    const o = new Offsets(text);
    assert.deepStrictEqual([0, 1, 3, 4, 10, 12].map((u) => o.codePoint(u)), [0, 1, 2, 3, 9, 10]);
    assert.deepStrictEqual(o.position(3), { line: 1, column: 3 });
    assert.deepStrictEqual(o.position(6), { line: 2, column: 1 });
    assert.deepStrictEqual(o.position(8), { line: 3, column: 1 });
    assert.deepStrictEqual(o.position(12), { line: 4, column: 2 });
  });
});

describe('export: CSV', () => {
  const rows: Row[] = [
    { kind: 'figure', status: 'automatic', file: 'a, b.txt', text: 'say "forty", or 40', value: 40, start: 0, end: 3 },
    { kind: 'annotation', status: 'note', text: 'two\r\nlines', note: 'one\nmore, "quoted"', year: 2023 },
    { kind: 'money', status: 'corrected', text: '=HYPERLINK("x")', note: '+1 call', label: '@who', counts: '-dash', value: -5, implied_rate: 605.449 },
    { kind: 'entity', status: 'automatic', text: 'Côte d’Ivoire — ünïcödé', definition: true },
  ];

  it('quotes commas, quotes and line breaks; reading it back gives the same cells', () => {
    const csv = toCsv(rows);
    assert.ok(csv.startsWith('kind,file,'), 'no byte order mark by default');
    const back = objects(csv);
    assert.strictEqual(back.length, rows.length);
    for (let r = 0; r < 2; r++) for (const c of COLUMNS) assert.strictEqual(back[r]![c], cellOf(rows[r]![c]), `${r}:${c}`);
    assert.strictEqual(back[0]!.file, 'a, b.txt');
    assert.strictEqual(back[1]!.text, 'two\r\nlines');
    assert.strictEqual(back[3]!.text, 'Côte d’Ivoire — ünïcödé');
    assert.strictEqual(back[3]!.definition, 'true');
    assert.ok(csv.includes('"say ""forty"", or 40"'));
  });

  it('guards text that a spreadsheet would run as a formula, never numbers', () => {
    const m = objects(toCsv(rows))[2]!;
    assert.deepStrictEqual([m.text, m.note, m.label, m.counts], ["'=HYPERLINK(\"x\")", "'+1 call", "'@who", "'-dash"]);
    assert.deepStrictEqual([m.value, m.implied_rate, m.status], ['-5', '605.449', 'corrected']);
    assert.strictEqual(csvField('=1+1'), '=1+1', 'the field writer alone does not guard (analyze uses it so)');
    assert.strictEqual(csvField('\tx', true), "'\tx");
  });

  it('starts with a UTF-8 byte order mark when asked, and only once', () => {
    const csv = toCsv(rows, { bom: true });
    assert.strictEqual(csv.charCodeAt(0), 0xfeff);
    assert.strictEqual(csv.indexOf('\uFEFF', 1), -1);
    assert.strictEqual(objects(csv).length, rows.length);
    const bytes = Buffer.from(csv, 'utf8');
    assert.deepStrictEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  });
});

describe('export: JSON Lines', () => {
  it('one object a line that reads back as the rows, separators escaped', () => {
    const report = exportReport({ file: V2023, text: SAMPLE, analysis: analyze(SAMPLE), annotations: decisions(SAMPLE) });
    const odd: Row = { kind: 'annotation', status: 'note', text: 'a\u2028b\u2029c\u0085d', note: 'x\ny' };
    const rows = [...report.rows, odd];
    const out = jsonlLines(rows);
    assert.ok(out.endsWith('\n'));
    assert.ok(!/[\u2028\u2029\u0085\r]/.test(out), 'no line separator a reader might split at');
    const lines = out.slice(0, -1).split('\n');
    assert.strictEqual(lines.length, rows.length);
    assert.deepStrictEqual(lines.map((l) => JSON.parse(l) as Row), rows);
    const first = JSON.parse(lines[0]!) as Record<string, unknown>;
    assert.deepStrictEqual(Object.keys(first), COLUMNS.filter((c) => c in first), 'keys in column order');
    assert.strictEqual(typeof first['start'], 'number');
    assert.strictEqual(typeof first['year'], 'number');
  });
});

describe('export: rows and statuses', () => {
  const base = analyze(SAMPLE);
  const report = exportReport({ file: 'veldora-2023.tip.txt', text: SAMPLE, analysis: base, annotations: decisions(SAMPLE) });
  const of = (kind: string, text: string): Row[] => report.rows.filter((r) => r.kind === kind && r.text === text);

  it('without annotations: every figure, money amount and mention, all automatic, offsets at the text', () => {
    const plain = exportReport({ file: 'v', text: SAMPLE, analysis: base });
    assert.strictEqual(plain.rows.filter((r) => r.kind === 'figure').length, base.figures.length);
    assert.strictEqual(plain.rows.filter((r) => r.kind === 'money').length, base.money.length);
    assert.strictEqual(plain.rows.filter((r) => r.kind === 'entity').length, base.entities.reduce((n, e) => n + e.mentions.length, 0));
    assert.ok(plain.rows.every((r) => r.status === 'automatic' && r.kind !== 'annotation'));
    for (const r of plain.rows) assert.strictEqual(SAMPLE.slice(r.start as number, r.end as number), r.text);
    const f = plain.rows.find((r) => r.kind === 'figure' && r.text === '298')!;
    assert.deepStrictEqual(
      [f.country, f.year, f.tier, f.section, f.metric, f.period, f.value, f.line],
      ['Veldora', 2023, 'Tier 2 Watch List', 'summary', 'victims-identified', 'current', 298, 5]);
  });

  it('a rejected figure stays, with status rejected and the note', () => {
    const [f] = of('figure', '58');
    assert.deepStrictEqual([f?.status, f?.note, f?.metric], ['rejected', 'the summary should say 63', 'child-soldiers']);
    assert.ok(f?.annotation_id);
    // The other 58 (none) and the 63 of PROTECTION are untouched.
    assert.strictEqual(of('figure', '63')[0]?.status, 'automatic');
  });

  it('corrected, confirmed and manual items say so', () => {
    const c = of('figure', '344')[0]!;
    assert.deepStrictEqual([c.status, c.metric, c.note], ['corrected', 'potential-victims', 'potential, not identified']);
    assert.strictEqual(of('figure', '298')[0]!.status, 'confirmed');
    const g = of('entity', 'gendarmerie')[0]!;
    assert.deepStrictEqual([g.status, g.entity_type, g.entity_name], ['manual', 'government-body', 'gendarmerie']);
    const i = of('entity', 'INTERPOL');
    assert.strictEqual(i[0]!.status, 'rejected');
    assert.ok(i.length >= 1);
  });

  it('annotations are rows too: notes, free labels, and the orphan with its quote', () => {
    const anns = report.rows.filter((r) => r.kind === 'annotation');
    assert.strictEqual(anns.length, 8);
    const orphan = anns.find((r) => r.annotation_id === 'gone')!;
    assert.deepStrictEqual(
      [orphan.status, orphan.anchor, orphan.text, orphan.decision, orphan.start, orphan.country],
      ['orphaned', 'orphaned', 'a sentence since deleted', 'reject', undefined, 'Veldora']);
    assert.strictEqual(anns[anns.length - 1], orphan, 'orphans come last');
    const note = anns.find((r) => r.text === 'Central Office for the Protection of Minors')!;
    assert.deepStrictEqual([note.status, note.decision, note.anchor, note.section], ['note', 'note', 'position', 'prosecution']);
    const free = anns.find((r) => r.label === 'free:needs source')!;
    assert.strictEqual(free.text, 'Dira region');
    assert.deepStrictEqual(anns.filter((r) => r.decision === 'reject').map((r) => r.status), ['rejected', 'rejected', 'orphaned']);
    assert.strictEqual(report.orphaned, 1);
  });

  it('the CSV of a report reads back with its statuses and its notes', () => {
    const rows = objects(toCsv(report.rows));
    const f = rows.find((r) => r.kind === 'figure' && r.text === '58')!;
    assert.deepStrictEqual([f.status, f.value, f.country, f.year], ['rejected', '58', 'Veldora', '2023']);
    const n = rows.find((r) => r.note.startsWith('check the'))!;
    assert.strictEqual(n.note, 'check the "official" name,\nwith the ministry');
    assert.deepStrictEqual(new Set(rows.map((r) => r.status)), new Set(['automatic', 'confirmed', 'corrected', 'rejected', 'manual', 'note', 'orphaned']));
  });
});

describe('export: brat standoff', () => {
  it('T lines point at the text of the .txt copy; statuses, periods and notes as A and # lines', () => {
    const report = exportReport({ file: V2023, text: SAMPLE, analysis: analyze(SAMPLE), annotations: decisions(SAMPLE) });
    const doc = toBrat(report);
    assert.strictEqual(doc.txt, SAMPLE);
    const n = checkBrat(doc.txt, doc.ann);
    // Every row but the annotations that decide about an item (and the orphan) is a T line.
    assert.strictEqual(n, report.rows.filter((r) => r.kind !== 'annotation').length + 2);
    assert.strictEqual(doc.unplaced, 1);
    const t58 = /^(T\d+)\tFigure-child-soldiers (\d+) (\d+)\t58$/m.exec(doc.ann)!;
    assert.ok(t58, 'the rejected 58 is there');
    assert.match(doc.ann, new RegExp(`^A\\d+\\tStatus ${t58[1]} rejected$`, 'm'));
    assert.match(doc.ann, new RegExp(`^A\\d+\\tPeriod ${t58[1]} current$`, 'm'));
    assert.match(doc.ann, new RegExp(`^#\\d+\\tAnnotatorNotes ${t58[1]}\\tthe summary should say 63$`, 'm'));
    assert.match(doc.ann, /^T\d+\tNote \d+ \d+\tCentral Office for the Protection of Minors$/m);
    assert.match(doc.ann, /^#\d+\tAnnotatorNotes T\d+\tcheck the "official" name, with the ministry$/m, 'a note on one line');
    assert.match(doc.ann, /^T\d+\tLabel-needs_source \d+ \d+\tDira region$/m);
    assert.match(doc.ann, /^T\d+\tEntity-government-body \d+ \d+\tgendarmerie$/m);
    const conf = bratConfig(doc.labels, doc.attributes);
    for (const label of ['Figure-child-soldiers', 'Money', 'Entity-country', 'Note', 'Label-needs_source']) assert.match(conf, new RegExp(`^${label}$`, 'm'));
    assert.match(conf, /^Status\tArg:<ENTITY>, Value:automatic\|confirmed\|corrected\|manual\|note\|rejected$/m);
  });

  it('a CRLF report: the copy keeps CRLF, offsets count the CRs, a span over a line break is cut in fragments', () => {
    const text = readFileSync(CRLF, 'utf8');
    assert.ok(text.includes('\r\n'));
    const across = annotate(text, 'Tier 2\r\n\r\nZembla', { decision: 'note', note: 'tier line and summary' });
    const report = exportReport({ file: CRLF, text, analysis: analyze(text), annotations: [across] });
    const doc = toBrat(report);
    assert.strictEqual(doc.txt, text, 'the .txt is the text exactly, CRLF included');
    assert.ok(checkBrat(doc.txt, doc.ann) > 20);
    const at = text.indexOf('Tier 2\r\n');
    assert.match(doc.ann, new RegExp(`^T\\d+\\tNote ${at} ${at + 6};${at + 10} ${at + 16}\\tTier 2 Zembla$`, 'm'));
    for (const r of report.rows) if (r.kind !== 'annotation') assert.strictEqual(text.slice(r.start as number, r.end as number), r.text);
  });

  it('astral characters: offsets in code points, in the rows and in the .ann', () => {
    // A character beyond U+FFFF (two UTF-16 code units) before the figures shifts them by one code point each.
    const text = SAMPLE.replace('The Government of Veldora', '𝐓he 😀 Government of Veldora');
    const report = exportReport({ file: 'astral.txt', text, analysis: analyze(text) });
    const chars = Array.from(text);
    const f = report.rows.find((r) => r.kind === 'figure' && r.text === '298')!;
    const utf16 = text.indexOf('298 trafficking victims');
    assert.strictEqual(f.start, utf16 - 2);
    for (const r of report.rows) assert.strictEqual(chars.slice(r.start as number, r.end as number).join(''), r.text, `${r.kind} ${r.text}`);
    const doc = toBrat(report);
    assert.ok(checkBrat(doc.txt, doc.ann) > 100);
    assert.match(doc.ann, new RegExp(`\\tFigure-victims-identified ${utf16 - 2} ${utf16 + 1}\\t298$`, 'm'));
  });

  it('labels and names are brat-safe', () => {
    assert.strictEqual(bratLabel('needs source / ça'), 'needs_source_ca');
    assert.strictEqual(bratLabel('   '), 'Label');
    assert.strictEqual(bratStem('a/b/veldora-2023.tip.txt'), 'veldora-2023');
    assert.strictEqual(bratStem('x.tip'), 'x');
    assert.strictEqual(bratStem('my report.txt'), 'my_report');
  });
});

// ---------------------------------------------------------------------------------------
// The command line

const cli = (...argv: string[]) => runCli(argv);



describe('tip-lens export', function () {
  this.timeout(60000);
  let dir: string;

  before(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'tip-lens-export-'));
  });
  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  /** A fresh copy of the samples, with `extra` files (relative path -> content). */
  function copy(name: string, extra: Record<string, string | Buffer> = {}): string {
    const d = path.join(dir, name);
    mkdirSync(d, { recursive: true });
    for (const f of readdirSync(SAMPLES)) writeFileSync(path.join(d, f), readFileSync(path.join(SAMPLES, f)));
    for (const [rel, content] of Object.entries(extra)) {
      mkdirSync(path.dirname(path.join(d, rel)), { recursive: true });
      writeFileSync(path.join(d, rel), content);
    }
    return d;
  }

  const annotationFile = (anns: Annotation[]): string =>
    JSON.stringify({ schemaVersion: 1, document: 'veldora-2023.tip.txt', annotations: anns } satisfies AnnotationFile);

  it('the samples folder as CSV on stdout: both reports, a kind and a status column, exit 0', async () => {
    const r = await cli('export', SAMPLES, '--format', 'csv');
    assert.strictEqual(r.code, 0, r.err);
    assert.strictEqual(r.err, '');
    const rows = objects(r.out);
    assert.deepStrictEqual([...new Set(rows.map((x) => x.file))], [V2022, V2023]);
    assert.deepStrictEqual([...new Set(rows.map((x) => x.kind))], ['figure', 'money', 'entity']);
    const f = rows.find((x) => x.file === V2023 && x.kind === 'figure' && x.text === '58')!;
    assert.deepStrictEqual([f.country, f.year, f.tier, f.metric, f.period, f.value, f.status], ['Veldora', '2023', 'Tier 2 Watch List', 'child-soldiers', 'current', '58', 'automatic']);
    const before = rows.find((x) => x.file === V2022 && x.kind === 'figure' && x.text === '344')!;
    assert.deepStrictEqual([before.year, before.tier, before.section], ['2022', 'Tier 2', 'summary']);
    // The same as the core's rows for each file.
    for (const file of [V2022, V2023]) {
      const text = readFileSync(file, 'utf8');
      assert.strictEqual(rows.filter((x) => x.file === file).length, exportReport({ file, text, analysis: analyze(text) }).rows.length);
    }
  });

  it('applies the annotation file beside a report; a corrupt one: a message, the report without it, exit 1', async () => {
    const d = copy('annotated', {
      'veldora-2023.tip.txt.annotations.json': annotationFile(decisions(SAMPLE)),
      'sub/veldora-2022.tip.txt': readFileSync(V2022),
      'sub/veldora-2022.tip.txt.annotations.json': '{ "schemaVersion": 1, "document": ',
    });
    const r = await cli('export', d, '-f', 'csv');
    assert.strictEqual(r.code, 1);
    const corrupt = path.join(d, 'sub', 'veldora-2022.tip.txt.annotations.json');
    assert.strictEqual(r.err, `tip-lens: ${corrupt}: corrupt annotation file (not valid JSON: ${jsonError('{ "schemaVersion": 1, "document": ')}); ${path.join(d, 'sub', 'veldora-2022.tip.txt')} is exported without its annotations\n`);
    const rows = objects(r.out);
    const mine = rows.filter((x) => x.file === path.join(d, 'veldora-2023.tip.txt'));
    assert.strictEqual(mine.find((x) => x.kind === 'figure' && x.text === '58')!.status, 'rejected');
    assert.strictEqual(mine.find((x) => x.kind === 'entity' && x.text === 'gendarmerie')!.status, 'manual');
    assert.strictEqual(mine.find((x) => x.annotation_id === 'gone')!.status, 'orphaned');
    const sub = rows.filter((x) => x.file === path.join(d, 'sub', 'veldora-2022.tip.txt'));
    assert.ok(sub.length > 50 && sub.every((x) => x.status === 'automatic'), 'exported, without annotations');
    assert.ok(!rows.some((x) => x.file.endsWith('.json')));
  });

  it('searches DIRs for narratives: .txt by content, named reports always; not node_modules, .git or the --out folder', async () => {
    const d = copy('search', {
      'notes/essay.txt': 'Trafficking is discussed in this essay, with 40 cases.\n',
      'notes/binary.txt': Buffer.from([0x50, 0, 1, 2, 0, 0]),
      'drafts/zembla.txt': readFileSync(CRLF),
      'node_modules/pkg/x.tip.txt': readFileSync(V2022),
      '.git/y.tip.txt': readFileSync(V2022),
      'other.tip': readFileSync(V2022),
    });
    const out = path.join(d, 'export', 'data.jsonl');
    for (let run = 0; run < 2; run++) {
      const r = await cli('export', d, '--format', 'jsonl', '--out', out);
      assert.strictEqual(r.code, 0, r.err);
      assert.match(r.err, /^tip-lens: exported 4 reports \(\d+ figures, \d+ money amounts, \d+ entity mentions, 0 annotations\) to .*data\.jsonl\n$/);
      const files = new Set(readFileSync(out, 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { file: string }).file));
      assert.deepStrictEqual([...files].map((f) => path.relative(d, f)).sort(),
        [path.join('drafts', 'zembla.txt'), 'other.tip', 'veldora-2022.tip.txt', 'veldora-2023.tip.txt']);
    }
  });

  it('brat: a .txt and an .ann per report and an annotation.conf in --out DIR; offsets right, also for CRLF', async () => {
    const d = copy('brat', { 'veldora-2023.tip.txt.annotations.json': annotationFile(decisions(SAMPLE)) });
    const out = path.join(dir, 'brat-out');
    const r = await cli('export', d, CRLF, '--format', 'brat', '--out', out);
    assert.strictEqual(r.code, 0, r.err);
    assert.match(r.err, /1 orphaned annotation \(their text is gone\) cannot be placed in brat/);
    assert.deepStrictEqual(readdirSync(out).sort(), ['annotation.conf', 'veldora-2022.ann', 'veldora-2022.txt', 'veldora-2023.ann', 'veldora-2023.txt', 'zembla-2011.ann', 'zembla-2011.txt']);
    for (const [name, source] of [['veldora-2023', V2023], ['veldora-2022', V2022], ['zembla-2011', CRLF]] as const) {
      const txt = readFileSync(path.join(out, `${name}.txt`), 'utf8');
      assert.strictEqual(txt, readFileSync(source, 'utf8'), `${name}.txt is the report exactly`);
      assert.ok(checkBrat(txt, readFileSync(path.join(out, `${name}.ann`), 'utf8')) > 20);
    }
    assert.match(readFileSync(path.join(out, 'veldora-2023.ann'), 'utf8'), /\tStatus T\d+ rejected$/m);
    const conf = readFileSync(path.join(out, 'annotation.conf'), 'utf8');
    assert.match(conf, /^\[entities\]$/m);
    // A conf of the user's own is kept.
    writeFileSync(path.join(out, 'annotation.conf'), '[entities]\nMine\n');
    const again = await cli('export', d, '--format', 'brat', '--out', out);
    assert.strictEqual(again.code, 0);
    assert.match(again.err, /annotation\.conf: kept/);
    assert.strictEqual(readFileSync(path.join(out, 'annotation.conf'), 'utf8'), '[entities]\nMine\n');
  });

  it('brat names stay apart for reports of the same name in different folders', async () => {
    const d = copy('same', { 'a/veldora-2023.tip.txt': readFileSync(V2023) });
    const out = path.join(dir, 'same-out');
    const r = await cli('export', d, '-f', 'brat', '-o', out);
    assert.strictEqual(r.code, 0, r.err);
    assert.deepStrictEqual(readdirSync(out).filter((f) => f.endsWith('.txt')).sort(), ['a__veldora-2023.txt', 'veldora-2022.txt', 'veldora-2023.txt']);
  });

  it('--bom starts the CSV file with a byte order mark; --out writes the file', async () => {
    const out = path.join(dir, 'bom', 'all.csv');
    const r = await cli('export', V2023, '--format=csv', '--bom', '--out', out);
    assert.strictEqual(r.code, 0, r.err);
    const bytes = readFileSync(out);
    assert.deepStrictEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.strictEqual(r.out, '');
    assert.ok(objects(bytes.toString('utf8')).length > 100);
  });

  it('missing and binary FILEs as analyze does: a reason on stderr, the others exported, exit 1', async () => {
    const missing = path.join(dir, 'missing.tip.txt');
    const binary = path.join(dir, 'binary.tip.txt');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]));
    const r = await cli('export', missing, binary, V2023);
    assert.strictEqual(r.code, 1);
    assert.strictEqual(r.err, `tip-lens: ${missing}: no such file\ntip-lens: ${binary}: binary file (NUL bytes)\n`);
    assert.ok(objects(r.out).every((x) => x.file === V2023));
    const none = await cli('export', path.join(dir, 'bom'));
    assert.strictEqual(none.code, 1);
    assert.match(none.err, /no TIP report found to export/);
  });

  it('bad usage exits 2', async () => {
    for (const [args, message] of [
      [['export'], /needs at least one DIR or FILE/],
      [['export', SAMPLES, '--format', 'brat'], /needs --out DIR/],
      [['export', SAMPLES, '--format', 'xlsx'], /unknown format 'xlsx' for export/],
      [['export', SAMPLES, '--format', 'jsonl', '--bom'], /--bom is for --format csv/],
      [['export', SAMPLES, '--out'], /--out needs a PATH/],
      [['export', SAMPLES, '--frobnicate'], /unknown option '--frobnicate'/],
    ] as const) {
      const r = await cli(...args);
      assert.strictEqual(r.code, 2, args.join(' '));
      assert.match(r.err, message);
      assert.match(r.err, /usage: tip-lens/);
    }
    assert.deepStrictEqual(parseExportArgs(['--out', 'x.csv', 'export', 'a', 'b']), { inputs: ['a', 'b'], format: 'csv', bom: false, help: false, version: false, out: 'x.csv' });
    const help = await cli('export', '--help');
    assert.strictEqual(help.code, 0);
    assert.match(help.out, /tip-lens export DIR\|FILE\.\.\. \[--format csv\|jsonl\|brat\] \[--out PATH\] \[--bom\]/);
  });

  it('options before the command work; other commands are untouched', async () => {
    const out = path.join(dir, 'first.csv');
    const r = await cli('--out', out, 'export', V2022);
    assert.strictEqual(r.code, 0, r.err);
    assert.ok(existsSync(out));
    const analyzeCsv = await cli('analyze', '--format', 'csv', V2022);
    assert.strictEqual(analyzeCsv.code, 0);
    assert.ok(analyzeCsv.out.startsWith('kind,file,line,column,'));
  });

  it('shows progress on a terminal for a large folder, and clears it', () => {
    let written = '';
    const p = terminalProgress({ write: (s: string) => (written += s) });
    for (let i = 0; i <= 3; i++) p(i, 3);
    assert.strictEqual(written, '', 'nothing for a few reports');
    for (let i = 0; i <= 40; i++) p(i, 40);
    assert.match(written, /^\rtip-lens: exporting 1\/40 reports\x1b\[K/);
    assert.ok(written.endsWith('\r\x1b[K'), 'cleared at the end');
  });
});

/** The message JSON.parse gives for `s` in this Node. */
function jsonError(s: string): string {
  try {
    JSON.parse(s);
  } catch (e) {
    return (e as Error).message;
  }
  return '';
}
