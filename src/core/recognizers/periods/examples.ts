/**
 * The periods corpus: the period a sentence states for each of its numbers (`during the
 * previous reporting period`, `compared with`, `in 2019`, `down from`); a number with no
 * period stated takes its section's default and is not listed. Years themselves are not listed.
 */
import type { Period, SectionKind } from '../../model';
import { wordValue } from '../../numbers';
import { Kind, tokenize } from '../../tokens';
import type { Corpus } from '../corpus';
import { isYearToken } from '../numbers/rules';
import { periodMarks } from './rules';

export interface PeriodItem {
  /** The number token. */
  readonly text: string;
  readonly period: Period;
}

function recognize(text: string, _section: SectionKind): PeriodItem[] {
  const tokens = tokenize(text);
  const marks = periodMarks(tokens, text);
  const out: PeriodItem[] = [];
  tokens.forEach((t, i) => {
    const number = (t.k === Kind.Number && !isYearToken(t)) || (t.k === Kind.Word && wordValue(t.l) !== undefined);
    const period = marks.at[i];
    if (number && period) out.push({ text: t.t, period });
  });
  return out;
}

export const corpus: Corpus<PeriodItem> = {
  name: 'periods',
  recognize,
  examples: [
    // Cumulative counts and spans of several years are of no one period; a span within a year is that year.
    {
      text: 'By 2022 the ministry had registered 41,200 workers since 1998.',
      expected: [
        { text: '41,200', period: 'unspecified' },
      ],
    },
    {
      text: 'From May 2020 through June 2022, police identified 140 potential victims.',
      expected: [
        { text: '140', period: 'unspecified' },
      ],
    },
    {
      text: 'From April 2021 to March 2022, police identified 44 potential victims.',
      expected: [
        { text: '44', period: 'current' },
      ],
    },
    {
      text: 'From March to October 2021, police identified 36 potential victims.',
      expected: [
        { text: '36', period: '2021' },
      ],
    },
    {
      text: 'From March 2021 to October 2021, police identified 36 potential victims.',
      expected: [
        { text: '36', period: '2021' },
      ],
    },
    {
      text: 'Courts suspended 40 percent of the sentences handed down in the past five years.',
      expected: [
        { text: '40', period: 'unspecified' },
      ],
    },
    // A parenthesis before the phrase is inside its stretch: the amount and its conversion, the
    // total and its parts.
    {
      text: 'The ministry had spent 120 million FCFA ($210,000) during the previous reporting period.',
      expected: [
        { text: '120', period: 'previous' },
        { text: '210,000', period: 'previous' },
      ],
    },
    {
      text: 'Police identified 31 victims (12 girls and 19 boys) in 2021.',
      expected: [
        { text: '31', period: '2021' },
        { text: '12', period: '2021' },
        { text: '19', period: '2021' },
      ],
    },
    {
      text: 'Authorities investigated 52 cases, compared with 19 investigations during the previous reporting period.',
      expected: [
        { text: '19', period: 'previous' },
      ],
    },
    {
      text: 'During the previous reporting period, the government convicted six traffickers.',
      expected: [
        { text: 'six', period: 'previous' },
      ],
    },
    {
      text: 'In 2021, police identified 183 victims.',
      expected: [
        { text: '183', period: '2021' },
      ],
    },
    {
      text: 'The government convicted seven traffickers, down from 18.',
      expected: [
        { text: '18', period: 'previous' },
      ],
    },
    {
      text: 'Officials repatriated 212 citizens from Algeria and 1,460 citizens from Libya in 2022.',
      expected: [
        { text: '212', period: '2022' },
        { text: '1,460', period: '2022' },
      ],
    },
    {
      text: 'The ministry identified 300 victims during the reporting period.',
      expected: [
        { text: '300', period: 'current' },
      ],
    },
    {
      text: 'The government reported an increase from two convictions in the previous reporting period.',
      expected: [
        { text: 'two', period: 'previous' },
      ],
    },
    {
      text: 'Police arrested 30 suspects in March 2021.',
      expected: [
        { text: '30', period: '2021' },
      ],
    },
    {
      text: 'A 2015 survey estimated 4,000 child laborers in the east.',
      expected: [
        { text: '4,000', period: '2015' },
      ],
    },
    {
      text: 'By the end of 2020, shelters housed 85 women.',
      expected: [
        { text: '85', period: '2020' },
      ],
    },
    {
      text: 'The agency trained 500 officers, versus 200 the year before.',
      expected: [
        { text: '200', period: 'previous' },
      ],
    },
    {
      text: 'In the current reporting period, courts convicted 22 traffickers.',
      expected: [
        { text: '22', period: 'current' },
      ],
    },
    {
      text: 'NGOs assisted 64 victims; during the previous reporting period, they assisted 51.',
      expected: [
        { text: '51', period: 'previous' },
      ],
    },
    {
      text: 'Over four days in March 2022, inspectors removed 38 children from the mines.',
      expected: [
        { text: 'four', period: '2022' },
        { text: '38', period: '2022' },
      ],
    },
    {
      text: 'A charity estimated in 2015 that between 7,500 and 9,000 children worked in the mines.',
      expected: [
        { text: '7,500', period: '2015' },
        { text: '9,000', period: '2015' },
      ],
    },
    {
      text: 'The court acquitted four defendants, compared with two the prior year.',
      expected: [
        { text: 'two', period: 'previous' },
      ],
    },
    {
      text: 'Convictions increased from five in the previous reporting period to 12.',
      expected: [
        { text: 'five', period: 'previous' },
      ],
    },
    // `in the previous period`, `the previous reporting period` with no preposition, fiscal years.
    {
      text: 'Courts convicted 13 traffickers, compared with 21 prosecutions and six convictions in the previous period.',
      expected: [
        { text: '21', period: 'previous' },
        { text: 'six', period: 'previous' },
      ],
    },
    {
      text: 'The court secured five convictions, in comparison with two convictions the previous reporting period.',
      expected: [
        { text: 'two', period: 'previous' },
      ],
    },
    {
      text: 'Police made 44 arrests in FY 2022 and 37 arrests in fiscal year 2021.',
      expected: [
        { text: '44', period: '2022' },
        { text: '37', period: '2021' },
      ],
    },
    {
      text: 'Prosecutions fell from 341 cases in the previous Zemblan fiscal year to 218.',
      expected: [
        { text: '341', period: 'previous' },
      ],
    },
  ],
  negatives: [
    { text: 'Police identified 14 victims and referred them to shelters.', why: "no period phrase: each number takes its section's default" },
    { text: "The law prescribes penalties of seven to 12 years' imprisonment.", why: 'no period phrase' },
    { text: 'More than 1,100 officials attended the training.', why: '`than` before a number qualifies it and compares nothing' },
    { text: 'Officials convicted 13 traffickers and acquitted four.', why: 'no period phrase' },
    { text: 'The government increased funding by 18 percent over 2022.', why: '`over 2022` compares with a year and dates nothing' },
    { text: 'Some 200 children begged in the streets of the capital.', why: 'no period phrase' },
  ],
};
