import * as assert from 'node:assert';
import * as path from 'node:path';
import { analyze } from '../../src/core/analyze';
import {
  allSeries, compareCountries, countries, countrySeries, HeadlineReader, TIMELINE_METRICS, timelineSvg,
  type CountrySeries, type TimelineInput, type TimelineMetric,
} from '../../src/core/timeline';
import { corpusSuite, seedPath } from '../support/corpus';
import { corvania, ROOT, timelineInput as input } from '../support/timeline';

/** The planted facts of test/fixtures/timeline/README.md: data year -> [own narrative's, next year's restatement]. */
const FACTS: Record<Exclude<TimelineMetric, 'budget'>, Record<number, [number | undefined, number | undefined]>> = {
  investigations: { 2017: [undefined, 24], 2018: [28, 28], 2019: [35, 35], 2020: [41, 41], 2021: [39, 39], 2022: [46, undefined] },
  prosecutions: { 2017: [undefined, 11], 2018: [14, 14], 2019: [17, 17], 2020: [22, 22], 2021: [25, 25], 2022: [29, undefined] },
  defendants: { 2017: [undefined, 15], 2018: [19, 19], 2019: [26, 26], 2020: [31, 31], 2021: [36, 36], 2022: [40, undefined] },
  convictions: { 2017: [undefined, 4], 2018: [6, 6], 2019: [9, 9], 2020: [12, 14], 2021: [15, 15], 2022: [18, undefined] },
  acquittals: { 2017: [undefined, undefined], 2018: [2, 2], 2019: [3, 3], 2020: [4, 4], 2021: [2, 2], 2022: [5, undefined] },
  'victims-identified': { 2017: [undefined, 97], 2018: [112, 112], 2019: [131, 131], 2020: [158, 158], 2021: [174, 174], 2022: [205, undefined] },
  'victims-assisted': { 2017: [undefined, 79], 2018: [88, 88], 2019: [95, 95], 2020: [120, 120], 2021: [133, 133], 2022: [150, undefined] },
  'victims-referred': { 2017: [undefined, 58], 2018: [70, 70], 2019: [84, 84], 2020: [101, 101], 2021: [117, 117], 2022: [139, undefined] },
  'officials-trained': { 2017: [undefined, 120], 2018: [140, 140], 2019: [165, 165], 2020: [210, 210], 2021: [190, 190], 2022: [230, undefined] },
};

/** The budget: the amount in euros as each source states it, and the US dollars at that report's rate (the median of its stated conversions). */
const BUDGET: Record<number, [[number, number] | undefined, [number, number] | undefined]> = {
  2017: [undefined, [750_000, 850_000]],
  2018: [[900_000, 1_020_000], [900_000, 1_005_681]],
  2019: [[1_100_000, 1_230_000], [1_100_000, 1_293_557]],
  2020: [[1_300_000, 1_530_000], [1_300_000, 1_534_000]],
  2021: [[1_500_000, 1_770_000], [1_500_000, 1_623_529]],
  2022: [[1_700_000, 1_840_000], undefined],
};

