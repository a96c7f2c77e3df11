/**
 * Corrections of any attribute (`correct` annotations with `set`): applied to the analysis every
 * feature reads, kept in the file (version 2 only when needed, version 1 still read), followed by
 * the real check and the real export; and the previous-period finding that offers to correct a
 * period in doubt before "Take last year's N".
 */
import * as assert from 'node:assert';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyze } from '../../src/core/analyze';
import {
  anchor, applyAnnotations, attributeRows, currencyChoices, engineReading, mergeCorrection, periodChoices, parseAnnotationFile, parseNumber, parseStatedAmount, readingOf, SCHEMA_VERSION,
  selectorFor, serializeAnnotationFile, type Annotation,
} from '../../src/core/annotations';
import { check, previousReport, type RuleId } from '../../src/core/checks';
import { exportReport, toBrat } from '../../src/core/export';
import { annotationFileFor } from '../../src/core/annotations';
import { cli } from '../support/cli';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const V23 = readFileSync(path.join(ROOT, 'samples', 'veldora-2023.tip.txt'), 'utf8');
const V22 = readFileSync(path.join(ROOT, 'samples', 'veldora-2022.tip.txt'), 'utf8');
const previous = previousReport('samples/veldora-2022.tip.txt', analyze(V22));

/** A `correct` annotation on the `occurrence`-th `quote` found after `after`. */
function correct(text: string, quote: string, rest: Partial<Annotation>, after = ''): Annotation {
  const from = after ? text.indexOf(after) : 0;
  assert.ok(from >= 0, after);
  const at = text.indexOf(quote, from + (after ? after.indexOf(quote) : 0));
  assert.ok(at >= 0, quote);
  return { id: `c${at}`, decision: 'correct', selector: selectorFor(text, at, at + quote.length), created: '2026-12-01T00:00:00Z', ...rest };
}

const applied = (text: string, ...anns: Annotation[]) => applyAnnotations(analyze(text), anns.map((a) => anchor(text, a)), text);

// P4 of samples/PLANTED.md: 22 previous-period investigations, where 2022 stated 26.
const P4 = 'compared with 22 investigations';

describe('corrections: any attribute of a figure', () => {
  it('period: the figure takes it, says corrected, and keeps what the engine read', () => {
    const r = applied(V23, correct(V23, '22', { about: 'figure', set: { period: 'current' } }, P4));
    const f = r.analysis.figures.find((x) => x.text === '22')!;
    assert.deepStrictEqual([f.period, f.metric, f.status, f.was], ['current', 'investigations', 'corrected', { period: 'previous' }]);
  });

  it('value (a misread number, a range or one number), counts and metric together', () => {
    const five = V23.indexOf('five to 10 years');
    assert.ok(five > 0);
    const r = applied(
      V23,
      correct(V23, '22', { about: 'figure', label: { kind: 'figure', metric: 'prosecutions' }, set: { value: 26, counts: 'cases' } }, P4),
      { ...correct(V23, 'five to 10', { about: 'figure', set: { value: 7 } }), id: 'range' },
    );
    const f = r.analysis.figures.find((x) => x.text === '22')!;
    assert.deepStrictEqual([f.value, f.counts, f.metric], [26, 'cases', 'prosecutions']);
    assert.deepStrictEqual(f.was, { metric: 'investigations', value: 22, counts: 'investigations' });
    const range = r.analysis.figures.find((x) => x.start === five)!;
    assert.deepStrictEqual([range.value, range.max, range.was], [7, undefined, { value: 5, max: 10 }]);
  });

  it("an attribute corrected to what the engine read changes nothing; merging drops it", () => {
    const r = applied(V23, correct(V23, '22', { about: 'figure', set: { period: 'previous' } }, P4));
    assert.strictEqual(r.analysis.figures.find((x) => x.text === '22')!.status, undefined);
    const engine = readingOf({ figure: analyze(V23).figures.find((x) => x.text === '22')! });
    assert.deepStrictEqual(mergeCorrection({ period: 'current', value: 26 }, { period: 'previous' }, engine), { value: 26 });
    assert.deepStrictEqual(mergeCorrection({ value: 26 }, { value: 22 }, engine), {});
    assert.deepStrictEqual(mergeCorrection({ value: 5, max: 10 }, { value: 7 }, { value: 7 }), {});
  });
});

