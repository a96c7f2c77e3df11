/**
 * The money corpus: amounts with their currency, their rounding, their period, and the stated
 * conversion in parentheses. The currency is settled as for a passage whose country is unknown
 * (`settleCurrency` with no country or year): where the words do not decide (`FCFA`, `rupees`,
 * `Rs`), `candidates` lists what it may be and `currency` is the first of them.
 */
import { analyzeParagraph } from '../../pipeline';
import type { Period, SectionKind } from '../../model';
import { type Corpus, defined } from '../corpus';
import type { LocalAmount } from './types';
import { settleCurrency } from './currency';

export interface AmountItem {
  readonly text: string;
  readonly value: number;
  readonly max?: number;
  readonly currency: string;
  readonly candidates?: readonly string[];
  readonly precision: number;
}

export interface MoneyItem extends AmountItem {
  readonly period: Period;
  readonly conversion?: AmountItem;
}

function amount(a: LocalAmount): AmountItem {
  const c = settleCurrency(a.currency, {});
  return defined({ text: a.text, value: a.value, max: a.max, currency: c.code, candidates: c.candidates, precision: a.precision });
}

function recognize(text: string, section: SectionKind, codes: ReadonlySet<string>): MoneyItem[] {
  return analyzeParagraph(text, section, codes).money.map((m) => defined({
    ...amount(m), period: m.period, conversion: m.conversion ? amount(m.conversion) : undefined,
  }));
}