describe('timeline: a country over the years', function () {
  let series: CountrySeries;
  let inputs: TimelineInput[];
  before(function () {
    inputs = corvania();
    series = countrySeries(inputs, 'CORVANIA')!;
    assert.ok(series, 'Corvania is found by its name in any case');
  });

  it('takes each narrative by report year, with its data year and tier', function () {
    assert.strictEqual(series.country, 'Corvania');
    assert.deepStrictEqual(series.reports.map((r) => [r.reportYear, r.dataYear, r.tier, r.tierChange]), [
      [2019, 2018, 'Tier 2 Watch List', 'remained'], [2020, 2019, 'Tier 2 Watch List', 'remained'], [2021, 2020, 'Tier 2', 'upgraded'],
      [2022, 2021, 'Tier 2', 'remained'], [2023, 2022, 'Tier 1', 'upgraded'],
    ]);
    // 2017 is known only from the 2019 narrative's "previous reporting period".
    assert.deepStrictEqual(series.years, [2017, 2018, 2019, 2020, 2021, 2022]);
    assert.deepStrictEqual(series.metrics.map((m) => m.metric), [...TIMELINE_METRICS]);
    assert.deepStrictEqual(series.notes, []);
  });

  it('gives the headline figure of each metric per year from both sources', function () {
    for (const [metric, years] of Object.entries(FACTS)) {
      const m = series.metrics.find((x) => x.metric === metric)!;
      assert.deepStrictEqual(m.points.map((p) => p.year), series.years, `${metric}: one point a year`);
      for (const p of m.points) {
        const [own, restated] = years[p.year]!;
        assert.strictEqual(p.current?.value, own, `${metric} ${p.year}: its own narrative`);
        assert.strictEqual(p.restated?.value, restated, `${metric} ${p.year}: next year's restatement`);
        if (p.current) assert.strictEqual(p.current.reportYear, p.year + 1, `${metric} ${p.year}: from the ${p.year + 1} narrative`);
        if (p.restated) assert.strictEqual(p.restated.reportYear, p.year + 2, `${metric} ${p.year}: restated by the ${p.year + 2} narrative`);
      }
    }
  });

  it('gives the budget in US dollars at each report\'s own rate, with the amount as stated', function () {
    const m = series.metrics.find((x) => x.metric === 'budget')!;
    assert.strictEqual(m.unit, 'USD');
    for (const p of m.points) {
      const [own, restated] = BUDGET[p.year]!;
      assert.deepStrictEqual(p.current && [p.current.amount?.value, p.current.value], own, `budget ${p.year}: its own narrative`);
      assert.deepStrictEqual(p.restated && [p.restated.amount?.value, p.restated.value], restated, `budget ${p.year}: next year's restatement`);
      for (const s of [p.current, p.restated]) if (s) assert.strictEqual(s.amount?.currency, 'EUR');
      // The same euros at two reports' rates are two dollar figures, and no disagreement.
      assert.strictEqual(p.disagreement, undefined, `budget ${p.year}`);
    }
    // Not the grant to NGO shelters of the PROTECTION section.
    assert.strictEqual(m.points.find((p) => p.year === 2018)!.current!.section, 'prevention');
  });

  it('keeps where each figure is: document, offsets and sentence', function () {
    for (const m of series.metrics) {
      for (const p of m.points) {
        for (const s of [p.current, p.restated]) {
          if (!s) continue;
          const text = inputs.find((i) => i.document === s.document)!.text;
          assert.strictEqual(text.slice(s.start, s.end), s.text, `${m.metric} ${p.year}`);
          assert.strictEqual(text.slice(s.sentence.start, s.sentence.end), s.sentence.text);
          assert.ok(s.sentence.start <= s.start && s.end <= s.sentence.end);
        }
      }
    }
    const convicted = series.metrics.find((m) => m.metric === 'convictions')!.points.find((p) => p.year === 2020)!;
    assert.match(convicted.current!.document, /corvania-2021\.tip\.txt$/);
    assert.strictEqual(convicted.current!.sentence.text, 'Courts convicted 12 traffickers, compared with nine convictions during the previous reporting period, and acquitted four defendants, compared with three the previous year.');
    assert.match(convicted.restated!.document, /corvania-2022\.tip\.txt$/);
    assert.strictEqual(convicted.restated!.text, '14');
  });

  it('finds the planted disagreement and flags nothing else', function () {
    const flagged = series.metrics.flatMap((m) => m.points.filter((p) => p.disagreement).map((p) => `${m.metric} ${p.year}`));
    assert.deepStrictEqual(flagged, ['convictions 2020']);
    const p = series.metrics.find((m) => m.metric === 'convictions')!.points.find((x) => x.year === 2020)!;
    assert.strictEqual(p.disagreement, 'convictions in 2020: the 2021 narrative states 12 traffickers; the 2022 narrative restates it as 14 convictions.');
  });

  it('lists the countries and builds every series', function () {
    const more = [...inputs, input(path.join(ROOT, 'samples', 'veldora-2022.tip.txt')), input(path.join(ROOT, 'samples', 'veldora-2023.tip.txt'))];
    assert.deepStrictEqual(countries(more), ['Corvania', 'Veldora']);
    assert.deepStrictEqual(allSeries(more).map((s) => s.country), ['Corvania', 'Veldora']);
    assert.strictEqual(countrySeries(more, 'Ruritania'), undefined);
  });

  it('notes a second narrative of the same country and year, and uses the first', function () {
    const twice = [...inputs, { ...inputs[0]!, document: 'copy.tip.txt' }];
    const s = countrySeries(twice, 'Corvania')!;
    assert.strictEqual(s.reports.length, 5);
    assert.strictEqual(s.notes.length, 1);
    assert.match(s.notes[0]!, /^copy\.tip\.txt: another Corvania narrative for 2019; .*corvania-2019\.tip\.txt is used$/);
  });
});