describe('corrections: an amount and an entity', () => {
  const P3 = '40 million FCFA ($81,630)';

  it('an amount: its stated conversion (the implied rate follows), its currency, none stated', () => {
    const r = applied(
      V23,
      correct(V23, '40 million FCFA', { about: 'money', set: { conversion: { currency: 'USD', value: 66120 } } }),
      correct(V23, '35 million FCFA', { about: 'money', set: { currency: 'XAF', conversion: { currency: 'USD', value: 63060 } } }),
      correct(V23, 'three million FCFA', { about: 'money', set: { conversion: null } }),
    );
    const m = r.analysis.money.find((x) => x.text === '40 million FCFA')!;
    assert.deepStrictEqual([m.status, m.conversion?.value, m.conversion?.text, Math.round(m.impliedRate!)], ['corrected', 66120, 'USD 66,120', 605]);
    assert.deepStrictEqual(m.was, { conversion: { currency: 'USD', value: 81630 } });
    const added = r.analysis.money.find((x) => x.text === '35 million FCFA')!;
    assert.deepStrictEqual([added.currency, added.candidates, added.conversion?.currency, added.conversion?.start], ['XAF', undefined, 'USD', added.end]);
    assert.deepStrictEqual(added.was, { currency: 'XOF', conversion: null });
    const none = r.analysis.money.find((x) => x.text === 'three million FCFA')!;
    assert.deepStrictEqual([none.conversion, none.impliedRate], [undefined, undefined]);
    assert.ok(V23.includes(P3));
  });

  it('an entity: its type and its long form (an acronym the text never defines)', () => {
    const r = applied(
      V23,
      correct(V23, 'IOM', { about: 'entity', set: { longForm: 'International Organization for Migration' } }),
      correct(V23, 'CNLTP', { about: 'entity', label: { kind: 'entity', type: 'organization' }, set: { longForm: 'Comité National de Lutte contre la Traite des Personnes' } }, 'the CNLTP published'),
    );
    const iom = r.analysis.entities.find((e) => e.acronym === 'IOM')!;
    assert.deepStrictEqual([iom.longForm, iom.name, iom.type], ['International Organization for Migration', 'International Organization for Migration', 'international-organization']);
    const m = iom.mentions.find((x) => x.status === 'corrected')!;
    assert.deepStrictEqual(m.was, { longForm: '' });
    const moved = r.analysis.entities.find((e) => e.type === 'organization' && e.mentions.some((x) => x.text === 'CNLTP'))!;
    assert.strictEqual(moved.longForm, 'Comité National de Lutte contre la Traite des Personnes');
    assert.deepStrictEqual(moved.mentions[0]!.was, { type: 'government-body', longForm: 'National Commission for the Fight against Trafficking in Persons' });
  });
});

describe('corrections: the file', () => {
  const period = correct(V23, '22', { about: 'figure', set: { period: 'current' } }, P4);
  const metric = correct(V23, '58', { about: 'figure', label: { kind: 'figure', metric: 'victims-identified' } });
  const file = (annotations: Annotation[]) => ({ schemaVersion: SCHEMA_VERSION as typeof SCHEMA_VERSION, document: 'veldora-2023.tip.txt', annotations });

  it('version 2 only when an annotation sets attributes; version 1 files (label-only corrections) are read as before', () => {
    const v2 = serializeAnnotationFile(file([metric, period]));
    assert.match(v2, /"schemaVersion": 2/);
    const back = parseAnnotationFile(v2);
    assert.ok(back.ok);
    assert.deepStrictEqual(back.file.annotations, [metric, period]);
    const v1 = serializeAnnotationFile(file([metric]));
    assert.match(v1, /"schemaVersion": 1/);
    const old = parseAnnotationFile(JSON.stringify({ schemaVersion: 1, document: 'x', annotations: [metric] }));
    assert.ok(old.ok);
    const f = applyAnnotations(analyze(V23), old.file.annotations.map((a) => anchor(V23, a)), V23).analysis.figures.find((x) => x.text === '58')!;
    assert.deepStrictEqual([f.metric, f.status, f.was], ['victims-identified', 'corrected', { metric: 'child-soldiers' }]);
  });

  it('says what is wrong with a correction it cannot use', () => {
    const bad = (set: unknown, rest: object = {}): string => {
      const r = parseAnnotationFile(JSON.stringify(file([{ ...period, set, ...rest } as Annotation])));
      assert.ok(!r.ok);
      return r.error;
    };
    assert.match(bad({ period: 'last year' }), /"period" must be current, previous, unspecified or a year/);
    assert.match(bad({ value: '22' }), /"value" must be a number/);
    assert.match(bad({ colour: 'red' }), /no attribute "colour"/);
    assert.match(bad({ metric: 'arrests' }), /no attribute "metric"/);
    assert.match(bad({ conversion: { currency: 'DOLLARS', value: 1 } }), /ISO 4217/);
    assert.match(bad({}), /sets nothing/);
    assert.match(bad({ period: 'current' }, { decision: 'confirm' }), /"set" belongs to a correct or manual annotation/);
    assert.match(bad(undefined), /needs a "label" or a "set"/);
  });

  it('reads what a researcher types: a number or a range, a stated amount', () => {
    assert.deepStrictEqual(parseNumber(' 1,305 '), { ok: true, value: { value: 1305 } });
    assert.deepStrictEqual(parseNumber('5 to 10'), { ok: true, value: { value: 5, max: 10 } });
    assert.deepStrictEqual(parseNumber('2.5'), { ok: true, value: { value: 2.5 } });
    assert.ok(!parseNumber('twenty').ok);
    assert.ok(!parseNumber('10-5').ok);
    assert.deepStrictEqual(parseStatedAmount('USD 1,200'), { ok: true, value: { currency: 'USD', value: 1200 } });
    assert.deepStrictEqual(parseStatedAmount('$1,650 to 8,260'), { ok: true, value: { currency: 'USD', value: 1650, max: 8260 } });
    assert.deepStrictEqual(parseStatedAmount('1,200 eur'), { ok: true, value: { currency: 'EUR', value: 1200 } });
    assert.deepStrictEqual(parseStatedAmount(''), { ok: true, value: null });
    assert.match((parseStatedAmount('ABC 12') as { error: string }).error, /not an ISO 4217/);
    assert.ok(!parseStatedAmount('1,200').ok);
  });
});

