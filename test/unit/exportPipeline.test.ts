/**
 * The export run that `tip-lens export` and the Export Dataset command share
 * (src/core/export/pipeline.ts): what is a report, the brat names, the run's output and counts;
 * and the helpers every view shares (a rate's precision, a path's base name).
 */
import * as assert from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../src/core/analyze';
import { formatRate, roundRate } from '../../src/core/currency';
import {
  BratNames, csvHeader, csvRecords, decode, exportReport, ExportRun, inSkippedDir, isCandidate, isTipName, jsonlLines, judge,
  ownsBratConfig, parseAnnotations, toBrat, BRAT_CONF_MARK,
} from '../../src/core/export';
import { basename } from '../../src/core/labels';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const V2023 = readFileSync(path.join(ROOT, 'samples', 'veldora-2023.tip.txt'), 'utf8');
const V2022 = readFileSync(path.join(ROOT, 'samples', 'veldora-2022.tip.txt'), 'utf8');

describe('the export run (core/export/pipeline.ts)', () => {
  it('finds candidates by name, and skips node_modules and .git', () => {
    assert.deepStrictEqual(['a.tip', 'a.tip.txt', 'A.TIP.TXT', 'a.txt', 'a.md'].map(isTipName), [true, true, true, false, false]);
    assert.deepStrictEqual(['a.tip', 'notes.txt', 'a.md', 'a.tip.txt.annotations.json'].map(isCandidate), [true, true, false, false]);
    assert.strictEqual(inSkippedDir('/w/node_modules/x/a.tip'), true);
    assert.strictEqual(inSkippedDir('/w/.git/a.txt'), true);
    assert.strictEqual(inSkippedDir('/w/reports/node_modules.tip'), false);
  });

  it('judges a candidate: by name, by language, by content; a binary .txt is no report, a binary .tip an error', () => {
    const notes = { ok: true as const, text: 'Shopping list: eggs, milk.' };
    assert.deepStrictEqual(judge('r/notes.txt', notes, { searched: true }), { report: false });
    assert.deepStrictEqual(judge('r/notes.txt', notes, { searched: false }), { report: true, text: notes.text }, 'a FILE named by the user is exported whatever it holds');
    assert.deepStrictEqual(judge('r/notes.txt', notes, { searched: true, tipLanguage: true }), { report: true, text: notes.text });
    assert.deepStrictEqual(judge('r/notes.tip', notes, { searched: true }), { report: true, text: notes.text });
    assert.strictEqual(judge('r/veldora.txt', { ok: true, text: V2023 }, { searched: true }).report, true, 'a narrative by its content');
    const binary = decode(Uint8Array.from([0x41, 0, 0x42]));
    assert.deepStrictEqual(judge('r/blob.txt', binary, { searched: true }), { report: false });
    assert.deepStrictEqual(judge('r/blob.tip', binary, { searched: true }), { report: false, error: 'binary file (NUL bytes)' });
    assert.deepStrictEqual(judge('r/gone.txt', { ok: false, reason: 'permission denied' }, { searched: true }), { report: false, error: 'permission denied' });
    const latin1 = decode(Uint8Array.from([...Buffer.from(V2023.slice(0, 2000)), 0xe9]));
    assert.deepStrictEqual(judge('r/v.tip', latin1, { searched: true }), { report: true, text: `${V2023.slice(0, 2000)}\ufffd`, warning: '1 invalid UTF-8 sequence read as U+FFFD' });
  });

  it('reads annotation files, and says why one cannot be used', () => {
    assert.deepStrictEqual(parseAnnotations({ ok: true, text: JSON.stringify({ schemaVersion: 1, document: 'x.tip', annotations: [] }) }), { annotations: [] });
    assert.ok('error' in parseAnnotations({ ok: true, text: '{ not json' }));
    assert.deepStrictEqual(parseAnnotations({ ok: false, reason: 'binary file (NUL bytes)' }), { error: 'binary file (NUL bytes)' });
  });

  it('names brat pairs uniquely: the base name, the folders when others share it, numbered when taken', () => {
    const files = ['2022/veldora.tip.txt', '2023/veldora.tip.txt', 'a/b/zembla.txt', 'my report.tip', 'c\\d\\veldora.tip'];
    const names = new BratNames(files);
    assert.deepStrictEqual(files.map((f) => names.next(f)), ['2022__veldora', '2023__veldora', 'zembla', 'my_report', 'c__d__veldora']);
    const again = new BratNames(['x.tip', 'x.tip.txt']);
    assert.deepStrictEqual([again.next('x.tip'), again.next('x.tip.txt')], ['x', 'x-2'], 'no folder to tell them apart: numbered');
  });

  it('gives the same CSV, JSON Lines and brat as the rows it is made of, and counts what it exported', () => {
    const sources = [
      { file: 'veldora-2023.tip.txt', text: V2023, analysis: analyze(V2023) },
      { file: 'veldora-2022.tip.txt', text: V2022, analysis: analyze(V2022) },
    ];
    const direct = sources.map((s) => exportReport(s));

    const csv = new ExportRun('csv', { bom: true });
    const csvOut = csv.start() + sources.map((s) => { const o = csv.add(s); assert.strictEqual(o.kind, 'records'); return o.kind === 'records' ? o.text : ''; }).join('');
    assert.strictEqual(csvOut, csvHeader({ bom: true }) + direct.map((d) => csvRecords(d.rows)).join(''));
    assert.strictEqual(csv.reports, 2);
    assert.strictEqual(csv.rows, direct[0]!.rows.length + direct[1]!.rows.length);
    assert.strictEqual(csv.counts.figure, direct[0]!.counts.figure + direct[1]!.counts.figure);
    assert.strictEqual(csv.summary(), `2 reports (${csv.counts.figure} figures, ${csv.counts.money} money amounts, ${csv.counts.entity} entity mentions, 0 annotations)`);

    const jsonl = new ExportRun('jsonl');
    assert.strictEqual(jsonl.start(), '');
    assert.deepStrictEqual(jsonl.add(sources[0]!), { kind: 'records', text: jsonlLines(direct[0]!.rows) });

    const brat = new ExportRun('brat', { names: ['x/veldora-2023.tip.txt', 'y/veldora-2023.tip.txt'] });
    const doc = toBrat(direct[0]!);
    assert.deepStrictEqual(brat.add(sources[0]!, 'x/veldora-2023.tip.txt'), { kind: 'brat', name: 'x__veldora-2023', txt: doc.txt, ann: doc.ann });
    assert.ok(brat.bratConfig().startsWith(BRAT_CONF_MARK));
    assert.match(brat.bratConfig(), /^Money$/m);
  });

  it('rewrites only an annotation.conf it wrote', () => {
    assert.strictEqual(ownsBratConfig(undefined), true);
    assert.strictEqual(ownsBratConfig(`${BRAT_CONF_MARK}\n[entities]\n`), true);
    assert.strictEqual(ownsBratConfig('[entities]\nMine\n'), false);
  });
});

