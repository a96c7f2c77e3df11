import * as assert from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../src/core/analyze';
import { figureLabel } from '../../src/core/labels';
import { LineMap } from '../../src/core/lines';
import { absolutePeriod, ReportIndex, trackedFigures } from '../../src/core/query';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const text = readFileSync(path.resolve(ROOT, '..', 'shared', 'corpus', 'mali-2020.txt'), 'utf8');
const index = new ReportIndex(analyze(text));

describe('query', () => {
  it('finds what is at an offset: a figure, an amount or its conversion, an entity mention', () => {
    const at40 = text.indexOf('at least 40 new') + 9;
    const hit = index.at(at40 + 1);
    assert.ok(hit?.kind === 'figure' && hit.figure.value === 40);
    const conv = index.at(text.indexOf('$343,640') + 2);
    assert.ok(conv?.kind === 'money' && conv.inConversion && conv.money.value === 200_000_000);
    const fama = index.at(text.indexOf('FAMa') + 1);
    assert.ok(fama?.kind === 'entity' && fama.entity.acronym === 'FAMa');
    assert.strictEqual(index.at(text.indexOf('The government maintained') + 2), undefined);
  });

  it('the 215 children are one figure stated three times', () => {
    const first = index.analysis.figures.find((f) => f.value === 215)!;
    assert.strictEqual(index.restatements(first).length, 2);
  });

  it('figures of the same metric and period, for Find All References', () => {
    const f17 = index.analysis.figures.find((f) => f.value === 17)!;
    const same = index.sameMetricAndPeriod(f17);
    assert.ok(same.every((f) => f.metric === 'investigations' && f.period === 'previous'));
    assert.ok(same.includes(f17));
  });

  it('periods made absolute: the previous period of 2020 is the reporting period of 2019', () => {
    assert.strictEqual(absolutePeriod('previous', 2020), 'RP2019');
    const keys = trackedFigures(index.analysis).map((t) => t.key);
    assert.ok(keys.includes('investigations|RP2019') && keys.includes('investigations|RP2020'));
  });

  it('labels say what a figure is', () => {
    const f40 = index.analysis.figures.find((f) => f.value === 40 && f.metric === 'investigations')!;
    assert.strictEqual(figureLabel(f40), 'at least 40 new cases - investigations - current period');
  });
});

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