describe('timeline: compareCountries', function () {
  const inputs = (): TimelineInput[] => [
    ...corvania(), input(path.join(ROOT, 'samples', 'veldora-2022.tip.txt')), input(path.join(ROOT, 'samples', 'veldora-2023.tip.txt')),
  ];

  it('gives one metric in one data year across every country, largest first', function () {
    const rows = compareCountries(inputs(), 'convictions', 2021);
    assert.deepStrictEqual(rows.map((r) => [r.country, r.value]), [['Corvania', 15], ['Veldora', 9]]);
    assert.strictEqual(rows[0]!.point?.current?.reportYear, 2022);
  });

  it('puts the countries that state nothing for it last, and takes a restatement when the year\'s own narrative is missing', function () {
    const assisted = compareCountries(inputs(), 'victims-assisted', 2021);
    assert.deepStrictEqual(assisted.map((r) => [r.country, r.value]), [['Corvania', 133], ['Veldora', undefined]]);
    const identified = compareCountries(inputs(), 'victims-identified', 2020);
    // Veldora 2020 is only in the 2022 narrative's "compared with 251 victims".
    assert.deepStrictEqual(identified.map((r) => [r.country, r.value]), [['Veldora', 251], ['Corvania', 158]]);
    assert.strictEqual(identified[0]!.point?.current, undefined);
  });

  it('takes built series as well as narratives', function () {
    const built = allSeries(inputs());
    assert.deepStrictEqual(compareCountries(built, 'budget', 2022).map((r) => [r.country, r.value]), [['Corvania', 1_840_000], ['Veldora', 413_220]]);
  });
});

/** A narrative of ours, in our words, with the sections given. */
function narrative(sections: Record<string, string>, year = 2022): TimelineInput {
  const text = [`${year} Trafficking in Persons Report: Marelia`, '', 'MARELIA: Tier 2', '',
    ...Object.entries(sections).flatMap(([heading, body]) => (heading === 'summary' ? [body, ''] : [heading, '', body, '']))].join('\n');
  return { document: `marelia-${year}.tip.txt`, text, analysis: analyze(text) };
}

/** The headline's value of a metric for the narrative's own year and for the year before. */
function headlines(n: TimelineInput, metric: TimelineMetric): [number | undefined, number | undefined] {
  const s = countrySeries([n], 'Marelia')!;
  const m = s.metrics.find((x) => x.metric === metric)!;
  const own = m.points.find((p) => p.year === s.reports[0]!.dataYear);
  const before = m.points.find((p) => p.year === s.reports[0]!.dataYear - 1);
  return [own?.current?.value, before?.restated?.value];
}

