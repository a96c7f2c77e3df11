import * as assert from 'node:assert';
import { analyze, Analyzer, fragmentFromFileName } from '../../src/core/analyze';

describe('analyze: a fragment\'s country and year, and currencies it does not decide', () => {
  const fragment = 'The government maintained efforts. Courts imposed fines of 50,000 FCFA ($85) on each recruiter.';

  it('FCFA of a fragment whose country is unknown is ambiguous: candidates, the best guess first', () => {
    const m = analyze(fragment).money[0]!;
    assert.strictEqual(m.currency, 'XOF');
    assert.deepStrictEqual(m.candidates, ['XOF', 'XAF']);
  });

  it('the options give the fragment its country and year, which settle the currency', () => {
    const r = analyze(fragment, { country: 'Cameroon', year: 2017 });
    assert.deepStrictEqual([r.meta.country, r.meta.year], ['Cameroon', 2017]);
    assert.strictEqual(r.money[0]!.currency, 'XAF');
    assert.strictEqual(r.money[0]!.candidates, undefined);
    assert.strictEqual(new Analyzer().analyze(fragment, { country: 'Gabon' }).money[0]!.currency, 'XAF');
  });

  it('a title in the text wins over the options', () => {
    const r = analyze(`VELDORA: Tier 2\n\n${fragment}`, { country: 'Cameroon' });
    assert.notStrictEqual(r.meta.country, 'Cameroon');
  });

  it('a bare unit takes the currency of the countries the text names', () => {
    const m = analyze('Officials in Sri Lanka fined the agency 200,000 rupees ($1,100).').money[0]!;
    assert.strictEqual(m.currency, 'LKR');
  });

  it('a fragment\'s country and year from its file name', () => {
    assert.deepStrictEqual(fragmentFromFileName('/notes/zembla-2019-prosecution.txt'), { year: 2019 }, 'a fictional country is no country CLDR knows');
    assert.deepStrictEqual(fragmentFromFileName('cameroon-2017-prosecution.txt'), { year: 2017, country: 'Cameroon' });
    assert.deepStrictEqual(fragmentFromFileName('Trinidad and Tobago 2019.txt'), { year: 2019, country: 'Trinidad and Tobago' });
    assert.deepStrictEqual(fragmentFromFileName('cote-divoire-2019.md'), { year: 2019, country: "Cote d'Ivoire" });
    assert.deepStrictEqual(fragmentFromFileName('nepali-2019.txt'), { year: 2019 }, 'an adjective is no country name');
    assert.deepStrictEqual(fragmentFromFileName('report.txt'), {});
  });
});
