/**
 * The figures corpus: a number with what it counts, its qualifier, unit, metric and period,
 * also when it takes them from another figure of its paragraph (`Of the 264 victims, 139 ...`);
 * and the numbers that are no figures (identifiers, dates, money, `no one`).
 */
import { analyzeParagraph } from '../../pipeline';
import type { Metric, Period, Qualifier, SectionKind, Unit } from '../../model';
import { type Corpus, defined } from '../corpus';

export interface FigureItem {
  readonly text: string;
  readonly value: number;
  readonly max?: number;
  readonly qualifier?: Qualifier;
  readonly unit?: Unit;
  /** The noun phrase it counts. */
  readonly counts: string;
  readonly metric: Metric;
  readonly period: Period;
}

function recognize(text: string, section: SectionKind): FigureItem[] {
  return analyzeParagraph(text, section).figures.map((f) => defined({
    text: f.text, value: f.value, max: f.max, qualifier: f.qualifier, unit: f.unit, counts: f.counts, metric: f.metric, period: f.period,
  }));
}

export const corpus: Corpus<FigureItem> = {
  name: 'figures',
  recognize,
  examples: [
    {
      text: 'The government investigated at least 27 new cases.',
      expected: [
        { text: '27', value: 27, qualifier: 'at least', counts: 'new cases', metric: 'investigations', period: 'current' },
      ],
    },
    {
      text: 'Authorities prosecuted 29 cases against 47 defendants.',
      expected: [
        { text: '29', value: 29, counts: 'cases', metric: 'prosecutions', period: 'current' },
        { text: '47', value: 47, counts: 'defendants', metric: 'defendants', period: 'current' },
      ],
    },
    {
      text: 'Courts convicted 16 traffickers.',
      expected: [
        { text: '16', value: 16, counts: 'traffickers', metric: 'convictions', period: 'current' },
      ],
    },
    {
      text: "The law prescribes penalties of seven to 12 years' imprisonment.",
      expected: [
        { text: 'seven to 12', value: 7, max: 12, unit: 'years', counts: 'imprisonment', metric: 'penalty', period: 'unspecified' },
      ],
    },
    {
      text: 'The victims were between the ages of 8 and 15.',
      expected: [
        { text: '8 and 15', value: 8, max: 15, unit: 'years', counts: '', metric: 'age', period: 'unspecified' },
      ],
    },
    {
      text: 'Officials identified 93 potential victims.',
      expected: [
        { text: '93', value: 93, counts: 'potential victims', metric: 'potential-victims', period: 'current' },
      ],
    },
    {
      text: 'The government referred 142 presumed victims to shelters.',
      expected: [
        { text: '142', value: 142, counts: 'presumed victims', metric: 'victims-referred', period: 'current' },
      ],
    },
    {
      text: 'The ministry trained 250 police officers on victim identification.',
      expected: [
        { text: '250', value: 250, counts: 'police officers', metric: 'officials-trained', period: 'current' },
      ],
    },
    {
      text: 'Police investigated 31 cases, compared with 24 investigations during the previous reporting period.',
      expected: [
        { text: '31', value: 31, counts: 'cases', metric: 'investigations', period: 'current' },
        { text: '24', value: 24, counts: 'investigations', metric: 'investigations', period: 'previous' },
      ],
    },
    {
      text: 'Armed groups recruited more than 300 children as soldiers.',
      expected: [
        { text: '300', value: 300, qualifier: 'more than', counts: 'children', metric: 'child-soldiers', period: 'current' },
      ],
    },
    {
      text: 'Authorities identified 264 victims. Of the 264 victims, 139 were children.',
      expected: [
        { text: '264', value: 264, counts: 'victims', metric: 'victims-identified', period: 'current' },
        { text: '264', value: 264, counts: 'victims', metric: 'victims-identified', period: 'current' },
        { text: '139', value: 139, counts: 'children', metric: 'victims-identified', period: 'current' },
      ],
    },
    {
      text: 'Shelters assisted 58 adults (13 women and 45 men).',
      expected: [
        { text: '58', value: 58, counts: 'adults', metric: 'victims-assisted', period: 'current' },
        { text: '13', value: 13, counts: 'women', metric: 'victims-assisted', period: 'current' },
        { text: '45', value: 45, counts: 'men', metric: 'victims-assisted', period: 'current' },
      ],
    },
    {
      text: 'Inspectors found that 45 percent of the workers were minors.',
      expected: [
        { text: '45', value: 45, unit: 'percent', counts: 'percent', metric: 'percentage', period: 'current' },
      ],
    },
    {
      text: 'Courts sentenced the trafficker to eight years in prison.',
      expected: [
        { text: 'eight', value: 8, unit: 'years', counts: '', metric: 'sentence', period: 'current' },
      ],
    },
    {
      text: 'Police rescued a nine-year-old girl.',
      expected: [
        { text: 'nine-year-old', value: 9, unit: 'years', counts: 'girl', metric: 'age', period: 'unspecified' },
      ],
    },
    {
      text: 'Traffickers exploit an estimated 15,000 children in the mines.',
      section: 'profile',
      expected: [
        { text: '15,000', value: 15000, qualifier: 'approximately', counts: 'children', metric: 'victims-estimated', period: 'unspecified' },
      ],
    },
    {
      text: 'During the previous reporting period, the government convicted six traffickers.',
      expected: [
        { text: 'six', value: 6, counts: 'traffickers', metric: 'convictions', period: 'previous' },
      ],
    },
    {
      text: 'The government repatriated 186 citizens from Algeria in 2022.',
      expected: [
        { text: '186', value: 186, counts: 'citizens', metric: 'repatriated', period: '2022' },
      ],
    },
    {
      text: 'Police identified 44 victims; of those, 31 were children.',
      expected: [
        { text: '44', value: 44, counts: 'victims', metric: 'victims-identified', period: 'current' },
        { text: '31', value: 31, counts: 'children', metric: 'victims-identified', period: 'current' },
      ],
    },
    {
      text: 'Courts convicted four Ostravians for forced labor and three Zemblan recruiters.',
      expected: [
        { text: 'four', value: 4, counts: 'Ostravians', metric: 'convictions', period: 'current' },
        { text: 'three', value: 3, counts: 'Zemblan recruiters', metric: 'convictions', period: 'current' },
      ],
    },
    {
      text: 'The government identified 90 victims, including 12 children.',
      expected: [
        { text: '90', value: 90, counts: 'victims', metric: 'victims-identified', period: 'current' },
        { text: '12', value: 12, counts: 'children', metric: 'victims-identified', period: 'current' },
      ],
    },
    {
      text: 'Police investigated 45 cases, compared with 260 during the previous reporting period.',
      expected: [
        { text: '45', value: 45, counts: 'cases', metric: 'investigations', period: 'current' },
        { text: '260', value: 260, counts: '', metric: 'investigations', period: 'previous' },
      ],
    },
    {
      text: 'Labor inspectors removed 35 children from farms.',
      expected: [
        { text: '35', value: 35, counts: 'children', metric: 'victims-identified', period: 'current' },
      ],
    },
    {
      text: 'The government identified an additional 15 victims.',
      expected: [
        { text: '15', value: 15, counts: 'victims', metric: 'victims-identified', period: 'current' },
      ],
    },
    {
      text: 'Police arrested up to 30 suspects.',
      expected: [
        { text: '30', value: 30, qualifier: 'up to', counts: 'suspects', metric: 'arrests', period: 'current' },
      ],
    },
    {
      text: 'Courts convicted fewer than 10 traffickers.',
      expected: [
        { text: '10', value: 10, qualifier: 'fewer than', counts: 'traffickers', metric: 'convictions', period: 'current' },
      ],
    },
    {
      text: 'About 12% of the victims were boys.',
      expected: [
        { text: '12', value: 12, qualifier: 'approximately', unit: 'percent', counts: 'percent', metric: 'percentage', period: 'current' },
      ],
    },
    {
      text: 'Shelters assisted 52 victims, among them 11 girls.',
      expected: [
        { text: '52', value: 52, counts: 'victims', metric: 'victims-assisted', period: 'current' },
        { text: '11', value: 11, counts: 'girls', metric: 'victims-assisted', period: 'current' },
      ],
    },
    {
      text: 'The labor code sets a maximum working day of 12 hours.',
      expected: [
        { text: '12', value: 12, unit: 'hours', counts: '', metric: 'other', period: 'unspecified' },
      ],
    },
    {
      text: 'Armed groups held 40 children in detention camps.',
      expected: [
        { text: '40', value: 40, counts: 'children', metric: 'other', period: 'current' },
      ],
    },
    {
      text: 'Police detained the suspects for three months.',
      expected: [
        { text: 'three', value: 3, unit: 'months', counts: '', metric: 'other', period: 'current' },
      ],
    },
    {
      text: 'The trafficker received a sentence of 18 months.',
      expected: [
        { text: '18', value: 18, unit: 'months', counts: '', metric: 'sentence', period: 'current' },
      ],
    },
    {
      text: 'Victims were as young as 14.',
      expected: [
        { text: '14', value: 14, unit: 'years', counts: '', metric: 'age', period: 'unspecified' },
      ],
    },
    {
      text: 'Officials identified 60 victims. Of those 60 identified, 25 were referred to shelters.',
      expected: [
        { text: '60', value: 60, counts: 'victims', metric: 'victims-identified', period: 'current' },
        { text: '60', value: 60, counts: 'identified', metric: 'victims-identified', period: 'current' },
        { text: '25', value: 25, counts: '', metric: 'victims-referred', period: 'current' },
      ],
    },
    // A figure of another year in parentheses compares; the figures after the semicolon split the total.
    {
      text: 'Officials identified 36 victims (41 victims in 2021); 19 were victims of forced labor, 12 victims of sex trafficking, and five victims of forced begging.',
      section: 'protection',
      expected: [
        { text: '36', value: 36, counts: 'victims', metric: 'victims-identified', period: 'current' },
        { text: '41', value: 41, counts: 'victims', metric: 'victims-identified', period: '2021' },
        { text: '19', value: 19, counts: 'victims', metric: 'victims-identified', period: 'current' },
        { text: '12', value: 12, counts: 'victims', metric: 'victims-identified', period: 'current' },
        { text: 'five', value: 5, counts: 'victims', metric: 'victims-identified', period: 'current' },
      ],
    },
    // The victims described in the next sentence are the same victims.
    {
      text: 'The government identified 52 trafficking victims. Forty-eight victims were women and four were men.',
      section: 'protection',
      expected: [
        { text: '52', value: 52, counts: 'trafficking victims', metric: 'victims-identified', period: 'current' },
        { text: 'Forty-eight', value: 48, counts: 'victims', metric: 'victims-identified', period: 'current' },
        { text: 'four', value: 4, counts: 'men', metric: 'victims-identified', period: 'current' },
      ],
    },
    // ... also a little further on, when the sentences between count nothing else.
    {
      text: 'The government identified 52 trafficking victims. It did not say how many were children. Thirty victims were women, compared with 21 in 2021.',
      section: 'protection',
      expected: [
        { text: '52', value: 52, counts: 'trafficking victims', metric: 'victims-identified', period: 'current' },
        { text: 'Thirty', value: 30, counts: 'victims', metric: 'victims-identified', period: 'current' },
        { text: '21', value: 21, counts: '', metric: 'victims-identified', period: '2021' },
      ],
    },
    // ... but not a victim doing something else there.
    {
      text: 'The government identified 52 trafficking victims. For the first time one victim received compensation.',
      section: 'protection',
      expected: [
        { text: '52', value: 52, counts: 'trafficking victims', metric: 'victims-identified', period: 'current' },
        { text: 'one', value: 1, counts: 'victim', metric: 'other', period: 'current' },
      ],
    },
    // `Of these` splits the sentence's total, not the figure of another year it was compared with.
    {
      text: 'In 2021, police investigated 45 cases, compared with 20 in 2020. Of these, 12 were cases of forced labor, compared with seven cases in 2020.',
      section: 'prosecution',
      expected: [
        { text: '45', value: 45, counts: 'cases', metric: 'investigations', period: '2021' },
        { text: '20', value: 20, counts: '', metric: 'investigations', period: '2020' },
        { text: '12', value: 12, counts: 'cases', metric: 'investigations', period: '2021' },
        { text: 'seven', value: 7, counts: 'cases', metric: 'investigations', period: '2020' },
      ],
    },
    // `N of these` in the next sentence is a part of the total, in the total's year.
    {
      text: 'Police arrested 28 suspected traffickers in 2019, compared with 11 in 2018. Nine of these suspects were later convicted.',
      section: 'prosecution',
      expected: [
        { text: '28', value: 28, counts: 'suspected traffickers', metric: 'arrests', period: '2019' },
        { text: '11', value: 11, counts: '', metric: 'arrests', period: '2018' },
        { text: 'Nine', value: 9, counts: 'suspects', metric: 'convictions', period: '2019' },
      ],
    },
    // Items of a list that count the same noun in the same words share the first item's metric.
    {
      text: 'The ministry reported convictions of 14 defendants in 2020, nine defendants in 2019, and six in 2018.',
      section: 'prosecution',
      expected: [
        { text: '14', value: 14, counts: 'defendants', metric: 'convictions', period: '2020' },
        { text: 'nine', value: 9, counts: 'defendants', metric: 'convictions', period: '2019' },
        { text: 'six', value: 6, counts: '', metric: 'convictions', period: '2018' },
      ],
    },
    // A participle right after the number says what it counts, whatever the list before it counted.
    {
      text: 'Courts reported 40 suspects arrested, 12 traffickers prosecuted, and eight convicted.',
      section: 'prosecution',
      expected: [
        { text: '40', value: 40, counts: 'suspects arrested', metric: 'arrests', period: 'current' },
        { text: '12', value: 12, counts: 'traffickers prosecuted', metric: 'defendants', period: 'current' },
        { text: 'eight', value: 8, counts: 'convicted', metric: 'convictions', period: 'current' },
      ],
    },
    // A comparison that counts the same noun as a figure of its sentence counts what it counts.
    {
      text: 'The government identified 52 victims; 30 were women and 22 were men, compared to 41 female victims and 17 male victims in 2019.',
      section: 'protection',
      expected: [
        { text: '52', value: 52, counts: 'victims', metric: 'victims-identified', period: 'current' },
        { text: '30', value: 30, counts: 'women', metric: 'victims-identified', period: 'current' },
        { text: '22', value: 22, counts: 'men', metric: 'victims-identified', period: 'current' },
        { text: '41', value: 41, counts: 'female victims', metric: 'victims-identified', period: '2019' },
        { text: '17', value: 17, counts: 'male victims', metric: 'victims-identified', period: '2019' },
      ],
    },
    // Shares of a group counted before take the period of that count.
    {
      text: 'In 2022, officials identified 310 trafficking victims. Eighty percent of the victims identified were women, and 35 percent were children.',
      section: 'protection',
      expected: [
        { text: '310', value: 310, counts: 'trafficking victims', metric: 'victims-identified', period: '2022' },
        { text: 'Eighty', value: 80, unit: 'percent', counts: 'percent', metric: 'percentage', period: '2022' },
        { text: '35', value: 35, unit: 'percent', counts: 'percent', metric: 'percentage', period: '2022' },
      ],
    },
    // `N of the M victims`: a part of the restated total.
    {
      text: 'Police identified 31 potential victims in 2020. Twelve of the 31 victims were exploited in domestic work.',
      section: 'protection',
      expected: [
        { text: '31', value: 31, counts: 'potential victims', metric: 'potential-victims', period: '2020' },
        { text: 'Twelve', value: 12, counts: '', metric: 'potential-victims', period: '2020' },
        { text: '31', value: 31, counts: 'victims', metric: 'potential-victims', period: '2020' },
      ],
    },
    // Officially recognized victims are identified victims.
    {
      text: 'Law enforcement officially recognized nine victims.',
      section: 'protection',
      expected: [
        { text: 'nine', value: 9, counts: 'victims', metric: 'victims-identified', period: 'current' },
      ],
    },
    // A sentence the law sets, where no court imposed one, is a penalty.
    {
      text: 'Article 14 makes forced begging a crime, subject to a prison sentence of two to eight years.',
      section: 'prosecution',
      expected: [
        { text: 'two to eight', value: 2, max: 8, unit: 'years', counts: '', metric: 'penalty', period: 'unspecified' },
      ],
    },
    // ... but a sentence of traffickers is one imposed, whatever law it was under.
    {
      text: 'The ministry reported the sentences of two traffickers under the penal code, the first to four years’ imprisonment.',
      section: 'prosecution',
      expected: [
        { text: 'two', value: 2, counts: 'traffickers', metric: 'convictions', period: 'current' },
        { text: 'four', value: 4, unit: 'years', counts: 'imprisonment', metric: 'sentence', period: 'current' },
      ],
    },
    {
      text: 'When the victim is a child, the minimum sentence is six years.',
      section: 'prosecution',
      expected: [
        { text: 'six', value: 6, unit: 'years', counts: '', metric: 'penalty', period: 'unspecified' },
      ],
    },
    // Parts between spaced dashes, like parts in parentheses.
    {
      text: 'The government identified 140 victims – 60 women, 50 men, and 30 children – compared with 120 in 2021.',
      section: 'protection',
      expected: [
        { text: '140', value: 140, counts: 'victims', metric: 'victims-identified', period: 'current' },
        { text: '60', value: 60, counts: 'women', metric: 'victims-identified', period: 'current' },
        { text: '50', value: 50, counts: 'men', metric: 'victims-identified', period: 'current' },
        { text: '30', value: 30, counts: 'children', metric: 'victims-identified', period: 'current' },
        { text: '120', value: 120, counts: '', metric: 'victims-identified', period: '2021' },
      ],
    },
    // Items of a list after a victims figure known only from the sentence before; a number whose
    // noun the next one shares.
    {
      text: 'Officials identified 40 victims in 2022. In 2022, 25 victims were exploited in agriculture, nine in domestic work, and six in begging. Police also confirmed eight adult and five child victims.',
      section: 'protection',
      expected: [
        { text: '40', value: 40, counts: 'victims', metric: 'victims-identified', period: '2022' },
        { text: '25', value: 25, counts: 'victims', metric: 'victims-identified', period: '2022' },
        { text: 'nine', value: 9, counts: '', metric: 'victims-identified', period: '2022' },
        { text: 'six', value: 6, counts: '', metric: 'victims-identified', period: '2022' },
        { text: 'eight', value: 8, counts: 'adult', metric: 'victims-identified', period: 'current' },
        { text: 'five', value: 5, counts: 'child victims', metric: 'victims-identified', period: 'current' },
      ],
    },
    // Suspects are not counted as what is done to victims: sent to court, they are defendants.
    {
      text: 'The police referred 14 suspects to the courts for prosecution.',
      section: 'prosecution',
      expected: [
        { text: '14', value: 14, counts: 'suspects', metric: 'defendants', period: 'current' },
      ],
    },
    // A year that closes a parenthesis dates the whole parenthesis.
    {
      text: 'Police identified 30 victims (12 victims of sex trafficking, nine victims of forced labor, and four victims of forced begging in 2021).',
      section: 'protection',
      expected: [
        { text: '30', value: 30, counts: 'victims', metric: 'victims-identified', period: 'current' },
        { text: '12', value: 12, counts: 'victims', metric: 'victims-identified', period: '2021' },
        { text: 'nine', value: 9, counts: 'victims', metric: 'victims-identified', period: '2021' },
        { text: 'four', value: 4, counts: 'victims', metric: 'victims-identified', period: '2021' },
      ],
    },
    // Suspects held by the police are arrests; associates charged are defendants; `Out of N` opens a split.
    {
      text: 'Out of 52 suspects detained by police, courts convicted 19. Nine associates were also charged.',
      section: 'prosecution',
      expected: [
        { text: '52', value: 52, counts: 'suspects detained', metric: 'arrests', period: 'current' },
        { text: '19', value: 19, counts: '', metric: 'convictions', period: 'current' },
        { text: 'Nine', value: 9, counts: 'associates', metric: 'defendants', period: 'current' },
      ],
    },
    // The items of a comparison's list compare too: `of these` splits the total, not them.
    // `Among the N` restates like `Of the N`.
    {
      text: 'In 2022, officials identified 120 victims, compared with 95 in 2021 and 70 in 2020. Traffickers exploited 64 of these victims in agriculture. Among the 120 victims identified, there were 50 women and 70 men.',
      section: 'protection',
      expected: [
        { text: '120', value: 120, counts: 'victims', metric: 'victims-identified', period: '2022' },
        { text: '95', value: 95, counts: '', metric: 'victims-identified', period: '2021' },
        { text: '70', value: 70, counts: '', metric: 'victims-identified', period: '2020' },
        { text: '64', value: 64, counts: 'victims', metric: 'victims-identified', period: '2022' },
        { text: '120', value: 120, counts: 'victims identified', metric: 'victims-identified', period: '2022' },
        { text: '50', value: 50, counts: 'women', metric: 'victims-identified', period: '2022' },
        { text: '70', value: 70, counts: 'men', metric: 'victims-identified', period: '2022' },
      ],
    },
    // Victims counted by how they were exploited, and victims compared with them, in the next sentence.
    {
      text: 'Police identified 45 victims. Traffickers exploited 30 victims in forced labor and 15 in sex trafficking. This compared to 38 trafficking victims in 2021.',
      section: 'protection',
      expected: [
        { text: '45', value: 45, counts: 'victims', metric: 'victims-identified', period: 'current' },
        { text: '30', value: 30, counts: 'victims', metric: 'victims-identified', period: 'current' },
        { text: '15', value: 15, counts: '', metric: 'victims-identified', period: 'current' },
        { text: '38', value: 38, counts: 'trafficking victims', metric: 'victims-identified', period: '2021' },
      ],
    },
    // A span of time around the report is no count of its period.
    {
      text: 'As reported over the past five years, Zembla is a source country.',
      section: 'protection',
      expected: [
        { text: 'five', value: 5, unit: 'years', counts: '', metric: 'other', period: 'unspecified' },
      ],
    },
    // A part of a restated total takes the total's year.
    {
      text: 'In 2022, courts convicted 54 traffickers. Of the 54 traffickers convicted, only 19 were sentenced to prison.',
      section: 'prosecution',
      expected: [
        { text: '54', value: 54, counts: 'traffickers', metric: 'convictions', period: '2022' },
        { text: '54', value: 54, counts: 'traffickers convicted', metric: 'convictions', period: '2022' },
        { text: '19', value: 19, counts: '', metric: 'convictions', period: '2022' },
      ],
    },
    // The parts after `including` go on through the list.
    {
      text: 'The government referred 61 victims to care, including 33 women and 28 men.',
      section: 'protection',
      expected: [
        { text: '61', value: 61, counts: 'victims', metric: 'victims-referred', period: 'current' },
        { text: '33', value: 33, counts: 'women', metric: 'victims-referred', period: 'current' },
        { text: '28', value: 28, counts: 'men', metric: 'victims-referred', period: 'current' },
      ],
    },
    // Of two joined verbs, the first says what is counted: identified, then referred.
    {
      text: 'Officials identified and referred 37 trafficking victims to shelters.',
      section: 'protection',
      expected: [
        { text: '37', value: 37, counts: 'trafficking victims', metric: 'victims-identified', period: 'current' },
      ],
    },
    // Screening is not identifying.
    {
      text: 'Labor inspectors screened 412 workers at brick kilns.',
      section: 'protection',
      expected: [
        { text: '412', value: 412, counts: 'workers', metric: 'other', period: 'current' },
      ],
    },
    // A duration of two units is one figure, in the smaller unit; so is a range of two units.
    {
      text: "The court sentenced the recruiter to seven years and six months' imprisonment.",
      section: 'prosecution',
      expected: [
        { text: 'seven years and six months', value: 90, unit: 'months', counts: 'imprisonment', metric: 'sentence', period: 'current' },
      ],
    },
    {
      text: 'Victims stayed in the shelter between three months and one year.',
      section: 'protection',
      expected: [
        { text: 'three months and one year', value: 3, max: 12, unit: 'months', counts: '', metric: 'other', period: 'current' },
      ],
    },
    // Percentages that split a figure take its period, not its metric.
    {
      text: 'In 2022, officials identified 480 victims. Of the 480 victims, 62 percent were women.',
      section: 'protection',
      expected: [
        { text: '480', value: 480, counts: 'victims', metric: 'victims-identified', period: '2022' },
        { text: '480', value: 480, counts: 'victims', metric: 'victims-identified', period: '2022' },
        { text: '62', value: 62, unit: 'percent', counts: 'percent', metric: 'percentage', period: '2022' },
      ],
    },
    // An age in years is an age, not a duration.
    {
      text: 'The law protects anyone younger than 18 years of age.',
      section: 'prosecution',
      expected: [
        { text: '18', value: 18, unit: 'years', counts: '', metric: 'age', period: 'unspecified' },
      ],
    },
  ],
  negatives: [
    { text: 'Law 2016-041 criminalizes forced labor.', why: 'an identifier is no figure' },
    { text: 'In November 2020, police raided a bar.', why: 'a date is no figure' },
    { text: 'The ministry spent 90,000 FCFA ($155) on the shelter.', why: 'an amount of money is no figure' },
    { text: 'No one was convicted.', why: '`no one` counts nothing' },
    { text: 'The 2021-2025 national action plan expired.', why: 'a span of years is part of a name' },
    { text: 'Schools stayed closed during COVID-19.', why: 'a number joined to a word is part of a name' },
    { text: 'The court heard the case on April 12.', why: 'a day of the month is no count' },
  ],
};
