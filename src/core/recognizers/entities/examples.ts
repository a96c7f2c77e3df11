/**
 * The entities corpus: names with their type as one paragraph gives them (acronym definitions,
 * laws, plans, places, nationalities, bodies, groups); a bare acronym is typed later by the
 * document-level pass from its definition, so it has no type here unless the gazetteer knows it.
 */
import type { EntityType, SectionKind } from '../../model';
import { analyzeParagraph } from '../../pipeline';
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
      text: 'The National Agency for the Fight against Trafficking in Persons (NAFTP) coordinated the response.',
      expected: [
        { text: 'National Agency for the Fight against Trafficking in Persons', type: 'government-body', acronym: 'NAFTP' },
      ],
    },
    {
      text: 'Law 2012-023 Relating to the Combat against Trafficking in Persons remained in force.',
      expected: [
        { text: 'Law 2012-023 Relating to the Combat against Trafficking in Persons', type: 'law' },
      ],
    },
    {
      text: 'The government adopted the 2018-2022 National Plan of Action.',
      expected: [
        { text: '2018-2022 National Plan of Action', type: 'plan' },
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
      text: 'The NGO Maison Espoir sheltered girls.',
      expected: [
        { text: 'Maison Espoir', type: 'ngo' },
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
      text: 'The Brigade des Moeurs raided a bar.',
      expected: [
        { text: 'Brigade des Moeurs', type: 'government-body' },
      ],
    },
    {
      text: 'Inspectors visited the Ashvin district.',
      expected: [
        { text: 'Ashvin', type: 'region' },
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
      text: 'The NAFTP trained officials.',
      expected: [
        { text: 'NAFTP', bare: true },
      ],
    },
    {
      text: 'Victims came from Northern Savanna Province.',
      expected: [
        { text: 'Northern Savanna Province', type: 'region' },
      ],
    },
    {
      text: 'The Domestic Workers Law No. 9 of 2015 took effect.',
      expected: [
        { text: 'Domestic Workers Law No. 9 of 2015', type: 'law' },
      ],
    },
    {
      text: 'Police patrolled the Sankoro and Dira regions.',
      expected: [
        { text: 'Sankoro', type: 'region' },
        { text: 'Dira', type: 'region' },
      ],
    },
    {
      text: 'The Criminal Code of 2004 criminalizes forced labor.',
      expected: [
        { text: 'Criminal Code of 2004', type: 'law' },
      ],
    },
    {
      text: 'The government adopted a 2013 inter-ministerial protocol on victim referral.',
      expected: [
        { text: '2013 inter-ministerial protocol', type: 'plan' },
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
      text: 'The Brigade des Moeurs of the National Police arrested two recruiters.',
      expected: [
        { text: 'Brigade des Moeurs', type: 'government-body' },
        { text: 'National Police', type: 'government-body' },
      ],
    },
    {
      text: 'The government funded the 2018-2022 NPA.',
      expected: [
        { text: '2018-2022 NPA', bare: true },
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
      text: 'Police raided farms in Tarsa Province.',
      expected: [
        { text: 'Tarsa Province', type: 'region' },
      ],
    },
    {
      text: 'Boko Haram abducted children.',
      expected: [
        { text: 'Boko Haram', type: 'armed-group' },
      ],
    },
    {
      text: 'Unions in the Costa Verde region reported abuse.',
      expected: [
        { text: 'Costa Verde', type: 'region' },
      ],
    },
    {
      text: 'The Prevention of Human Trafficking Act, 2011 (PHTA) criminalizes sex trafficking.',
      expected: [
        { text: 'Prevention of Human Trafficking Act, 2011', type: 'law', acronym: 'PHTA' },
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
