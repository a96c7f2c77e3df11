/**
 * The numbers corpus: every number a sentence holds as money and figures read it (digits or
 * words, scales, ranges), and the identifiers that are no numbers at all.
 */
import type { SectionKind } from '../../model';
import { Kind, tokenize } from '../../tokens';
import { type Corpus, defined } from '../corpus';
import { DURATION_UNITS, isIdentifier, readNumber, readRange } from './rules';

export interface NumberItem {
  readonly text: string;
  readonly value: number;
  readonly max?: number;
  readonly unit?: string;
}

/** The numbers of a text, read as figures read them: an identifier is skipped, a range is one number. */
function recognize(text: string, _section: SectionKind): NumberItem[] {
  const tokens = tokenize(text);
  const out: NumberItem[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.k === Kind.Number && isIdentifier(tokens, i)) continue;
    const first = readNumber(tokens, i);
    if (!first) continue;
    const n = readRange(tokens, first, DURATION_UNITS[tokens[first.j]?.l ?? ''] !== undefined);
    const s = tokens[n.i]!.s;
    const e = tokens[n.j - 1]!.e;
    out.push(defined({ text: text.slice(s, e), value: n.value, max: n.max, unit: n.unit }));
    i = n.j - 1;
  }
  return out;
}

export const corpus: Corpus<NumberItem> = {
  name: 'numbers',
  recognize,
  examples: [
    {
      text: 'Police identified 14 victims at the border.',
      expected: [
        { text: '14', value: 14 },
      ],
    },
    {
      text: 'The ministry trained eight labor inspectors.',
      expected: [
        { text: 'eight', value: 8 },
      ],
    },
    {
      text: 'An estimated two million migrants work in the capital.',
      expected: [
        { text: 'two million', value: 2000000 },
      ],
    },
    {
      text: 'The budget rose to 1.5 billion dinars.',
      expected: [
        { text: '1.5 billion', value: 1500000000 },
      ],
    },
    {
      text: 'Courts heard 1,482 complaints of forced labor.',
      expected: [
        { text: '1,482', value: 1482 },
      ],
    },
    {
      text: 'The law prescribes penalties of five to 10 years.',
      expected: [
        { text: 'five to 10', value: 5, max: 10 },
      ],
    },
    {
      text: 'The victims were between the ages of 8 and 15.',
      expected: [
        { text: '8 and 15', value: 8, max: 15 },
      ],
    },
    {
      text: 'Each camp held 30-40 children.',
      expected: [
        { text: '30-40', value: 30, max: 40 },
      ],
    },
    {
      text: "The law prescribes 18 months' to two years' imprisonment.",
      expected: [
        { text: "18 months' to two years", value: 18, max: 24, unit: 'months' },
      ],
    },
    {
      text: 'Twenty-one girls returned to their families.',
      expected: [
        { text: 'Twenty-one', value: 21 },
      ],
    },
    {
      text: 'Officials found two hundred workers at the quarry.',
      expected: [
        { text: 'two hundred', value: 200 },
      ],
    },
    {
      text: 'The fund received 3.25 million dollars from donors.',
      expected: [
        { text: '3.25 million', value: 3250000 },
      ],
    },
    {
      text: 'Only one shelter operated in the north.',
      expected: [
        { text: 'one', value: 1 },
      ],
    },
    {
      text: 'The court convicted 12 of the 15 suspects.',
      expected: [
        { text: '12', value: 12 },
        { text: '15', value: 15 },
      ],
    },
    {
      text: 'Inspectors visited 600 to 700 farms.',
      expected: [
        { text: '600 to 700', value: 600, max: 700 },
      ],
    },
    {
      text: 'Convictions fell from 20 to 12.',
      expected: [
        { text: '20', value: 20 },
        { text: '12', value: 12 },
      ],
    },
    {
      text: 'In 2019 the agency opened 45 cases.',
      expected: [
        { text: '2019', value: 2019 },
        { text: '45', value: 45 },
      ],
    },
  ],
  negatives: [
    { text: 'Law 2016-041 criminalizes forced labor.', why: 'a number after `Law` and the parts of `2016-041` are an identifier' },
    { text: 'Schools stayed closed during COVID-19.', why: 'a number joined to a word by a hyphen is part of a name' },
    { text: 'Decree No. 14 sets the procedure.', why: '`No. 14` is an identifier' },
    { text: 'Article 7 of the penal code applies.', why: 'a number after `Article` is an identifier' },
    { text: 'The 2021-2025 plan expired.', why: 'a span of years joined by a hyphen is an identifier' },
    { text: 'Victims can call hotline #116 at any hour.', why: 'a number after `#` is an identifier' },
    { text: 'The government has not met the minimum standards.', why: 'no number at all' },
    { text: 'Articles 181 and 227 of the penal code apply.', why: 'the numbers of a list after `Articles` are identifiers' },
    { text: 'Section 412-1 and Section 9(2) apply to recruiters.', why: 'the parts of a section number and a sub-section in parentheses are identifiers' },
    { text: 'Published at 14:37 on https://example.org/docid/5a3f7bc9.html for readers.', why: 'a time, and the numbers of an address, are no counts' },
  ],
};
