/**
 * One rate per report and currency pair, named (core/currency.ts `reportRates`), and the choice
 * between this report's rate and last year's for an amount of last year's period
 * (`ratesForAmount`), with what last year's narrative stated for it (core/lastYear.ts). The
 * hover and the conversion-rate rule both use them: they name the same rate.
 */
import * as assert from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../src/core/analyze';
import { check, previousReport } from '../../src/core/checks';
import { checkConversions, convert, ratesForAmount, reportRates } from '../../src/core/currency';
import { lastYearsAmount, ofLastYearsPeriod } from '../../src/core/lastYear';
import type { Money } from '../../src/core/model';
import { corpusSuite, seedText } from '../support/corpus';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const read = (p: string): string => readFileSync(path.join(ROOT, p), 'utf8');

const zembla = (year: number, body: string): string =>
  `${year} Trafficking in Persons Report: Zembla\n\nZEMBLA: Tier 2\n\nThe Government of Zembla does not fully meet the minimum standards. Therefore Zembla remained on Tier 2.\n\nPROTECTION\n\n${body}\n`;

// The seed's amounts (500,000 to two million FCFA for $860 to $3,440; 150,000 for $260; 200 million
// for $343,640) in sentences of our own: 581.40, 576.92 and 582.00 FCFA per dollar.
const ours = analyze(zembla(2020, 'The 2012 law set fines of 500,000 to two million West African CFA francs (FCFA) ($860 to $3,440). A court fined one recruiter 150,000 FCFA ($260). The government gave the commission 200 million FCFA ($343,640) for the year.'));

const money = (text: string, a = analyze(text)): Money => a.money.find((m) => m.text === text)!;
const near = (a: number, b: number, eps = 0.01): void => assert.ok(Math.abs(a - b) < eps, `${a} is not ${b}`);

describe("the report's rate: one rate per currency pair, named", () => {
  it('is the median of the stated conversions, not the tightest one', () => {
    const rates = reportRates(ours.money);
    assert.strictEqual(rates.length, 1);
    const [r] = rates;
    assert.deepStrictEqual([r!.base, r!.quote, r!.source, r!.owner], ['USD', 'XOF', 'document', 'this']);
    near(r!.value, 2_500_000 / 4_300); // 581.40: the range's statement, between 576.92 and 582.00
    assert.strictEqual(r!.name, "the report's rate");
    assert.strictEqual(r!.detail, 'the median of its 3 stated conversions');
    assert.strictEqual(r!.from.length, 3);
  });

  it('one statement: its own rate, said so', () => {
    const [r] = reportRates(analyze(zembla(2020, 'The ministry gave 12 million FCFA ($20,000) to shelters.')).money);
    near(r!.value, 600);
    assert.strictEqual(r!.detail, 'its only stated conversion, 12 million FCFA ($20,000)');
  });

  it('several currencies: a rate for each pair, statements of either direction merged', () => {
    const a = analyze(zembla(2023, [
      'The ministry gave 12 million FCFA ($20,000) to shelters and 300,000 FCFA (€460) to a hotline.',
      'A donor gave 2,000 euros ($2,200) and $1,000 (590,000 FCFA) to an NGO.',
      'A court fined one recruiter 200,000 Nepali rupees (NPR) ($1,700) and another 6 million FCFA ($10,200).',
    ].join(' ')));
    const rates = reportRates(a.money);
    const pair = (base: string, quote: string) => rates.find((r) => r.base === base && r.quote === quote);
    assert.strictEqual(rates.length, 4, rates.map((r) => `${r.base}/${r.quote}`).join(' '));
    // 600 (12 million), 590 ($1,000 written the other way round) and 588.24 (6 million): the median, 590.
    near(pair('USD', 'XOF')!.value, 590);
    assert.strictEqual(pair('USD', 'XOF')!.from.length, 3);
    near(pair('EUR', 'XOF')!.value, 300_000 / 460);
    near(pair('USD', 'EUR')!.value, 2_000 / 2_200, 1e-6);
    near(pair('USD', 'NPR')!.value, 200_000 / 1_700);
    // Every conversion of the report to dollars goes through the one named rate.
    const usd = convert(money('300,000 FCFA', a), 'USD', rates)!;
    assert.deepStrictEqual(usd.rates.map((r) => `${r.base}/${r.quote}`), ['USD/XOF']);
    near(usd.value, 300_000 / 590);
  });

  it("leaves out the conversions of last year's amounts while the report states others", () => {
    const a = analyze(zembla(2023, 'The government gave three million FCFA ($4,960) to an NGO. It allocated 250 million FCFA ($413,220) to the commission, compared with 230 million FCFA ($414,410) during the previous reporting period.'));
    const [r] = reportRates(a.money, { year: 2023 });
    assert.strictEqual(r!.from.length, 2);
    near(r!.value, (250e6 / 413_220 + 3e6 / 4_960) / 2);
    assert.strictEqual(r!.detail, "the median of its 2 stated conversions of its own year's amounts");
  });
});

