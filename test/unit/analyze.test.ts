import * as assert from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyze, analyzeAsync, Analyzer } from '../../src/core/analyze';
import { detectTipReport } from '../../src/core/detect';
import type { Analysis } from '../../src/core/model';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const SEED = path.resolve(ROOT, '..', 'shared', 'corpus', 'mali-2020.txt');
const read = (p: string): string => readFileSync(path.resolve(ROOT, p), 'utf8');
const OURS = ['samples/veldora-2023.tip.txt', 'samples/veldora-2022.tip.txt', 'test/fixtures/narratives/zembla-2011.txt',
  'test/fixtures/narratives/ostravia-2021.txt', 'test/fixtures/narratives/lunaria-2024.txt'];

function seed(): string {
  assert.ok(existsSync(SEED), `the seed narrative is missing: ${SEED} (CI lays ../shared beside the clone)`);
  return readFileSync(SEED, 'utf8');
}

function figureAt(r: Analysis, text: string, quote: string, offsetInQuote = 0): Analysis['figures'][number] {
  const at = text.indexOf(quote);
  assert.ok(at >= 0, `quote not found: ${quote}`);
  const f = r.figures.find((x) => x.start === at + offsetInQuote);
  assert.ok(f, `no figure at ${JSON.stringify(quote)}`);
  return f;
}

describe('analyze: the seed narrative', () => {
  const text = seed();
  const r = analyze(text);

  it('reads meta: country, year, tier and the tier change', () => {
    assert.strictEqual(r.meta.country, 'Mali');
    assert.strictEqual(r.meta.year, 2020);
    assert.strictEqual(r.meta.tier, 'Tier 2 Watch List');
    assert.strictEqual(r.meta.tierChange?.change, 'downgraded');
    assert.strictEqual(r.meta.tierChange?.tier, 'Tier 2 Watch List');
  });

  it('finds the sections in order', () => {
    assert.deepStrictEqual(r.sections.map((s) => s.kind),
      ['title', 'tier', 'summary', 'recommendations', 'prosecution', 'protection', 'prevention', 'profile']);
  });

  it('reads current and previous figures with their metric and qualifier', () => {
    const f40 = figureAt(r, text, 'at least 40 new cases', 9);
    assert.deepStrictEqual([f40.value, f40.qualifier, f40.metric, f40.period], [40, 'at least', 'investigations', 'current']);
    const f17 = figureAt(r, text, '17 investigations during the previous');
    assert.deepStrictEqual([f17.metric, f17.period], ['investigations', 'previous']);
    const f55 = figureAt(r, text, '55 defendants');
    assert.deepStrictEqual([f55.metric, f55.period], ['defendants', 'previous']);
  });

  it('types penalties and ages as such, not counts', () => {
    const pen = figureAt(r, text, 'five to 10 years');
    assert.deepStrictEqual([pen.value, pen.max, pen.metric, pen.unit], [5, 10, 'penalty', 'years']);
    const age = figureAt(r, text, '9 and 14 years old');
    assert.deepStrictEqual([age.value, age.max, age.metric], [9, 14, 'age']);
  });

  it('does not count law numbers, plan years or dates', () => {
    for (const quote of ['2012-023', '2018-2022', 'October 2019']) {
      const at = text.indexOf(quote);
      assert.ok(!r.figures.some((f) => f.start < at + quote.length && at < f.end), `${quote} was read as a figure`);
    }
  });

  it('reads money with its stated conversion and the implied rate', () => {
    const fine = r.money.find((m) => m.value === 500000)!;
    assert.deepStrictEqual([fine.max, fine.currency, fine.conversion?.value, fine.conversion?.max, fine.conversion?.currency],
      [2000000, 'XOF', 860, 3440, 'USD']);
    assert.ok(Math.abs(fine.impliedRate! - 581.4) < 0.1);
    const small = r.money.find((m) => m.value === 150000)!;
    assert.strictEqual(small.conversion?.precision, 10);
  });

  it('links acronyms to their long forms, also when the letters do not match', () => {
    const fama = r.entities.find((e) => e.acronym === 'FAMa')!;
    assert.strictEqual(fama.longForm, 'Malian armed forces');
    assert.ok(fama.mentions.length >= 8);
    const rafy = r.entities.find((e) => e.acronym === 'RAFY')!;
    assert.strictEqual(rafy.longForm, 'Fodé and Yeguine Network for Action');
    assert.strictEqual(r.entities.find((e) => e.acronym === 'GATIA')?.type, 'armed-group');
  });

  it('every span of the result lies inside the text and says what it covers', () => {
    for (const f of r.figures) assert.strictEqual(text.slice(f.start, f.end), f.text);
    for (const m of r.money) assert.strictEqual(text.slice(m.start, m.end), m.text);
    for (const e of r.entities) for (const m of e.mentions) assert.strictEqual(text.slice(m.start, m.end), m.text);
  });
});

