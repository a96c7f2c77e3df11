import * as assert from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { TIMELINE_CSV_COLUMNS, parseTimelineArgs } from '../../src/cli/timeline';
import { USAGE } from '../../src/cli/run';
import { TIMELINE_METRICS } from '../../src/core/timeline';
import { cli as runCli, parseCsv } from '../support/cli';

const ROOT = path.resolve(__dirname, '..', '..', '..');
// Relative paths, as a user types them: the output names files as given.
const SERIES = path.join('test', 'fixtures', 'timeline');
const SAMPLES = 'samples';

/** From the repository root, so file names print as a user types them. */
const cli = (...argv: string[]) => runCli(argv, ROOT);

/** The text at a 1-based line and column of a file of the repository. */
function at(file: string, line: number, column: number, length: number): string {
  const l = readFileSync(path.join(ROOT, file), 'utf8').split('\n')[line - 1] ?? '';
  return l.slice(column - 1, column - 1 + length);
}

interface JsonSource { value: number; text: string; document: string; line: number; column: number; reportYear: number; sentence: { text: string } }
interface JsonSeries {
  tool: string;
  country: string;
  years: number[];
  reports: Array<{ reportYear: number; dataYear: number; tier: string }>;
  metrics: Array<{ metric: string; unit: string; points: Array<{ year: number; current?: JsonSource; restated?: JsonSource; disagreement?: string }> }>;
}

