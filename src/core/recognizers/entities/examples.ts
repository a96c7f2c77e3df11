/**
 * The entities corpus: names with their type as one paragraph gives them (acronym definitions,
 * laws, plans, places, nationalities, bodies, groups); a bare acronym is typed later by the
 * document-level pass from its definition, so it has no type here unless the gazetteer knows it.
 */
import { analyzeParagraph } from '../../pipeline';
import type { EntityType, SectionKind } from '../../model';
import { type Corpus, defined } from '../corpus';

export interface EntityItem {
  readonly text: string;
  readonly type?: EntityType;
  /** The acronym a definition gives (`Long Form (ACR)`). */
  readonly acronym?: string;
  /** A bare acronym, not its definition. */
  readonly bare?: true;
}

function recognize(text: string, section: SectionKind, codes: ReadonlySet<string>): EntityItem[] {
  return analyzeParagraph(text, section, codes).entities.map((x) => defined({
    text: x.text, type: x.type, acronym: x.acronym?.text, bare: x.bareAcronym ? true as const : undefined,
  }));
}

export const corpus: Corpus<EntityItem> = {
  name: 'entities',
  recognize,
  examples: [
    {
      text: 'The National Commission against Human Trafficking (NCHT) coordinated the response.',
      expected: [
        { text: 'National Commission against Human Trafficking', type: 'government-body', acronym: 'NCHT' },
      ],
    },
    {
      text: 'Law 2016-041 Relating to the Prevention of Forced Labor remained in force.',
      expected: [
        { text: 'Law 2016-041 Relating to the Prevention of Forced Labor', type: 'law' },
      ],
    },
    {
      text: 'The government adopted the 2021-2025 National Plan of Action.',
      expected: [
        { text: '2021-2025 National Plan of Action', type: 'plan' },
      ],
    },
    {
      text: 'Police in Port Valen and Kastra arrested suspects.',
      expected: [
        { text: 'Port Valen', type: 'city' },
        { text: 'Kastra', type: 'city' },
      ],
    },
    {
      text: 'Malian and Nigerian nationals were among the victims.',
      expected: [
        { text: 'Malian', type: 'nationality' },
        { text: 'Nigerian', type: 'nationality' },
      ],
    },
    {
      text: 'The NGO Maison Lumen sheltered girls.',
      expected: [
        { text: 'Maison Lumen', type: 'ngo' },
      ],
    },
    {
      text: 'The International Organization for Migration provided aid.',
      expected: [
        { text: 'International Organization for Migration', type: 'international-organization' },
      ],
    },
    {
      text: 'The penal code criminalizes forced begging.',
      expected: [
        { text: 'penal code', type: 'law' },
      ],
    },
    {
      text: 'The Brigade des Mineurs raided a bar.',
      expected: [
        { text: 'Brigade des Mineurs', type: 'government-body' },
      ],
    },
    {
      text: 'Inspectors visited the Marel district.',
      expected: [
        { text: 'Marel', type: 'region' },
      ],
    },
    {
      text: 'Safe Haven Lunaria (SHL), an NGO, ran the shelter.',
      expected: [
        { text: 'Safe Haven Lunaria', type: 'ngo', acronym: 'SHL' },
        { text: 'NGO', bare: true },
      ],
    },
    {
      text: 'The national referral mechanism (NRM) remained weak.',
      expected: [
        { text: 'national referral mechanism', type: 'plan', acronym: 'NRM' },
      ],
    },
    {
      text: 'The Kessa Liberation Front recruited children.',
      expected: [
        { text: 'Kessa Liberation Front', type: 'armed-group' },
      ],
    },
    {
      text: 'Workers from Nepal and Bangladesh paid high fees.',
      expected: [
        { text: 'Nepal', type: 'country' },
        { text: 'Bangladesh', type: 'country' },
      ],
    },
    {
      text: 'The Ministry of Labor and Social Affairs inspected farms.',
      expected: [
        { text: 'Ministry of Labor and Social Affairs', type: 'government-body' },
      ],
    },
    {
      text: 'The NCHT trained officials.',
      expected: [
        { text: 'NCHT', bare: true },
      ],
    },
    {
      text: 'Victims came from Eastern Plateau Province.',
      expected: [
        { text: 'Eastern Plateau Province', type: 'region' },
      ],
    },
    {
      text: 'The Domestic Workers Law No. 7 of 2018 took effect.',
      expected: [
        { text: 'Domestic Workers Law No. 7 of 2018', type: 'law' },
      ],
    },
    {
      text: 'Police patrolled the Velta and Morrow regions.',
      expected: [
        { text: 'Velta', type: 'region' },
        { text: 'Morrow', type: 'region' },
      ],
    },
    {
      text: 'The Criminal Code of 2004 criminalizes forced labor.',
      expected: [
        { text: 'Criminal Code of 2004', type: 'law' },
      ],
    },
    {
      text: 'The government adopted a 2017 inter-ministerial protocol on victim referral.',
      expected: [
        { text: '2017 inter-ministerial protocol', type: 'plan' },
      ],
    },
    {
      text: 'The country ratified the 2000 UN TIP Protocol.',
      expected: [
        { text: '2000 UN TIP Protocol', type: 'law' },
      ],
    },
    {
      text: "Veldora's National Agency against Trafficking opened an office.",
      expected: [
        { text: 'National Agency against Trafficking', type: 'government-body' },
      ],
    },
    {
      text: 'The Secretary of the Ministry of Home Affairs chaired the meeting.',
      expected: [
        { text: 'Ministry of Home Affairs', type: 'government-body' },
      ],
    },
    {
      text: 'The Brigade des Mineurs of the National Police arrested two recruiters.',
      expected: [
        { text: 'Brigade des Mineurs', type: 'government-body' },
        { text: 'National Police', type: 'government-body' },
      ],
    },
    {
      text: 'The government funded the 2021-2025 NPA.',
      expected: [
        { text: '2021-2025 NPA', bare: true },
      ],
    },
    {
      text: 'Traffickers moved girls to Lagos and Accra.',
      expected: [
        { text: 'Lagos', type: 'city' },
        { text: 'Accra', type: 'city' },
      ],
    },
    {
      text: 'Police raided farms in Rivena Province.',
      expected: [
        { text: 'Rivena Province', type: 'region' },
      ],
    },
    {
      text: 'Boko Haram abducted children.',
      expected: [
        { text: 'Boko Haram', type: 'armed-group' },
      ],
    },
    {
      text: 'Unions in the Alto Prado region reported abuse.',
      expected: [
        { text: 'Alto Prado', type: 'region' },
      ],
    },
    {
      text: 'The Anti-Trafficking in Persons Act, 2014 (ATPA) criminalizes sex trafficking.',
      expected: [
        { text: 'Anti-Trafficking in Persons Act, 2014', type: 'law', acronym: 'ATPA' },
      ],
    },
    {
      text: 'The court applied the 2012 anti-trafficking law.',
      expected: [
        { text: '2012 anti-trafficking law', type: 'law' },
      ],
    },
  ],
  negatives: [
    { text: 'Police identified 40 victims and referred them to shelters.', why: 'no name' },
    { text: 'Officials said the number of cases rose.', why: 'no name' },
    { text: 'During the reporting period, the government made efforts.', why: 'a capital at a sentence start makes no name' },
    { text: 'In October 2019, inspectors visited farms.', why: 'a month is no place' },
    { text: 'The court convicted the employer under the law.', why: 'a law not named is no entity' },
    { text: 'Traffickers approached victims on Facebook.', why: 'a website is no place' },
  ],
};
