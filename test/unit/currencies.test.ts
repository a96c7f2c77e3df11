import * as assert from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { currencyInfo, currencyOf, CURRENCY_CODES, resolveCurrency } from '../../src/core/currencies';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const words = (s: string): string[] => s.split(' ');

describe('currencies: every ISO 4217 currency, from the CLDR', () => {
  it('the data file is what scripts/gen-currencies.js makes from the CLDR packages', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { build } = require(path.join(ROOT, 'scripts', 'gen-currencies.js')) as { build(): string };
    assert.strictEqual(readFileSync(path.join(ROOT, 'src', 'core', 'data', 'currencies.json'), 'utf8'), build());
  });

  it('knows the codes, names, plurals and symbols', () => {
    assert.ok(CURRENCY_CODES.size > 250, `${CURRENCY_CODES.size} codes`);
    for (const code of ['USD', 'EUR', 'XOF', 'XAF', 'NPR', 'PKR', 'TTD', 'ZMW', 'ZMK', 'SLL', 'SLE', 'MDL', 'KMF', 'BDT']) assert.ok(CURRENCY_CODES.has(code), code);
    assert.deepStrictEqual([currencyInfo('PKR')?.one, currencyInfo('PKR')?.other, currencyInfo('PKR')?.narrow], ['Pakistani rupee', 'Pakistani rupees', 'Rs']);
    assert.strictEqual(currencyInfo('EUR')?.symbol, '€');
  });

  it('reads the adjective forms narratives use', () => {
    const cases: Array<[string, string]> = [
      ['Pakistani rupees', 'PKR'], ['Nepali rupees', 'NPR'], ['Sri Lankan rupees', 'LKR'], ['Trinidad and Tobago dollars', 'TTD'],
      ['Jamaican dollars', 'JMD'], ['Hong Kong dollars', 'HKD'], ['West African CFA francs', 'XOF'], ['Central African CFA francs', 'XAF'],
      ['Philippine pesos', 'PHP'], ['Ghanaian cedis', 'GHS'], ['Kenyan shillings', 'KES'], ['Rwandan francs', 'RWF'], ['euros', 'EUR'],
      ['naira', 'NGN'], ['dollars', 'USD'], ['US dollars', 'USD'], ['Bangladeshi taka', 'BDT'], ['Moldovan lei', 'MDL'],
    ];
    for (const [phrase, code] of cases) assert.deepStrictEqual(resolveCurrency(words(phrase)), { code }, phrase);
  });

  it('a bare unit takes the narrative country\'s currency', () => {
    assert.deepStrictEqual(resolveCurrency(['rupees'], { country: 'Nepal', year: 2020 }), { code: 'NPR' });
    assert.deepStrictEqual(resolveCurrency(['rials'], { country: 'Oman' }), { code: 'OMR' });
    assert.deepStrictEqual(resolveCurrency(['dirhams'], { country: 'United Arab Emirates' }), { code: 'AED' });
    assert.deepStrictEqual(resolveCurrency(['lei'], { country: 'Romania' }), { code: 'RON' });
    assert.deepStrictEqual(resolveCurrency(['kwacha'], { country: 'Malawi' }), { code: 'MWK' });
  });

  it('FCFA by the country, and ambiguous without one', () => {
    assert.deepStrictEqual(resolveCurrency(['FCFA'], { country: 'Mali' }), { code: 'XOF' });
    assert.deepStrictEqual(resolveCurrency(['FCFA'], { country: 'Cameroon' }), { code: 'XAF' });
    assert.deepStrictEqual(resolveCurrency(['CFA', 'francs'], { country: "Côte d’Ivoire" }), { code: 'XOF' });
    assert.deepStrictEqual(resolveCurrency(['FCFA']), { candidates: ['XOF', 'XAF'] });
    assert.ok(!resolveCurrency(['rupees']).code, 'rupees alone could be any of several');
  });

  it('the currency of the report\'s time: Zambia\'s kwacha before and after 2013', () => {
    assert.strictEqual(currencyOf('Zambia', 2012), 'ZMK');
    assert.strictEqual(currencyOf('Zambia', 2015), 'ZMW');
    assert.deepStrictEqual(resolveCurrency(['kwacha'], { country: 'Zambia', year: 2012 }), { code: 'ZMK' });
    assert.deepStrictEqual(resolveCurrency(words('new kwacha'), { country: 'Zambia', year: 2016 }), { code: 'ZMW' });
    assert.deepStrictEqual(resolveCurrency(words('Zambian kwacha'), { year: 2016 }), { code: 'ZMW' });
    assert.strictEqual(currencyOf('Sierra Leone', 2019), 'SLL');
    assert.strictEqual(currencyOf('Democratic Republic of the Congo'), 'CDF');
    assert.strictEqual(currencyOf('Burma'), 'MMK');
  });

  it('words that are no currency give nothing', () => {
    for (const phrase of ['victims', 'Nepali', 'Ministry of Justice', '']) assert.deepStrictEqual(resolveCurrency(phrase ? words(phrase) : []), {}, phrase);
  });
});
