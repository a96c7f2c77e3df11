import * as assert from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyze, analyzeAsync, Analyzer } from '../../src/core/analyze';
import { detectTipReport } from '../../src/core/detect';
import type { Analysis } from '../../src/core/model';
import { corpusSuite, seedText } from '../support/corpus';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const read = (p: string): string => readFileSync(path.resolve(ROOT, p), 'utf8');
const OURS = ['samples/veldora-2023.tip.txt', 'samples/veldora-2022.tip.txt', 'test/fixtures/narratives/zembla-2011.txt',
  'test/fixtures/narratives/ostravia-2021.txt', 'test/fixtures/narratives/lunaria-2024.txt'];

function figureAt(r: Analysis, text: string, quote: string, offsetInQuote = 0): Analysis['figures'][number] {
  const at = text.indexOf(quote);
  assert.ok(at >= 0, `quote not found: ${quote}`);
  const f = r.figures.find((x) => x.start === at + offsetInQuote);
  assert.ok(f, `no figure at ${JSON.stringify(quote)}`);
  return f;
}

/**
 * What a whole narrative must give, with the quotes that show it in one narrative. Run on the real
 * seed when the corpus is there, and always on our Veldora 2023, so a fresh clone tests it all.
 */
interface NarrativeFacts {
  meta: [string, number, string, string, string];
  current: [quote: string, offset: number, value: number, qualifier: string | undefined, metric: string];
  previous: Array<[quote: string, metric: string]>;
  penalty: [quote: string, value: number, max: number];
  age: [quote: string, value: number, max: number];
  notFigures: string[];
  money: { value: number; max: number; currency: string; conversion: [number, number, string]; rate: number; precisionOf: [number, number] };
  acronyms: Array<[acronym: string, longForm: string, minMentions: number]>;
  armedGroup: string;
}

function narrativeSpec(text: () => string, facts: NarrativeFacts): void {
  let t = '';
  let r: Analysis;
  before(() => {
    t = text();
    r = analyze(t);
  });

  it('reads meta: country, year, tier and the tier change', () => {
    assert.deepStrictEqual([r.meta.country, r.meta.year, r.meta.tier, r.meta.tierChange?.change, r.meta.tierChange?.tier], facts.meta);
  });

  it('finds the sections in order', () => {
    assert.deepStrictEqual(r.sections.map((s) => s.kind),
      ['title', 'tier', 'summary', 'recommendations', 'prosecution', 'protection', 'prevention', 'profile']);
  });

  it('reads current and previous figures with their metric and qualifier', () => {
    const [quote, offset, value, qualifier, metric] = facts.current;
    const f = figureAt(r, t, quote, offset);
    assert.deepStrictEqual([f.value, f.qualifier, f.metric, f.period], [value, qualifier, metric, 'current']);
    for (const [q, m] of facts.previous) {
      const p = figureAt(r, t, q);
      assert.deepStrictEqual([p.metric, p.period], [m, 'previous'], q);
    }
  });

  it('types penalties and ages as such, not counts', () => {
    const pen = figureAt(r, t, facts.penalty[0]);
    assert.deepStrictEqual([pen.value, pen.max, pen.metric, pen.unit], [facts.penalty[1], facts.penalty[2], 'penalty', 'years']);
    const age = figureAt(r, t, facts.age[0]);
    assert.deepStrictEqual([age.value, age.max, age.metric], [facts.age[1], facts.age[2], 'age']);
  });

  it('does not count law numbers, plan years or dates', () => {
    for (const quote of facts.notFigures) {
      const at = t.indexOf(quote);
      assert.ok(at >= 0, `quote not found: ${quote}`);
      assert.ok(!r.figures.some((f) => f.start < at + quote.length && at < f.end), `${quote} was read as a figure`);
    }
  });

  it('reads money with its stated conversion and the implied rate', () => {
    const m = facts.money;
    const fine = r.money.find((x) => x.value === m.value);
    assert.ok(fine, `no amount of ${m.value}`);
    assert.deepStrictEqual([fine.max, fine.currency, fine.conversion?.value, fine.conversion?.max, fine.conversion?.currency],
      [m.max, m.currency, ...m.conversion]);
    assert.ok(Math.abs(fine.impliedRate! - m.rate) < 0.1, `implied rate ${fine.impliedRate}`);
    const [value, precision] = m.precisionOf;
    assert.strictEqual(r.money.find((x) => x.value === value)?.conversion?.precision, precision);
  });

  it('links acronyms to their long forms, also when the letters do not match', () => {
    for (const [acronym, longForm, min] of facts.acronyms) {
      const e = r.entities.find((x) => x.acronym === acronym);
      assert.ok(e, `no entity with the acronym ${acronym}`);
      assert.strictEqual(e.longForm, longForm);
      assert.ok(e.mentions.length >= min, `${acronym}: ${e.mentions.length} mentions`);
    }
    assert.strictEqual(r.entities.find((e) => e.acronym === facts.armedGroup)?.type, 'armed-group');
  });

  it('every span of the result lies inside the text and says what it covers', () => {
    for (const f of r.figures) assert.strictEqual(t.slice(f.start, f.end), f.text);
    for (const m of r.money) assert.strictEqual(t.slice(m.start, m.end), m.text);
    for (const e of r.entities) for (const m of e.mentions) assert.strictEqual(t.slice(m.start, m.end), m.text);
  });
}

