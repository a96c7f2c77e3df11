import * as assert from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../src/core/analyze';
import { figureLabel } from '../../src/core/labels';
import { LineMap } from '../../src/core/lines';
import { absolutePeriod, ReportIndex, trackedFigures } from '../../src/core/query';

import { corpusSuite, seedText } from '../support/corpus';

const ROOT = path.resolve(__dirname, '..', '..', '..');

interface QueryFacts {
  figure: [quote: string, offset: number, value: number];
  conversion: [quote: string, amount: number];
  acronym: string;
  nothing: string;
  thrice: number;
  previous: [value: number, metric: string];
  year: number;
  label: [value: number, metric: string, label: string];
}

/** The query index on one narrative: run on Veldora 2023 always and on the seed when it is there. */
function querySpec(read: () => string, facts: QueryFacts): void {
  let text = '';
  let index: ReportIndex;
  before(() => {
    text = read();
    index = new ReportIndex(analyze(text));
  });

  it('finds what is at an offset: a figure, an amount or its conversion, an entity mention', () => {
    const at = text.indexOf(facts.figure[0]) + facts.figure[1];
    const hit = index.at(at + 1);
    assert.ok(hit?.kind === 'figure' && hit.figure.value === facts.figure[2]);
    const conv = index.at(text.indexOf(facts.conversion[0]) + 2);
    assert.ok(conv?.kind === 'money' && conv.inConversion && conv.money.value === facts.conversion[1]);
    const acr = index.at(text.indexOf(facts.acronym) + 1);
    assert.ok(acr?.kind === 'entity' && acr.entity.acronym === facts.acronym);
    assert.ok(text.includes(facts.nothing));
    assert.strictEqual(index.at(text.indexOf(facts.nothing) + 2), undefined);
  });

  it(`the ${facts.thrice} is one figure stated three times`, () => {
    const first = index.analysis.figures.find((f) => f.value === facts.thrice)!;
    assert.strictEqual(index.restatements(first).length, 2);
  });

  it('figures of the same metric and period, for Find All References', () => {
    const f = index.analysis.figures.find((x) => x.value === facts.previous[0])!;
    const same = index.sameMetricAndPeriod(f);
    assert.ok(same.every((x) => x.metric === facts.previous[1] && x.period === 'previous'));
    assert.ok(same.includes(f));
  });

  it('periods made absolute: the previous period of a report is the reporting period of the year before', () => {
    assert.strictEqual(absolutePeriod('previous', facts.year), `RP${facts.year - 1}`);
    const keys = trackedFigures(index.analysis).map((t) => t.key);
    assert.ok(keys.includes(`investigations|RP${facts.year - 1}`) && keys.includes(`investigations|RP${facts.year}`));
  });

  it('labels say what a figure is', () => {
    const f = index.analysis.figures.find((x) => x.value === facts.label[0] && x.metric === facts.label[1])!;
    assert.strictEqual(figureLabel(f), facts.label[2]);
  });
}

describe('query: Veldora 2023', () => querySpec(() => readFileSync(path.resolve(ROOT, 'samples', 'veldora-2023.tip.txt'), 'utf8'), {
  figure: ['investigated 33 new', 13, 33],
  conversion: ['$413,220', 250_000_000],
  acronym: 'FAV',
  nothing: 'The government maintained',
  thrice: 298,
  previous: [22, 'investigations'],
  year: 2023,
  label: [33, 'investigations', '33 new cases - investigations - current period'],
}));

corpusSuite(describe, 'query: the seed', () => querySpec(seedText, {
  figure: ['at least 40 new', 9, 40],
  conversion: ['$343,640', 200_000_000],
  acronym: 'FAMa',
  nothing: 'The government maintained',
  thrice: 215,
  previous: [17, 'investigations'],
  year: 2020,
  label: [40, 'investigations', 'at least 40 new cases - investigations - current period'],
}));

describe('LineMap', () => {
  it('counts lines as VS Code does: CRLF, LF and a lone CR each end a line', () => {
    const text = 'ab\r\ncd\nef\rgh';
    const map = new LineMap(text);
    assert.strictEqual(map.lineCount, 4);
    assert.deepStrictEqual([0, 3, 4, 6, 7, 9, 10, 12].map((o) => map.position(o)), [
      { line: 0, character: 0 }, { line: 0, character: 3 }, { line: 1, character: 0 }, { line: 1, character: 2 },
      { line: 2, character: 0 }, { line: 2, character: 2 }, { line: 3, character: 0 }, { line: 3, character: 2 },
    ]);
    // Out of order after in order: the walk from the last answer falls back to the search.
    assert.strictEqual(map.line(12), 3);
    assert.strictEqual(map.line(1), 0);
  });
});