export const corpus: Corpus<MoneyItem> = {
  name: 'money',
  recognize,
  examples: [
    {
      text: 'Traffickers paid 300,000 to 1.5 million West African CFA francs (FCFA) ($520 to $2,600) per victim.',
      expected: [
        { text: '300,000 to 1.5 million West African CFA francs (FCFA)', value: 300000, max: 1500000, currency: 'XOF', precision: 100000, period: 'current', conversion: { text: '$520 to $2,600', value: 520, max: 2600, currency: 'USD', precision: 10 } },
      ],
    },
    {
      text: 'The government allocated 90,000 FCFA ($155) to the shelter.',
      expected: [
        { text: '90,000 FCFA', value: 90000, currency: 'XAF', candidates: ['XAF', 'XOF'], precision: 10000, period: 'current', conversion: { text: '$155', value: 155, currency: 'USD', precision: 1 } },
      ],
    },
    {
      text: 'Victims paid US$1.5 million in recruitment fees.',
      expected: [
        { text: 'US$1.5 million', value: 1500000, currency: 'USD', precision: 100000, period: 'current' },
      ],
    },
    {
      text: 'The fine is EUR 1,200 for each offense.',
      expected: [
        { text: 'EUR 1,200', value: 1200, currency: 'EUR', precision: 100, period: 'current' },
      ],
    },
    {
      text: 'The ministry spent 120 million CFA francs ($206,000) on services.',
      expected: [
        { text: '120 million CFA francs', value: 120000000, currency: 'XAF', candidates: ['XAF', 'XOF'], precision: 10000000, period: 'current', conversion: { text: '$206,000', value: 206000, currency: 'USD', precision: 1000 } },
      ],
    },
    {
      text: 'Workers owed 12,000 Emirati dirhams (AED) in fees.',
      expected: [
        { text: '12,000 Emirati dirhams (AED)', value: 12000, currency: 'AED', precision: 1000, period: 'current' },
      ],
    },
    {
      text: 'The budget included 5 million Nigerian naira for shelters.',
      expected: [
        { text: '5 million Nigerian naira', value: 5000000, currency: 'NGN', precision: 1000000, period: 'current' },
      ],
    },
    {
      text: 'The court fined the employer £8,000.',
      expected: [
        { text: '£8,000', value: 8000, currency: 'GBP', precision: 1000, period: 'current' },
      ],
    },
    {
      text: 'The agency received 45,000 dollars from donors.',
      expected: [
        { text: '45,000 dollars', value: 45000, currency: 'USD', precision: 1000, period: 'current' },
      ],
    },
    {
      text: 'Recruiters charged $400-$600 for each visa.',
      expected: [
        { text: '$400-$600', value: 400, max: 600, currency: 'USD', precision: 100, period: 'current' },
      ],
    },
    {
      text: 'Traffickers earned 230 million Karsolian rupees (KSR) ($2.6 million) in a year.',
      codes: ['KSR'],
      expected: [
        { text: '230 million Karsolian rupees (KSR)', value: 230000000, currency: 'KSR', precision: 10000000, period: 'current', conversion: { text: '$2.6 million', value: 2600000, currency: 'USD', precision: 100000 } },
      ],
    },
    {
      text: 'Each victim received KSR 50,000 in compensation.',
      codes: ['KSR'],
      expected: [
        { text: 'KSR 50,000', value: 50000, currency: 'KSR', precision: 10000, period: 'current' },
      ],
    },
    {
      text: 'Victims paid €3,000 to smugglers.',
      expected: [
        { text: '€3,000', value: 3000, currency: 'EUR', precision: 1000, period: 'current' },
      ],
    },
    {
      text: 'The fund disbursed 2.5 billion shillings.',
      expected: [
        { text: '2.5 billion shillings', value: 2500000000, currency: 'KES', candidates: ['KES', 'SOS', 'TZS', 'UGX'], precision: 100000000, period: 'current' },
      ],
    },
    {
      text: 'Penalties include fines of 1 million to 5 million Central African CFA francs.',
      expected: [
        { text: '1 million to 5 million Central African CFA francs', value: 1000000, max: 5000000, currency: 'XAF', precision: 1000000, period: 'current' },
      ],
    },
    {
      text: 'Families paid 75,000 FCFA (approximately $130) per child.',
      expected: [
        { text: '75,000 FCFA', value: 75000, currency: 'XAF', candidates: ['XAF', 'XOF'], precision: 1000, period: 'current', conversion: { text: '$130', value: 130, currency: 'USD', precision: 10 } },
      ],
    },
    {
      text: 'In 2019 the government spent 10 million FCFA ($17,000) on victim care.',
      expected: [
        { text: '10 million FCFA', value: 10000000, currency: 'XAF', candidates: ['XAF', 'XOF'], precision: 10000000, period: '2019', conversion: { text: '$17,000', value: 17000, currency: 'USD', precision: 1000 } },
      ],
    },
    {
      text: 'The government paid 2,500 Saudi riyals to each returnee.',
      expected: [
        { text: '2,500 Saudi riyals', value: 2500, currency: 'SAR', precision: 100, period: 'current' },
      ],
    },
    {
      text: 'Each recruiter demanded $1,000 per worker.',
      expected: [
        { text: '$1,000', value: 1000, currency: 'USD', precision: 1000, period: 'current' },
      ],
    },
    {
      text: 'The ministry allocated 3 million francs to shelters.',
      expected: [
        { text: '3 million francs', value: 3000000, currency: 'BIF', candidates: ['BIF', 'CDF', 'CHF', 'DJF', 'GNF', 'KMF', 'RWF', 'XAF', 'XOF', 'XPF'], precision: 1000000, period: 'current' },
      ],
    },
    // Currencies from the CLDR: names with their country's adjective or name, codes, symbols.
    {
      text: 'Courts imposed fines of 500,000 Nepali rupees (NPR) ($4,400) on each trafficker.',
      expected: [
        { text: '500,000 Nepali rupees (NPR)', value: 500000, currency: 'NPR', precision: 100000, period: 'current', conversion: { text: '$4,400', value: 4400, currency: 'USD', precision: 100 } },
      ],
    },
    {
      text: 'The ministry granted 3 million Trinidad and Tobago dollars to the shelter.',
      expected: [
        { text: '3 million Trinidad and Tobago dollars', value: 3000000, currency: 'TTD', precision: 1000000, period: 'current' },
      ],
    },
    {
      text: 'The fund paid 20,000 new kwacha to each survivor.',
      expected: [
        { text: '20,000 new kwacha', value: 20000, currency: 'ZMW', precision: 10000, period: 'current' },
      ],
    },
    {
      text: 'Each victim received KES 50,000 from the fund.',
      expected: [
        { text: 'KES 50,000', value: 50000, currency: 'KES', precision: 10000, period: 'current' },
      ],
    },
    {
      text: 'Recruiters in Zembla charged GH₵ 1,200 per job.',
      expected: [
        { text: 'GH₵ 1,200', value: 1200, currency: 'GHS', precision: 100, period: 'current' },
      ],
    },
    {
      text: 'Smugglers took HK$8 million from workers.',
      expected: [
        { text: 'HK$8 million', value: 8000000, currency: 'HKD', precision: 1000000, period: 'current' },
      ],
    },
    {
      text: 'Employers in Lunaria withheld TT$5,000 (~$740) from each worker.',
      expected: [
        { text: 'TT$5,000', value: 5000, currency: 'TTD', precision: 1000, period: 'current', conversion: { text: '$740', value: 740, currency: 'USD', precision: 10 } },
      ],
    },
    {
      text: 'The donor gave US $5,000 to the shelter.',
      expected: [
        { text: 'US $5,000', value: 5000, currency: 'USD', precision: 1000, period: 'current' },
      ],
    },
    {
      text: 'Brokers charged Rs 20,000 for each passport.',
      expected: [
        { text: 'Rs 20,000', value: 20000, currency: 'INR', candidates: ['INR', 'LKR', 'MUR', 'NPR', 'PKR', 'SCR'], precision: 10000, period: 'current' },
      ],
    },
    {
      text: 'Victims paid 4,000 Ostravian lei to brokers.',
      expected: [
        { text: '4,000 Ostravian lei', value: 4000, currency: 'MDL', candidates: ['MDL', 'RON'], precision: 1000, period: 'current' },
      ],
    },
    // Ranges with their converted range: one amount, not its second half.
    {
      text: 'Fines range between 15,000 and 25,000 NPR ($130 to $220).',
      expected: [
        { text: '15,000 and 25,000 NPR', value: 15000, max: 25000, currency: 'NPR', precision: 1000, period: 'current', conversion: { text: '$130 to $220', value: 130, max: 220, currency: 'USD', precision: 10 } },
      ],
    },
    {
      text: 'Fines range between 10,000 FCFA and 50,000 FCFA ($17 to $85) per offense.',
      expected: [
        { text: '10,000 FCFA and 50,000 FCFA', value: 10000, max: 50000, currency: 'XAF', candidates: ['XAF', 'XOF'], precision: 10000, period: 'current', conversion: { text: '$17 to $85', value: 17, max: 85, currency: 'USD', precision: 1 } },
      ],
    },
    {
      text: 'Fines run from 50,000 to 900,000 CFA francs ($85 $1,530) in Zembla.',
      expected: [
        { text: '50,000 to 900,000 CFA francs', value: 50000, max: 900000, currency: 'XAF', candidates: ['XAF', 'XOF'], precision: 10000, period: 'current', conversion: { text: '$85 $1,530', value: 85, max: 1530, currency: 'USD', precision: 1 } },
      ],
    },
    {
      text: 'Each fine of 50,000 FCFA ($85 $100) was paid.',
      expected: [
        { text: '50,000 FCFA', value: 50000, currency: 'XAF', candidates: ['XAF', 'XOF'], precision: 10000, period: 'current' },
        { text: '$85', value: 85, currency: 'USD', precision: 1, period: 'current' },
        { text: '$100', value: 100, currency: 'USD', precision: 100, period: 'current' },
      ],
    },
    {
      text: 'Fines run from 30,000 to 600,000 CFA francs ($50 - $1,020) in Zembla.',
      expected: [
        { text: '30,000 to 600,000 CFA francs', value: 30000, max: 600000, currency: 'XAF', candidates: ['XAF', 'XOF'], precision: 10000, period: 'current', conversion: { text: '$50 - $1,020', value: 50, max: 1020, currency: 'USD', precision: 10 } },
      ],
    },
    {
      text: 'The fine of $500 - a small sum - was never paid, and 40 - 50 dollars went to fees.',
      expected: [
        { text: '$500', value: 500, currency: 'USD', precision: 100, period: 'current' },
        { text: '40 - 50 dollars', value: 40, max: 50, currency: 'USD', precision: 10, period: 'current' },
      ],
    },
    {
      text: 'Rent in Lunaria rose from $100 to $300 a month.',
      expected: [
        { text: '$100 to $300', value: 100, max: 300, currency: 'USD', precision: 100, period: 'current' },
      ],
    },
    {
      text: 'Officers gave $50 to 100 families.',
      expected: [
        { text: '$50', value: 50, currency: 'USD', precision: 10, period: 'current' },
      ],
    },
  ],
  negatives: [
    { text: 'Police identified 40 victims at the border.', why: 'a number with no currency is no amount' },
    { text: 'The ministry requested more funding for shelters.', why: 'no number' },
    { text: 'The dollar weakened against the euro.', why: 'a currency word with no number' },
    { text: 'Article 5 of the law sets fines.', why: 'an identifier' },
    { text: 'The shelter hosted 20 US nationals.', why: '`US` before a word is no currency' },
    { text: 'Each worker paid KSR 50,000 in fees.', why: 'a code the document has not defined is no currency' },
    { text: 'The plan of Veldora supports SDG 8.7 on forced labor.', why: '`SDG` is an ISO code but here the goal, an acronym' },
    { text: 'Officers from the UN 12 team visited the IOM office.', why: 'capitals before a number are no currency symbol' },
    { text: 'Inspectors counted 12 units of housing for victims.', why: '`units` ends a CLDR name but is no currency alone' },
  ],
};