describe('corrections: what Correct... offers', () => {
  it('the attributes with what they read now, and what TIP Lens read of the corrected ones', () => {
    const r = applied(V23, correct(V23, '22', { about: 'figure', set: { period: 'current' } }, P4));
    const f = r.analysis.figures.find((x) => x.text === '22')!;
    assert.deepStrictEqual(attributeRows('figure', readingOf({ figure: f }), f.was), [
      { attribute: 'metric', label: 'Metric: investigations' },
      { attribute: 'period', label: 'Period: current reporting period', description: 'corrected; TIP Lens read previous reporting period' },
      { attribute: 'value', label: 'Value: 22' },
      { attribute: 'counts', label: 'Counts: investigations' },
    ]);
    assert.deepStrictEqual(engineReading(readingOf({ figure: f }), f.was), readingOf({ figure: analyze(V23).figures.find((x) => x.text === '22')! }));
    assert.deepStrictEqual(engineReading({ value: 7, counts: 'x' }, { value: 5, max: 10 }), { counts: 'x', value: 5, max: 10 });
  });

  it('the periods of a 2023 report, and every ISO 4217 currency with the item\'s own first', () => {
    assert.deepStrictEqual(periodChoices(2023).map((p) => p.period), ['current', 'previous', 'unspecified', '2023', '2022', '2021', '2020', '2019', '2018']);
    const currencies = currencyChoices(['XOF', 'USD', 'XOF', 'NOPE']);
    assert.deepStrictEqual(currencies.slice(0, 2).map((c) => c.code), ['XOF', 'USD']);
    assert.ok(currencies.length > 150 && currencies.some((c) => c.code === 'NPR' && /rupees/i.test(c.name)));
  });
});

