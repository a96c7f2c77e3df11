import * as assert from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../src/core/analyze';
import { checkConversions, convert, PEGS, reportRates, statedRates, userRates } from '../../src/core/currency';
import { corpusSuite, seedText } from '../support/corpus';

const ROOT = path.resolve(__dirname, '..', '..', '..');
// Amounts as the seed states them (500,000 to two million FCFA for $860 to $3,440; 150,000 for $260;
// 200 million for $343,640), in sentences of our own.
const ours = analyze([
  '2020 Trafficking in Persons Report: Veldora', '', 'VELDORA: Tier 2', '', 'PROSECUTION', '',
  'The 2012 law set fines of 500,000 to two million West African CFA francs (FCFA) ($860 to $3,440). A court in Ambrou fined one recruiter 150,000 FCFA ($260).',
  '', 'PREVENTION', '', 'The government gave the commission 200 million FCFA ($343,640) for the year.', '',
].join('\n'));
const veldora = analyze(readFileSync(path.join(ROOT, 'samples', 'veldora-2023.tip.txt'), 'utf8'));

describe('currency', () => {
  it('a stated amount carries its rounding: 150,000 FCFA ($260) allows about 566 to 588', () => {
    const s = statedRates(ours.money).find((x) => x.statement.value === 150000)!;
    assert.ok(Math.abs(s.rate - 576.9) < 0.1);
    assert.ok(Math.abs(s.low - 566.0) < 0.1 && Math.abs(s.high - 588.2) < 0.1, `${s.low}..${s.high}`);
  });

  it("the report's rate is the median of its statements (test/unit/reportRate.test.ts says more)", () => {
    const [r] = reportRates(ours.money);
    assert.deepStrictEqual([r!.base, r!.quote, r!.source], ['USD', 'XOF', 'document']);
    assert.ok(Math.abs(r!.value - 581.4) < 0.01);
  });

  it('conversions within their rounding agree; the planted one of our sample does not, its look-alike does', () => {
    assert.strictEqual(statedRates(ours.money).length, 3);
    assert.ok(checkConversions(ours.money).every((c) => c.agrees));
    const checks = checkConversions(veldora.money);
    const off = checks.filter((c) => !c.agrees);
    assert.deepStrictEqual(off.map((c) => c.statement.text), ['40 million FCFA']);
    assert.ok(off[0]!.deviation < -0.15);
    assert.ok(checks.find((c) => c.statement.text === '75,000 FCFA')!.agrees, '75,000 FCFA ($120) fits within its rounding');
  });

  it('the tolerance is a setting: at 0 the rounding alone decides', () => {
    // $343,640 pins the rate to 582.0 +- 0.01 while $260 allows 566 to 588: statements a few
    // tenths of a percent apart, beyond their rounding, well within the default 2%.
    const strict = checkConversions(ours.money, 0).filter((c) => !c.agrees);
    assert.ok(strict.length > 0);
    assert.ok(strict.every((c) => Math.abs(c.deviation) < 0.01));
  });

  it("converts at the report's rate, a peg, the user table, or through a pivot", () => {
    const rates = [...reportRates(ours.money), ...PEGS];
    const fine = ours.money.find((m) => m.value === 500000)!;
    const usd = convert(fine, 'USD', rates)!;
    assert.strictEqual(usd.rates[0]!.source, 'document');
    assert.ok(Math.abs(usd.value - 860) < 1);
    const eur = convert(fine, 'EUR', rates)!;
    assert.strictEqual(eur.rates[0]!.source, 'peg');
    assert.ok(Math.abs(eur.value - 500000 / 655.957) < 0.01);
    const user = userRates([{ pair: 'EUR/GBP', rate: 0.85, asOf: '2024-01-31' }, { pair: 'bad', rate: 1 }, { pair: 'USD/EUR', rate: -1 }]);
    assert.strictEqual(user.length, 1);
    const gbp = convert(fine, 'GBP', [...rates, ...user])!;
    assert.deepStrictEqual(gbp.rates.map((r) => r.source), ['peg', 'user']);
    assert.strictEqual(convert({ value: 1, currency: 'XYZ' }, 'USD', rates), undefined);
  });
});

corpusSuite(describe, 'currency: the seed', () => {
  it("the three stated conversions of the seed agree, and the report's rate is 581.40 FCFA per dollar", () => {
    const seed = analyze(seedText());
    assert.strictEqual(statedRates(seed.money).length, 3);
    assert.ok(checkConversions(seed.money).every((c) => c.agrees));
    const [r] = reportRates(seed.money);
    assert.deepStrictEqual([r!.base, r!.quote, r!.source], ['USD', 'XOF', 'document']);
    assert.ok(Math.abs(r!.value - 581.4) < 0.01);
  });
});