describe('analyze: our own narratives', () => {
  it('CRLF and the older forms: mixed-case headings and `Recommendations for X:`', () => {
    const text = read('test/fixtures/narratives/zembla-2011.txt');
    assert.ok(text.includes('\r\n'));
    const r = analyze(text);
    // An older narrative without a title line: the tier line names the country, and no year is invented.
    assert.deepStrictEqual([r.meta.country, r.meta.year, r.meta.tier, r.meta.tierChange?.change], ['Zembla', undefined, 'Tier 2', 'remained']);
    assert.ok(r.sections.some((s) => s.kind === 'recommendations' && /^Recommendations for/.test(s.heading)));
    assert.ok(r.sections.some((s) => s.kind === 'prosecution' && s.heading === 'Prosecution'));
    for (const p of r.paragraphs) assert.ok(!text.slice(p.start, p.end).includes('\r'));
  });

  it('a dollar-pegged currency and a Central African franc', () => {
    const gulf = analyze(read('test/fixtures/narratives/ostravia-2021.txt'));
    assert.ok(gulf.money.some((m) => m.currency === 'AED' && m.conversion?.currency === 'USD'));
    const zembla = analyze(read('test/fixtures/narratives/zembla-2011.txt'));
    assert.ok(zembla.money.length > 0 && zembla.money.every((m) => m.currency === 'XAF'));
  });

  it('each is recognized as a TIP report by its content', () => {
    for (const f of OURS) assert.ok(detectTipReport(read(f)).isTipReport, f);
  });
});

describe('analyze: re-analysis after an edit', () => {
  it('after a one-character edit inside a paragraph, the cached result equals a cold analysis', () => {
    const text = seed();
    const analyzer = new Analyzer();
    analyzer.analyze(text);
    for (const quote of ['identified 64 sex trafficking', 'convicted 13 traffickers', 'The police had a hotline']) {
      const at = text.indexOf(quote) + 3;
      for (const edited of [text.slice(0, at) + 'x' + text.slice(at), text.slice(0, at) + text.slice(at + 1), text.slice(0, at) + '7' + text.slice(at)]) {
        assert.deepStrictEqual(analyzer.analyze(edited), analyze(edited));
      }
    }
  });

  it('an edit that adds a paragraph or a heading shifts everything after it correctly', () => {
    const text = seed();
    const analyzer = new Analyzer();
    analyzer.analyze(text);
    const at = text.indexOf('PROTECTION');
    const edited = text.slice(0, at) + 'A new paragraph with 12 victims identified.\n\n' + text.slice(at);
    assert.deepStrictEqual(analyzer.analyze(edited), analyze(edited));
  });
});

describe('analyzeAsync', () => {
  it('gives the same result as analyze, in slices', async () => {
    const text = seed();
    const r = await analyzeAsync(text, { sliceMs: 0 });
    assert.deepStrictEqual(r, analyze(text));
  });

  it('resolves to undefined when aborted, and the Analyzer keeps its cache', async () => {
    const text = seed();
    const controller = new AbortController();
    const analyzer = new Analyzer();
    const pending = analyzer.analyzeAsync(text, { signal: controller.signal, sliceMs: 0 });
    controller.abort();
    assert.strictEqual(await pending, undefined);
    assert.deepStrictEqual(await analyzer.analyzeAsync(text), analyze(text));
  });
});