describe('corrections: the check and the export follow them', () => {
  const rules = (text: string, anns: Annotation[], rule: RuleId): string[] =>
    check({ text, analysis: applied(text, ...anns).analysis, previous, options: { rules: [rule] } }).map((f) => text.slice(f.start, f.end));

  it("previous-period: a misread value, or a period that is this year's, is no longer flagged", () => {
    assert.deepStrictEqual(rules(V23, [], 'previous-period'), ['22']);
    assert.deepStrictEqual(rules(V23, [correct(V23, '22', { about: 'figure', set: { value: 26 } }, P4)], 'previous-period'), []);
    assert.deepStrictEqual(rules(V23, [correct(V23, '22', { about: 'figure', set: { period: 'current' } }, P4)], 'previous-period'), []);
  });

  it("repeated-figure: 58 read as 63 agrees with PROTECTION's 63; conversion-rate: the conversion read as $66,120 is in line", () => {
    assert.deepStrictEqual(rules(V23, [], 'repeated-figure'), ['63']);
    assert.deepStrictEqual(rules(V23, [correct(V23, '58', { about: 'figure', set: { value: 63 } })], 'repeated-figure'), []);
    assert.deepStrictEqual(rules(V23, [], 'conversion-rate'), ['$81,630']);
    assert.deepStrictEqual(rules(V23, [correct(V23, '40 million FCFA', { about: 'money', set: { conversion: { currency: 'USD', value: 66120 } } })], 'conversion-rate'), []);
  });

  it('the export: the corrected values, the status, what the engine read and what the annotation set; brat follows the period', () => {
    const ann = correct(V23, '22', { about: 'figure', set: { period: 'current', value: 26 } }, P4);
    const report = exportReport({ file: 'veldora-2023.tip.txt', text: V23, analysis: analyze(V23), annotations: [ann] });
    const row = report.rows.find((r) => r.kind === 'figure' && r.text === '22')!;
    assert.deepStrictEqual(
      [row.status, row.period, row.value, row.engine_read, row.annotation_id],
      ['corrected', 'current', 26, '{"period":"previous","value":22}', ann.id]);
    const a = report.rows.find((r) => r.kind === 'annotation' && r.annotation_id === ann.id)!;
    assert.deepStrictEqual([a.decision, a.status, a.set], ['correct', 'corrected', '{"period":"current","value":26}']);
    const brat = toBrat(report).ann;
    const t = /^(T\d+)\tFigure-investigations \d+ \d+\t22$/m.exec(brat);
    assert.ok(t, brat.slice(0, 400));
    assert.match(brat, new RegExp(`^A\\d+\\tPeriod ${t[1]} current$`, 'm'));
  });
});

describe('tip-lens check applies the decisions beside each report, as the editor does', () => {
  let dir: string;
  let v23: string;
  let v22: string;
  const write = (file: string, anns: Annotation[]): void =>
    writeFileSync(annotationFileFor(file), serializeAnnotationFile({ schemaVersion: SCHEMA_VERSION, document: path.basename(file), annotations: anns }));

  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'tip-lens-correct-'));
    v23 = path.join(dir, 'veldora-2023.tip.txt');
    v22 = path.join(dir, 'veldora-2022.tip.txt');
    copyFileSync(path.join(ROOT, 'samples', 'veldora-2023.tip.txt'), v23);
    copyFileSync(path.join(ROOT, 'samples', 'veldora-2022.tip.txt'), v22);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("this year's correction of a period, and last year's of a misread value, both reach the previous-period rule", async () => {
    const before = await cli(['check', v23, v22]);
    assert.ok(before.out.includes('[previous-period]'), before.out);
    write(v23, [correct(V23, '22', { about: 'figure', set: { period: 'current' } }, P4)]);
    const after = await cli(['check', v23, v22]);
    assert.strictEqual(after.err, '');
    assert.ok(!after.out.includes('[previous-period]'), after.out);
    // Last year's 26 read as 22 (its own annotation file), this year's correction gone: 22 agrees.
    write(v23, []);
    write(v22, [correct(V22, '26', { about: 'figure', set: { value: 22 } }, 'Authorities investigated 26')]);
    assert.ok(!(await cli(['check', v23, '--previous', v22])).out.includes('[previous-period]'));
  });
});

describe('previous-period: a period in doubt is offered for correction before "Take last year\'s N"', () => {
  const finding = (text: string) => check({ text, previous, options: { rules: ['previous-period'] } });

  it('the planted 22 is stated with "during the previous reporting period": no doubt, only the fix', () => {
    const [f] = finding(V23);
    assert.deepStrictEqual([f?.fixes.map((x) => x.title), f?.corrections], [["Take last year's 26"], undefined]);
  });

  it('the same number for the same metric stated as this period\'s: the period is in doubt', () => {
    const text = V23.replace('These efforts included prosecuting more defendants,', 'These efforts included investigating 22 cases, prosecuting more defendants,');
    const [f] = finding(text);
    assert.deepStrictEqual(f?.corrections?.map((c) => [c.title, c.set, c.attribute]), [
      ["Mark 22 as this reporting period's figure", { period: 'current' }, undefined],
      ['Correct the period of figure 22…', undefined, 'period'],
    ]);
    const summary = text.indexOf('investigating 22') + 'investigating '.length;
    assert.ok(f.related.some((r) => r.start === summary && r.document === undefined), 'points at the summary\'s 22');
  });

  it('a period that came with a figure of another sentence is in doubt', () => {
    const text = V23.replace('It prosecuted 37 cases', 'Of the 22 investigations, police closed 5. It prosecuted 37 cases');
    const five = finding(text).find((f) => text.slice(f.start, f.end) === '5');
    assert.strictEqual(five?.corrections?.[0]?.title, "Mark 5 as this reporting period's figure");
  });
});