describe('helpers every view shares', () => {
  it('a rate at one precision: two decimals from 1 up, four significant digits below', () => {
    assert.deepStrictEqual([581.3953, 582, 576.923, 14500.456, 3.6725, 0.3845, 0.00172117].map(formatRate),
      ['581.40', '582.00', '576.92', '14,500.46', '3.67', '0.3845', '0.001721']);
    assert.deepStrictEqual([581.3953, 582, 0.38449, 0.00172117].map(roundRate), [581.4, 582, 0.3845, 0.001721]);
    // The export's cell is the number the views show.
    for (const r of [581.3953, 605.449, 0.3845, 1.005, 2.675]) assert.strictEqual(formatRate(r).replace(/,/g, ''), roundRate(r) >= 1 ? roundRate(r).toFixed(2) : String(roundRate(r)));
  });

  it('the money of the sample exports its implied rate at that precision', () => {
    const rows = exportReport({ file: 'v.tip', text: V2023, analysis: analyze(V2023) }).rows.filter((r) => r.implied_rate !== undefined);
    assert.ok(rows.length > 0, 'the sample states conversions');
    for (const r of rows) assert.strictEqual(r.implied_rate, roundRate(r.implied_rate as number));
  });

  it('basename: the last part of a path', () => {
    assert.deepStrictEqual(['/a/b/mali.tip', 'mali.tip', '/a/b/', ''].map(basename), ['mali.tip', 'mali.tip', '', '']);
  });
});