describe('timeline: the headline rule (docs/TIMELINE.md)', function () {
  it('a breakdown in parentheses is parts of the total before it', function () {
    const n = narrative({ PROTECTION: 'Authorities identified 45 trafficking victims (20 women, 15 men, and 10 children), compared with 38 victims during the previous reporting period.' });
    assert.deepStrictEqual(headlines(n, 'victims-identified'), [45, 38]);
    // Parts alone in the section that owns the metric: the total is the summary's.
    const parts = narrative({
      summary: 'These efforts included referring 35 victims to care.',
      PROTECTION: 'Officials referred victims to care (20 women and 15 men).',
    });
    assert.deepStrictEqual(headlines(parts, 'victims-referred'), [35, undefined]);
  });

  it('figures after "including" are parts, until the clause ends', function () {
    const n = narrative({ PROSECUTION: 'The government trained 165 officials, including 40 judges and 35 prosecutors. Police investigated 40 new cases, including 30 cases of forced begging, and continued 35 investigations from earlier years, compared with 52 investigations during the previous reporting period.' });
    assert.deepStrictEqual(headlines(n, 'officials-trained'), [165, undefined]);
    assert.deepStrictEqual(headlines(n, 'investigations'), [40, 52]);
    const reader = new HeadlineReader(n.text, n.analysis);
    const byText = (t: string) => n.analysis.figures.find((f) => f.text === t && f.metric === 'investigations')!;
    assert.ok(reader.part(byText('30')), 'after "including": a part');
    // `..., and continued 35 investigations`: a clause of its own, a total of its own, not a part.
    assert.strictEqual(reader.part(byText('35')), undefined);
  });

  it('"of whom", "N of them", "the other N" and a sentence opening with "Of the N" are parts', function () {
    const n = narrative({
      PROSECUTION: 'Courts convicted nine traffickers, of whom seven received prison terms, compared with six convictions during the previous reporting period. Judges gave the other two suspended sentences.',
      PROTECTION: 'Of the 131 victims that NGOs assisted, 74 were adults and 57 were children; 12 of them were foreign nationals.',
    });
    assert.deepStrictEqual(headlines(n, 'convictions'), [9, 6]);
    // The only statement of the total is the one the sentence breaks down: it is still the total.
    assert.deepStrictEqual(headlines(n, 'victims-assisted'), [131, undefined]);
    const reader = new HeadlineReader(n.text, n.analysis);
    const parts = n.analysis.figures.filter((f) => reader.part(f) !== undefined).map((f) => f.text);
    for (const t of ['seven', 'two', '74', '57', '12']) assert.ok(parts.includes(t), `${t} is a part`);
    for (const t of ['nine', 'six', '131']) assert.ok(!parts.includes(t), `${t} is no part`);
  });

  it('a comparison after a list of parts is no part of it', function () {
    const n = narrative({ PROSECUTION: 'Courts convicted 13 traffickers, including five foreign nationals and two police officers, an increase from one conviction in the previous reporting period.' });
    assert.deepStrictEqual(headlines(n, 'convictions'), [13, 1]);
  });

  it('the count of a sub-group is passed over when a total is stated', function () {
    const n = narrative({ PROTECTION: 'In March 2021, police raided two bars in Porto Lys and removed 23 girls from sex trafficking. In total, authorities identified 174 trafficking victims in 2021.' });
    assert.deepStrictEqual(headlines(n, 'victims-identified'), [174, undefined]);
  });

  it('a back-reference ("the five ...") is passed over when a total is stated', function () {
    const n = narrative({ PROSECUTION: 'Courts sentenced the five foreign traffickers to prison terms. Courts convicted eight traffickers in all.' });
    assert.deepStrictEqual(headlines(n, 'convictions'), [8, undefined]);
  });

  it('with several totals, the first of the section that owns the metric, not the summary', function () {
    const n = narrative({
      summary: 'These efforts included convicting 18 traffickers and identifying 210 victims.',
      PROSECUTION: 'In a raid on a farm, police freed seven victims. Courts convicted 17 traffickers.',
      PROTECTION: 'Authorities identified 205 trafficking victims. Later, officials identified another 12 victims.',
    });
    assert.deepStrictEqual(headlines(n, 'convictions'), [17, undefined]);
    assert.deepStrictEqual(headlines(n, 'victims-identified'), [205, undefined]);
  });

  it('the budget is an allocation to anti-trafficking work, and "the same amount" restates it', function () {
    const n = narrative({
      PROTECTION: 'The ministry gave 20 million FCFA ($34,360) to an NGO shelter.',
      PREVENTION: 'The government allocated 200 million FCFA ($343,640) for anti-trafficking efforts, the same amount allocated the previous year.',
    });
    const s = countrySeries([n], 'Marelia')!;
    const budget = s.metrics.find((m) => m.metric === 'budget')!;
    const own = budget.points.find((p) => p.year === 2021)!.current!;
    assert.deepStrictEqual([own.value, own.amount?.value, own.amount?.currency, own.section], [343_640, 200_000_000, 'XOF', 'prevention']);
    const before = budget.points.find((p) => p.year === 2020)!.restated!;
    assert.deepStrictEqual([before.value, before.text], [343_640, 'the same amount allocated the previous year']);
  });

  it('a figure of the year by name is the narrative\'s own, and a named earlier year is a restatement', function () {
    const n = narrative({ PROSECUTION: 'In 2021, police investigated 39 cases, compared with 41 investigations in 2020.' });
    assert.deepStrictEqual(headlines(n, 'investigations'), [39, 41]);
  });
});