describe("last year's amounts at last year's rate", () => {
  const v23 = read('samples/veldora-2023.tip.txt');
  const v22 = read('samples/veldora-2022.tip.txt');
  const a23 = analyze(v23);
  const a22 = analyze(v22);
  const own = reportRates(a23.money, { year: 2023 });
  const last = reportRates(a22.money, { year: 2022, owner: 'last-year' });

  it("the previous reporting period, or the calendar year last year's narrative covers, is last year's period", () => {
    assert.strictEqual(ofLastYearsPeriod('previous', 2023), true);
    assert.strictEqual(ofLastYearsPeriod('2021', 2023), true); // the 2022 report covers about April 2021 to March 2022
    assert.strictEqual(ofLastYearsPeriod('2022', 2023), false);
    assert.strictEqual(ofLastYearsPeriod('current', 2023), false);
    assert.strictEqual(ofLastYearsPeriod('unspecified', 2023), false);
  });

  it("names last year's rate: the median of last year's stated conversions", () => {
    assert.strictEqual(last.length, 1);
    assert.strictEqual(last[0]!.name, "last year's report's rate");
    assert.strictEqual(last[0]!.detail, 'the median of its 4 stated conversions');
    near(last[0]!.value, 555.035, 0.01);
    near(own[0]!.value, 3e6 / 4_960); // 604.84: the median of 2023's seven
  });

  it("converts an amount of the year before at last year's rate when last year's narrative is known", () => {
    const before = money('35 million FCFA', a23);
    assert.strictEqual(before.period, 'previous');
    const choice = ratesForAmount(before, 2023, own, last);
    assert.strictEqual(choice.lastYears, 'used');
    const usd = convert(before, 'USD', choice.rates)!;
    assert.strictEqual(usd.rates[0], last[0]);
    near(usd.value, 63_060, 1);
    // This year's amounts keep this year's rate.
    const now = ratesForAmount(money('250 million FCFA', a23), 2023, own, last);
    assert.strictEqual(now.lastYears, undefined);
    assert.strictEqual(convert(money('250 million FCFA', a23), 'USD', now.rates)!.rates[0], own[0]);
  });

  it("without last year's narrative: this report's rate, and last year's unknown", () => {
    const choice = ratesForAmount(money('35 million FCFA', a23), 2023, own, undefined);
    assert.strictEqual(choice.lastYears, 'unknown');
    assert.strictEqual(convert(money('35 million FCFA', a23), 'USD', choice.rates)!.rates[0], own[0]);
  });

  it("last year's narrative that converts no amount of the currency: this report's rate", () => {
    const choice = ratesForAmount(money('35 million FCFA', a23), 2023, own, []);
    assert.strictEqual(choice.lastYears, 'none-stated');
    assert.strictEqual(convert(money('35 million FCFA', a23), 'USD', choice.rates)!.rates[0], own[0]);
  });

  it("says what last year's narrative stated for it: the same amount, or the amount of the same thing", () => {
    const same = lastYearsAmount({ text: v23, analysis: a23 }, money('35 million FCFA', a23), { text: v22, analysis: a22 });
    assert.ok(same);
    assert.strictEqual(same.same, true);
    assert.strictEqual(same.match.text, '35 million FCFA');
    assert.strictEqual(same.match.conversion?.text, '$63,060');
    // A changed figure: 2023 says 32 million for what 2022 stated as 35 million to the shelters.
    const t = v23.replace('compared with 35 million FCFA the year before', 'compared with 32 million FCFA the year before');
    const changed = analyze(t);
    const other = lastYearsAmount({ text: t, analysis: changed }, money('32 million FCFA', changed), { text: v22, analysis: a22 });
    assert.ok(other);
    assert.strictEqual(other.same, false);
    assert.strictEqual(other.match.text, '35 million FCFA');
    const budget = lastYearsAmount({ text: v23, analysis: a23 }, money('230 million FCFA', a23), { text: v22, analysis: a22 });
    assert.deepStrictEqual([budget?.same, budget?.match.conversion?.text], [true, '$414,410']);
  });
});