describe('tip-lens timeline', function () {
  it('is in the usage, with its options', function () {
    assert.match(USAGE, /tip-lens timeline DIR\|FILE\.\.\. \[--country NAME\] \[--format table\|csv\|json\|svg\]/);
    assert.deepStrictEqual(parseTimelineArgs(['timeline', 'a', '--country', 'Mali', '-f', 'svg', 'b']), { inputs: ['a', 'b'], country: 'Mali', format: 'svg', help: false, version: false });
  });

  it('table: one row per metric, one column per data year, the tier above, a mark where the sources disagree', async function () {
    const r = await cli('timeline', SERIES);
    assert.strictEqual(r.code, 0, r.err);
    assert.strictEqual(r.err, '');
    const lines = r.out.split('\n');
    assert.strictEqual(lines[0], 'Corvania: 5 narratives (reports 2019-2023), figures by data year');
    const rows = lines.slice(2, lines.indexOf('', 2));
    assert.strictEqual(rows.length, 3 + TIMELINE_METRICS.length, 'years, report year, tier, and a row per metric');
    // Aligned: every row ends where the header does, each cell right-aligned under its year.
    for (const row of rows) assert.strictEqual(row.length, rows[0]!.length, `aligned: ${row}`);
    const cells = (label: string) => rows.find((x) => x.startsWith(label + ' '))!.slice(label.length).trim().split(/\s+/);
    assert.deepStrictEqual(rows[0]!.trim().split(/\s+/), ['2017', '2018', '2019', '2020', '2021', '2022']);
    assert.deepStrictEqual(cells('report year'), ['-', '2019', '2020', '2021', '2022', '2023']);
    assert.deepStrictEqual(cells('tier'), ['-', '2WL', '2WL', '2', '2', '1']);
    assert.deepStrictEqual(cells('convictions'), ['(4)', '6', '9', '12*', '15', '18']);
    assert.deepStrictEqual(cells('victims identified'), ['(97)', '112', '131', '158', '174', '205']);
    assert.deepStrictEqual(cells('acquittals'), ['-', '2', '3', '4', '2', '5']);
    assert.deepStrictEqual(cells('anti-trafficking budget (USD)'), ['(850,000)', '1,020,000', '1,230,000', '1,530,000', '1,770,000', '1,840,000']);
    assert.strictEqual(r.out.match(/\*/g)?.length, 2, 'one mark, and the line that explains it');
    assert.match(r.out, /\* the two sources disagree:\n {2}convictions in 2020: the 2021 narrative states 12 traffickers; the 2022 narrative restates it as 14 convictions\.\n$/);
  });

  it('csv: a row per source of each year and per tier, with where each figure is', async function () {
    const r = await cli('timeline', SERIES, '--format', 'csv');
    assert.strictEqual(r.code, 0, r.err);
    const [header, ...records] = parseCsv(r.out);
    assert.deepStrictEqual(header, [...TIMELINE_CSV_COLUMNS]);
    const rows = records.map((x) => Object.fromEntries(header!.map((h, i) => [h, x[i]!])));
    assert.strictEqual(rows.filter((x) => x.metric === 'tier').length, 5);
    const conv2020 = rows.filter((x) => x.metric === 'convictions' && x.year === '2020');
    assert.deepStrictEqual(conv2020.map((x) => [x.source, x.report_year, x.value, x.text]), [['current', '2021', '12', '12'], ['restated', '2022', '14', '14']]);
    for (const x of conv2020) assert.match(x.disagreement!, /^convictions in 2020: /);
    assert.strictEqual(rows.filter((x) => x.disagreement).length, 2, 'only the two sources of the planted disagreement');
    for (const x of rows.filter((y) => y.metric !== 'tier')) {
      assert.strictEqual(at(x.document!, Number(x.line), Number(x.column), x.text!.length), x.text, `${x.metric} ${x.year} ${x.source}`);
      assert.ok(x.sentence!.includes(x.text!));
    }
    const budget = rows.find((x) => x.metric === 'budget' && x.year === '2019' && x.source === 'current')!;
    assert.deepStrictEqual([budget.value, budget.amount, budget.currency, budget.text], ['1230000', '1100000', 'EUR', '1.1 million euros']);
    // Every metric and both sources are there: 9 counts and the budget.
    assert.deepStrictEqual([...new Set(rows.map((x) => x.metric))], ['tier', ...TIMELINE_METRICS]);
  });

  it('json: the series with both sources, each with its line and column', async function () {
    const r = await cli('timeline', path.join(SERIES, 'corvania-2021.tip.txt'), path.join(SERIES, 'corvania-2022.tip.txt'), '--format', 'json');
    assert.strictEqual(r.code, 0, r.err);
    const doc = JSON.parse(r.out) as JsonSeries;
    assert.strictEqual(doc.tool, 'tip-lens');
    assert.strictEqual(doc.country, 'Corvania');
    assert.deepStrictEqual(doc.years, [2019, 2020, 2021]);
    assert.deepStrictEqual(doc.reports.map((x) => [x.reportYear, x.dataYear, x.tier]), [[2021, 2020, 'Tier 2'], [2022, 2021, 'Tier 2']]);
    const conv = doc.metrics.find((m) => m.metric === 'convictions')!.points.find((p) => p.year === 2020)!;
    assert.strictEqual(conv.current!.value, 12);
    assert.strictEqual(conv.restated!.value, 14);
    assert.match(conv.disagreement!, /12 traffickers.*14 convictions/);
    for (const s of [conv.current!, conv.restated!]) assert.strictEqual(at(s.document, s.line, s.column, s.text.length), s.text);
    assert.strictEqual(doc.metrics.find((m) => m.metric === 'budget')!.unit, 'USD');
  });

  it('svg: one self-contained document of small multiples', async function () {
    const r = await cli('timeline', SERIES, '--format', 'svg');
    assert.strictEqual(r.code, 0, r.err);
    assert.match(r.out, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]*viewBox=/);
    assert.match(r.out, /<\/svg>\n$/);
    assert.strictEqual(r.out.match(/<g class="chart"/g)?.length, TIMELINE_METRICS.length);
    assert.strictEqual(r.out.match(/<g class="disagreement">/g)?.length, 1);
    assert.doesNotMatch(r.out, /<script|href=/);
  });

  it('with several countries and no --country, lists the countries found; --country chooses one in any case', async function () {
    const several = await cli('timeline', SERIES, SAMPLES);
    assert.strictEqual(several.code, 2);
    assert.strictEqual(several.out, '');
    assert.strictEqual(several.err, 'tip-lens: narratives of 2 countries found: Corvania, Veldora; choose one with --country NAME\n');
    const chosen = await cli('timeline', SERIES, SAMPLES, '--country', 'VELDORA');
    assert.strictEqual(chosen.code, 0, chosen.err);
    assert.match(chosen.out, /^Veldora: 2 narratives \(reports 2022-2023\)/);
    assert.match(chosen.out, /investigations in 2021: the 2022 narrative states 26 cases; the 2023 narrative restates it as 22 investigations\./);
  });

  it('says so clearly for an unknown country, no narrative, a missing file and bad usage', async function () {
    const unknown = await cli('timeline', SERIES, '--country', 'Ruritania');
    assert.strictEqual(unknown.code, 2);
    assert.strictEqual(unknown.err, "tip-lens: no narrative of 'Ruritania' found; the countries found: Corvania\n");
    const none = await cli('timeline', path.join('test', 'fixtures', 'workspace', 'notes'));
    assert.strictEqual(none.code, 1);
    assert.strictEqual(none.out, '');
    assert.match(none.err, /tip-lens: no TIP narrative with a country and a report year found in test\/fixtures\/workspace\/notes\n$/);
    const missing = await cli('timeline', SERIES, 'no-such-file.tip.txt');
    assert.strictEqual(missing.code, 1);
    assert.match(missing.err, /^tip-lens: no-such-file\.tip\.txt: no such file\n$/);
    assert.match(missing.out, /^Corvania: 5 narratives/, 'the timeline of the others is still printed');
    const bad = await cli('timeline', SERIES, '--format', 'xml');
    assert.strictEqual(bad.code, 2);
    assert.match(bad.err, /^tip-lens: unknown format 'xml' for timeline: use table, csv, json or svg\n/);
    const empty = await cli('timeline');
    assert.strictEqual(empty.code, 2);
    assert.match(empty.err, /^tip-lens: timeline needs at least one DIR or FILE\n/);
  });
});
