import * as assert from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  compareCountries, compareTable, countrySeries, disagreementFindings, metricTable, sortRows, tableCsv, tableText,
  type CountrySeries, type TimelineInput,
} from '../../src/core/timeline';
import { corvania, ROOT, timelineInput as input } from '../support/timeline';

describe('timeline: the tables of the editor view, and the check beside a disagreement', function () {
  let inputs: TimelineInput[];
  let series: CountrySeries;
  let reportYears: Map<number, number>;
  before(function () {
    inputs = corvania();
    series = countrySeries(inputs, 'Corvania')!;
    reportYears = new Map(series.reports.map((r) => [r.dataYear, r.reportYear]));
  });
  const metric = (id: string) => series.metrics.find((m) => m.metric === id)!;

  it('a metric table has a row a data year: report, both sources, the disagreement', function () {
    const t = metricTable(series.country, metric('convictions'), reportYears);
    assert.strictEqual(t.caption, 'Corvania: convictions, by data year');
    assert.deepStrictEqual(t.columns.map((c) => c.label), ['Data year', 'Report', 'Own narrative', "Next year's restatement", 'Disagree']);
    assert.deepStrictEqual(t.rows.map((r) => r.map((c) => c.text)), [
      ['2017', '', '', '4', ''],
      ['2018', '2019', '6', '6', ''],
      ['2019', '2020', '9', '9', ''],
      ['2020', '2021', '12', '14', '12 ≠ 14'],
      ['2021', '2022', '15', '15', ''],
      ['2022', '2023', '18', '', ''],
    ]);
    // A value's cell says where its figure stands, to open it.
    const own2020 = t.rows[3]![2]!.at!;
    const text = readFileSync(own2020.document, 'utf8');
    assert.ok(own2020.document.endsWith('corvania-2021.tip.txt'));
    assert.strictEqual(text.slice(own2020.start, own2020.end), '12');
  });

  it('the budget in US dollars, with the amount as stated', function () {
    const t = metricTable(series.country, metric('budget'), reportYears);
    assert.deepStrictEqual(t.rows[2]!.map((c) => c.text).slice(2, 4), ['$1,230,000 (1.1 million euros)', '$1,293,557 (1.1 million euros)']);
  });

  it('sorts by a column either way, stable, empty cells last', function () {
    const t = metricTable(series.country, metric('convictions'), reportYears);
    const years = (rows: typeof t.rows) => rows.map((r) => r[0]!.text);
    assert.deepStrictEqual(years(sortRows(t.rows, 2, 'descending')), ['2022', '2021', '2020', '2019', '2018', '2017']);
    assert.deepStrictEqual(years(sortRows(t.rows, 3, 'ascending')), ['2017', '2018', '2019', '2020', '2021', '2022']);
    assert.deepStrictEqual(years(sortRows(t.rows, 3, 'descending')), ['2021', '2020', '2019', '2018', '2017', '2022']);
    assert.deepStrictEqual(years(sortRows(t.rows, 4, 'descending')), ['2020', '2017', '2018', '2019', '2021', '2022']);
  });

  it('copies as tab-separated text and exports as CSV', function () {
    const t = metricTable(series.country, metric('convictions'), reportYears);
    const text = tableText(t).split('\n');
    assert.strictEqual(text[0], 'Corvania: convictions, by data year');
    assert.strictEqual(text[1], "Data year\tReport\tOwn narrative\tNext year's restatement\tDisagree");
    assert.strictEqual(text[5], '2020\t2021\t12\t14\t12 ≠ 14');
    const csv = tableCsv(metricTable(series.country, metric('budget'), reportYears)).split('\r\n');
    assert.strictEqual(csv[0], "Data year,Report,Own narrative,Next year's restatement,Disagree");
    assert.strictEqual(csv[3], '2019,2020,"$1,230,000 (1.1 million euros)","$1,293,557 (1.1 million euros)",');
  });

  it('the comparison of countries as a table, the value drawn first', function () {
    const more = [...inputs, input(path.join(ROOT, 'samples', 'veldora-2022.tip.txt')), input(path.join(ROOT, 'samples', 'veldora-2023.tip.txt'))];
    const t = compareTable('victims-identified', 2020, compareCountries(more, 'victims-identified', 2020));
    assert.strictEqual(t.caption, 'victims identified in 2020, by country');
    assert.deepStrictEqual(t.rows.map((r) => r.map((c) => c.text)), [['Veldora', '251', '', '251', ''], ['Corvania', '158', '158', '158', '']]);
    const none = compareTable('victims-assisted', 2021, compareCountries(more, 'victims-assisted', 2021));
    assert.deepStrictEqual(none.rows[1]!.map((c) => c.text), ['Veldora', 'not stated', '', '', '']);
  });

  it('the check\'s previous-period finding on the planted disagreement, and nothing else', function () {
    const found = disagreementFindings(inputs, series);
    assert.deepStrictEqual(found.map((f) => [f.metric, f.year]), [['convictions', 2020]]);
    const f = found[0]!;
    assert.ok(f.document.endsWith('corvania-2022.tip.txt'));
    assert.match(f.message, /^14 convictions in the previous reporting period, but last year's narrative stated 12 traffickers\.$/);
    assert.strictEqual(readFileSync(f.document, 'utf8').slice(f.start, f.end), '14');
  });
});