describe('the conversion check judges against the same named rate', () => {
  const body = (prev: string): string => `The government gave three million FCFA ($4,960) to an NGO. It allocated 250 million FCFA ($413,220) to the commission, compared with ${prev} during the previous reporting period.`;
  const y23 = zembla(2023, body('230 million FCFA ($414,410)'));
  const y22 = zembla(2022, 'The government allocated 230 million FCFA ($414,410) to the commission and 200,000 FCFA ($360) to a hotline.');

  it("a previous-period conversion is judged against last year's rate when last year's narrative is known", () => {
    const a = analyze(y23);
    const last = reportRates(analyze(y22).money, { year: 2022, owner: 'last-year' });
    const checks = checkConversions(a.money, 0.02, { year: 2023, lastYear: last });
    const prev = checks.find((c) => c.statement.text === '230 million FCFA')!;
    assert.strictEqual(prev.reference, last[0]);
    assert.strictEqual(prev.agrees, true);
    // This year's are judged against this report's rate.
    assert.strictEqual(checks.find((c) => c.statement.text === '250 million FCFA')!.reference?.owner, 'this');
  });

  it("without it, the previous-period conversion is not judged: last year's rate is unknown", () => {
    const prev = checkConversions(analyze(y23).money, 0.02, { year: 2023 }).find((c) => c.statement.text === '230 million FCFA')!;
    assert.strictEqual(prev.lastYearUnknown, true);
    assert.strictEqual(prev.agrees, true);
    assert.strictEqual(prev.reference?.owner, 'this');
  });

  it('the rule agrees: silent with last year, flags a previous-period conversion off last year\'s rate', () => {
    const previous = previousReport('zembla-2022.txt', analyze(y22));
    assert.deepStrictEqual(check({ text: y23, previous, options: { rules: ['conversion-rate'] } }), []);
    assert.deepStrictEqual(check({ text: y23, options: { rules: ['conversion-rate'] } }), []);
    const off = zembla(2023, body('230 million FCFA ($380,170)')); // at this year's 605, not last year's 555
    const [f] = check({ text: off, previous, options: { rules: ['conversion-rate'] } });
    assert.ok(f, 'flagged against last year\'s rate');
    assert.match(f.message, /last year's report's rate, 555\.\d\d XOF per USD \(the median of its 2 stated conversions\)/);
    assert.strictEqual(f.related[0]!.document, 'zembla-2022.txt');
    assert.match(f.fixes[0]!.title, /^Restate at last year's report's rate \(555\.\d\d XOF per USD\)$/);
  });

  it('names the rate the hover names: the median, in the message and in the fix', () => {
    const text = read('samples/veldora-2023.tip.txt');
    const [f] = check({ text, options: { rules: ['conversion-rate'] } });
    assert.match(f!.message, /the report's rate, 604\.84 XOF per USD \(the median of its 7 stated conversions\)/);
    assert.strictEqual(f!.fixes[0]!.title, "Restate at the report's rate (604.84 XOF per USD)");
  });
});

corpusSuite(describe, "the report's rate: the seed", () => {
  it('is 581.40 FCFA per dollar, the median of its three conversions (the hover said 582.00 and 581.40)', () => {
    const [r] = reportRates(analyze(seedText()).money, { year: 2020 });
    near(r!.value, 581.40);
    assert.strictEqual(r!.detail, 'the median of its 3 stated conversions');
  });
});