describe('timeline: the chart', function () {
  it('draws one chart a metric, a mark a source, and rings the disagreement, with no external resource', function () {
    const series = countrySeries(corvania(), 'Corvania')!;
    const svg = timelineSvg(series);
    assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.strictEqual(svg.match(/<g class="chart"/g)?.length, TIMELINE_METRICS.length);
    const count = (kind: 'current' | 'restated') => series.metrics.reduce((n, m) => n + m.points.filter((p) => p[kind]).length, 0);
    // One mark a source point, and one of each kind in the legend.
    assert.strictEqual(svg.match(/<circle class="current"/g)?.length, count('current') + 1);
    assert.strictEqual(svg.match(/<circle class="restated"/g)?.length, count('restated') + 1);
    assert.strictEqual(svg.match(/<g class="disagreement">/g)?.length, 1);
    assert.strictEqual(svg.match(/<g class="tier-cell">/g)?.length, 5);
    // Self-contained: the namespace is its only address; no script, link, image or font to fetch.
    assert.deepStrictEqual(svg.match(/https?:\/\/[^"]*/g), ['http://www.w3.org/2000/svg']);
    assert.doesNotMatch(svg, /<script|href=|<image|@import|url\(/);
    // Each point's sentence is its tooltip, escaped.
    assert.match(svg, /<title>2020, the 2021 narrative: 12 traffickers\nCourts convicted 12 traffickers/);
  });
});

corpusSuite(describe, 'timeline: the real seed (mali-2020) gives a sensible series', function () {
  it('takes its own figures for 2019 and its restatements of 2018', function () {
    const s = countrySeries([input(seedPath()!)], 'Mali')!;
    assert.deepStrictEqual(s.reports.map((r) => [r.reportYear, r.dataYear, r.tier]), [[2020, 2019, 'Tier 2 Watch List']]);
    const at = (metric: TimelineMetric, year: number) => s.metrics.find((m) => m.metric === metric)!.points.find((p) => p.year === year)!;
    const own = (metric: TimelineMetric) => at(metric, 2019).current && [at(metric, 2019).current!.qualifier ?? '', at(metric, 2019).current!.value];
    assert.deepStrictEqual(own('investigations'), ['at least', 40]);
    assert.deepStrictEqual(own('prosecutions'), ['', 34]);
    assert.deepStrictEqual(own('defendants'), ['', 61]);
    assert.deepStrictEqual(own('convictions'), ['', 13]);
    assert.deepStrictEqual(own('victims-identified'), ['', 64]);
    assert.deepStrictEqual(own('victims-assisted'), ['', 106]);
    assert.deepStrictEqual(own('officials-trained'), ['', 257]);
    assert.deepStrictEqual(own('budget'), ['', 343_640]);
    const before = (metric: TimelineMetric) => at(metric, 2018).restated?.value;
    assert.deepStrictEqual(['investigations', 'prosecutions', 'defendants', 'convictions', 'victims-identified', 'budget'].map((m) => before(m as TimelineMetric)), [17, 37, 55, 1, 122, 343_640]);
    assert.ok(s.metrics.every((m) => m.points.every((p) => !p.disagreement)), 'one narrative: nothing to disagree with');
  });
});
