/** The dates corpus: months with their year, a day of the month, bare years, and what is no date. */
import { analyzeParagraph } from '../../pipeline';
import type { SectionKind } from '../../model';
import { type Corpus, defined } from '../corpus';

export interface DateItem {
  readonly text: string;
  readonly year: number;
  readonly month?: number;
}

function recognize(text: string, section: SectionKind): DateItem[] {
  return analyzeParagraph(text, section).dates.map((d) => defined({ text: d.text, year: d.year, month: d.month }));
}

export const corpus: Corpus<DateItem> = {
  name: 'dates',
  recognize,
  examples: [
    {
      text: 'In November 2020, police raided a bar in the capital.',
      expected: [
        { text: 'November 2020', year: 2020, month: 11 },
      ],
    },
    {
      text: 'The court ruled on February 17, 2021.',
      expected: [
        { text: 'February 17, 2021', year: 2021, month: 2 },
      ],
    },
    {
      text: 'The law entered into force in 2012.',
      expected: [
        { text: '2012', year: 2012 },
      ],
    },
    {
      text: 'Between 2018 and 2020 the ministry ran awareness campaigns.',
      expected: [
        { text: '2018', year: 2018 },
        { text: '2020', year: 2020 },
      ],
    },
    {
      text: 'The parliament adopted the decree in May 2023.',
      expected: [
        { text: 'May 2023', year: 2023, month: 5 },
      ],
    },
    {
      text: 'Inspections resumed in January 2022 after a pause in 2021.',
      expected: [
        { text: 'January 2022', year: 2022, month: 1 },
        { text: '2021', year: 2021 },
      ],
    },
    {
      text: 'A 2015 survey counted child laborers.',
      expected: [
        { text: '2015', year: 2015 },
      ],
    },
    {
      text: 'The hotline opened on June 1, 2020, and received calls.',
      expected: [
        { text: 'June 1, 2020', year: 2020, month: 6 },
      ],
    },
    {
      text: 'Raids in 1999 and 2004 freed workers.',
      expected: [
        { text: '1999', year: 1999 },
        { text: '2004', year: 2004 },
      ],
    },
    {
      text: 'Since December 2018 the unit has operated from the port.',
      expected: [
        { text: 'December 2018', year: 2018, month: 12 },
      ],
    },
    {
      text: 'The task force met in September 2020 and in March 2021.',
      expected: [
        { text: 'September 2020', year: 2020, month: 9 },
        { text: 'March 2021', year: 2021, month: 3 },
      ],
    },
    {
      text: 'The 2016 census omitted migrant workers.',
      expected: [
        { text: '2016', year: 2016 },
      ],
    },
    {
      text: 'By the end of 2020, shelters housed 85 women.',
      expected: [
        { text: '2020', year: 2020 },
      ],
    },
    {
      text: 'In 1998 the country ratified the convention.',
      expected: [
        { text: '1998', year: 1998 },
      ],
    },
    {
      text: 'On March 3, 2017, officers arrested a recruiter.',
      expected: [
        { text: 'March 3, 2017', year: 2017, month: 3 },
      ],
    },
    {
      text: 'Officials reported 2,019 victims in 2019.',
      expected: [
        { text: '2019', year: 2019 },
      ],
    },
    // The day before its month: `12 June 2019` is one date, its 12 no count.
    {
      text: 'The report was published on 12 June 2019 in Ambrou.',
      expected: [
        { text: '12 June 2019', year: 2019, month: 6 },
      ],
    },
  ],
  negatives: [
    { text: 'On April 12 the court convicted two traffickers.', why: 'a day of the month without a year is no date (and no count)' },
    { text: 'The 2021-2025 national action plan expired.', why: "a span of years is part of a plan's name" },
    { text: 'Law 2016-041 criminalizes forced labor.', why: 'an identifier, not a year' },
    { text: 'Police identified 2,000 victims.', why: 'a count written with a comma is no year' },
    { text: 'Officials may extend the deadline.', why: '`may` in lower case is no month' },
    { text: 'Decree No. 2019 regulates recruitment agencies.', why: 'a number after `No.` is an identifier' },
  ],
};