corpusSuite(describe, 'analyze: the seed narrative', () => narrativeSpec(seedText, {
  meta: ['Mali', 2020, 'Tier 2 Watch List', 'downgraded', 'Tier 2 Watch List'],
  current: ['at least 40 new cases', 9, 40, 'at least', 'investigations'],
  previous: [['17 investigations during the previous', 'investigations'], ['55 defendants', 'defendants']],
  penalty: ['five to 10 years', 5, 10],
  age: ['9 and 14 years old', 9, 14],
  notFigures: ['2012-023', '2018-2022', 'October 2019'],
  money: { value: 500000, max: 2000000, currency: 'XOF', conversion: [860, 3440, 'USD'], rate: 581.4, precisionOf: [150000, 10] },
  // RAFY: the letters of the French name, not of the English long form.
  acronyms: [['FAMa', 'Malian armed forces', 8], ['RAFY', 'Fodé and Yeguine Network for Action', 2]],
  armedGroup: 'GATIA',
}));

describe('analyze: a narrative of ours, Veldora 2023', () => narrativeSpec(() => read('samples/veldora-2023.tip.txt'), {
  meta: ['Veldora', 2023, 'Tier 2 Watch List', 'remained', 'Tier 2'],
  current: ['investigated 33 new cases', 13, 33, undefined, 'investigations'],
  previous: [['22 investigations during the previous', 'investigations'], ['48 defendants', 'defendants']],
  penalty: ['five to 10 years', 5, 10],
  age: ['13 and 17 as porters', 13, 17],
  notFigures: ['2021-418', '2021-2025', 'January 2023'],
  money: { value: 1000000, max: 5000000, currency: 'XOF', conversion: [1650, 8260, 'USD'], rate: 605.45, precisionOf: [75000, 10] },
  // CNLTP and OCPM: the letters of French names, not of the English long forms.
  acronyms: [['CNLTP', 'National Commission for the Fight against Trafficking in Persons', 3], ['OCPM', 'Central Office for the Protection of Minors', 5], ['FAV', 'Veldoran Armed Forces', 4]],
  armedGroup: 'CAD',
}));

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

/** Re-analysis and slicing, on a narrative of ours and, when the corpus is there, on the seed. */
function editSpec(text: () => string, quotes: string[]): void {
  it('after a one-character edit inside a paragraph, the cached result equals a cold analysis', () => {
    const t = text();
    const analyzer = new Analyzer();
    analyzer.analyze(t);
    for (const quote of quotes) {
      assert.ok(t.includes(quote), `quote not found: ${quote}`);
      const at = t.indexOf(quote) + 3;
      for (const edited of [t.slice(0, at) + 'x' + t.slice(at), t.slice(0, at) + t.slice(at + 1), t.slice(0, at) + '7' + t.slice(at)]) {
        assert.deepStrictEqual(analyzer.analyze(edited), analyze(edited));
      }
    }
  });

  it('an edit that adds a paragraph or a heading shifts everything after it correctly', () => {
    const t = text();
    const analyzer = new Analyzer();
    analyzer.analyze(t);
    const at = t.indexOf('PROTECTION');
    const edited = t.slice(0, at) + 'A new paragraph with 12 victims identified.\n\n' + t.slice(at);
    assert.deepStrictEqual(analyzer.analyze(edited), analyze(edited));
  });

  it('analyzeAsync gives the same result as analyze, in slices', async () => {
    const t = text();
    assert.deepStrictEqual(await analyzeAsync(t, { sliceMs: 0 }), analyze(t));
  });

  it('analyzeAsync resolves to undefined when aborted, and the Analyzer keeps its cache', async () => {
    const t = text();
    const controller = new AbortController();
    const analyzer = new Analyzer();
    const pending = analyzer.analyzeAsync(t, { signal: controller.signal, sliceMs: 0 });
    controller.abort();
    assert.strictEqual(await pending, undefined);
    assert.deepStrictEqual(await analyzer.analyzeAsync(t), analyze(t));
  });
}

describe('analyze: re-analysis after an edit, and in slices (Veldora 2023)', () =>
  editSpec(() => read('samples/veldora-2023.tip.txt'), ['identified 298 trafficking', 'convicted 14 traffickers', 'hotline received 1,512']));

corpusSuite(describe, 'analyze: re-analysis after an edit, and in slices (the seed)', () =>
  editSpec(seedText, ['identified 64 sex trafficking', 'convicted 13 traffickers', 'The police had a hotline']));

describe('analyze: text with hard line breaks (pasted from a PDF)', () => {
  /** Breaks every paragraph of `text` into lines of at most `width` characters, as a PDF copy does. */
  const hardWrap = (text: string, width: number): string => text.split('\n').map((line) => {
    const out: string[] = [];
    let cur = '';
    for (const word of line.split(' ')) {
      if (cur && cur.length + 1 + word.length > width) {
        out.push(cur);
        cur = word;
      } else cur = cur ? `${cur} ${word}` : word;
    }
    out.push(cur);
    return out.join('\n');
  }).join('\n');

  it('a sentence broken across lines is one sentence, and its figures read as in the unbroken text', () => {
    const text = read('samples/veldora-2023.tip.txt');
    const wrapped = hardWrap(text, 72);
    assert.ok(wrapped.split('\n').length > 3 * text.split('\n').length, 'the text is wrapped');
    const summary = (r: Analysis): string[] => r.figures.map((f) => `${f.text} ${f.metric} ${f.period}`);
    const a = analyze(text);
    const b = analyze(wrapped);
    assert.deepStrictEqual(summary(b), summary(a));
    assert.strictEqual(b.sentences.length, a.sentences.length);
    assert.deepStrictEqual(b.sections.map((s) => s.kind), a.sections.map((s) => s.kind));
  });
});
