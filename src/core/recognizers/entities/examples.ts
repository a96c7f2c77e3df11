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
  /** The type a bare acronym takes when the document never defines it (none when it is no name: `NGO`, `HIV`). */
  readonly fallback?: EntityType;
}

function recognize(text: string, section: SectionKind, codes: ReadonlySet<string>): EntityItem[] {
  return analyzeParagraph(text, section, codes).entities.map((x) => defined({
    text: x.text, type: x.type, acronym: x.acronym?.text, bare: x.bareAcronym ? true as const : undefined, fallback: x.fallbackType,
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
        { text: 'NCHT', bare: true, fallback: 'government-body' },
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
      text: "Recruiters moved women from North Asia to San'aba and the coast.",
      expected: [
        { text: 'North Asia', type: 'region' },
        { text: "San'aba", type: 'city' },
      ],
    },
    {
      text: 'Officials met at the Danube Ministerial Initiative against Human Trafficking (DAMIHT). The NRM was revised.',
      expected: [
        { text: 'Danube Ministerial Initiative against Human Trafficking', type: 'international-organization', acronym: 'DAMIHT' },
        { text: 'NRM', bare: true, type: 'plan' },
      ],
    },
    {
      text: 'The 2008 Act Relating to the Protection of Minors applied. While Law 112 defined forced labor, the Integral Law against Trafficking and Exploitation of Persons did not.',
      expected: [
        { text: '2008 Act Relating to the Protection of Minors', type: 'law' },
        { text: 'Law 112', type: 'law' },
        { text: 'Integral Law against Trafficking and Exploitation of Persons', type: 'law' },
      ],
    },
    {
      text: 'Recruiters came from the Democratic Republic of Congo. The 2019 anti-slavery law applied.',
      expected: [
        { text: 'Democratic Republic of Congo', type: 'country' },
        { text: '2019 anti-slavery law', type: 'law' },
      ],
    },
    {
      text: 'Officers of the Tarsan Republic Police met the families.',
      expected: [
        { text: 'Tarsan Republic Police', type: 'government-body' },
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
        { text: '2021-2025 NPA', bare: true, fallback: 'plan' },
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
    // Acronyms the text never defines: a country's from the known list, else a government
    // body's by default; common nouns in capitals and heading words are no names.
    {
      text: 'The ZTU and the OCPV inspected brothels.',
      expected: [
        { text: 'ZTU', bare: true, fallback: 'government-body' },
        { text: 'OCPV', bare: true, fallback: 'government-body' },
      ],
    },
    {
      text: 'Workers were sent to BiH, the CAR and the UAE.',
      expected: [
        { text: 'BiH', type: 'country', bare: true },
        { text: 'CAR', type: 'country', bare: true },
        { text: 'UAE', type: 'country', bare: true },
      ],
    },
    {
      text: 'Shelters offered HIV testing to victims.',
      expected: [
        { text: 'HIV', bare: true },
      ],
    },
    {
      text: 'Judges applied the 2014 CTA.',
      expected: [
        { text: '2014 CTA', bare: true, fallback: 'law' },
      ],
    },
    {
      text: 'The U.S. Department of State funded training in the U.S.',
      expected: [
        { text: 'U.S. Department of State', type: 'government-body' },
        { text: 'U.S.', type: 'country' },
      ],
    },
    // Places of several words, and lists of them.
    {
      text: 'Recruiters moved victims from Bosnia and Herzegovina to Saint Kitts and Nevis and the Middle East.',
      expected: [
        { text: 'Bosnia and Herzegovina', type: 'country' },
        { text: 'Saint Kitts and Nevis', type: 'country' },
        { text: 'Middle East', type: 'region' },
      ],
    },
    {
      text: 'Officials in Serbia and Montenegro and Sub-Saharan Africa cooperated.',
      expected: [
        { text: 'Serbia and Montenegro', type: 'country' },
        { text: 'Sub-Saharan Africa', type: 'region' },
      ],
    },
    {
      text: 'Women from Ghana, Togo, Democratic Republic of the Congo (DRC) were exploited.',
      expected: [
        { text: 'Ghana', type: 'country' },
        { text: 'Togo', type: 'country' },
        { text: 'Democratic Republic of the Congo', type: 'country', acronym: 'DRC' },
      ],
    },
    {
      text: 'Nationals of the People’s Republic of China (PRC) worked on boats.',
      expected: [
        { text: 'People’s Republic of China', type: 'country', acronym: 'PRC' },
      ],
    },
    // Laws: the whole title, not the article or section cited in it.
    {
      text: 'The 2009 Trafficking in Persons Act replaced the Criminal Law (Codification and Reform) Act.',
      expected: [
        { text: '2009 Trafficking in Persons Act', type: 'law' },
        { text: 'Criminal Law (Codification and Reform) Act', type: 'law' },
      ],
    },
    {
      text: 'Ostravia’s Domestic Workers Act covers maids.',
      expected: [
        { text: 'Domestic Workers Act', type: 'law' },
      ],
    },
    {
      text: 'The 2011 Law on Combating Forced Labor and the Penal Code apply.',
      expected: [
        { text: '2011 Law on Combating Forced Labor', type: 'law' },
        { text: 'Penal Code', type: 'law' },
      ],
    },
    {
      text: 'Article 7 of the Penal Code and Section 12(b) of the Labor Act set penalties.',
      expected: [
        { text: 'Penal Code', type: 'law' },
        { text: 'Labor Act', type: 'law' },
      ],
    },
    {
      text: 'The Law on Social Welfare gives victims aid.',
      expected: [
        { text: 'Law on Social Welfare', type: 'law' },
      ],
    },
    // Names next to other names; owners that are part of a name; legislatures.
    {
      text: 'In 2020, Ministry of Justice, Directorate-General for Child Protection (DGCP), and other officials met.',
      expected: [
        { text: 'Ministry of Justice', type: 'government-body' },
        { text: 'Directorate-General for Child Protection', type: 'government-body', acronym: 'DGCP' },
      ],
    },
    {
      text: 'Officers of the Zemblan Army (ZA), ZPF, and Zemblan Border Guard (ZBG) were trained.',
      expected: [
        { text: 'Zemblan Army', type: 'government-body', acronym: 'ZA' },
        { text: 'ZPF', bare: true, fallback: 'government-body' },
        { text: 'Zemblan Border Guard', type: 'government-body', acronym: 'ZBG' },
      ],
    },
    {
      text: 'The Lord’s Liberation Army and the Attorney General’s Office clashed.',
      expected: [
        { text: 'Lord’s Liberation Army', type: 'armed-group' },
        { text: 'Attorney General’s Office', type: 'government-body' },
      ],
    },
    {
      text: 'In March, Parliament amended the law.',
      expected: [
        { text: 'Parliament', type: 'government-body' },
      ],
    },
    {
      text: 'Nationals of the Republic of Korea and Filipino workers were exploited.',
      expected: [
        { text: 'Republic of Korea', type: 'country' },
        { text: 'Filipino', type: 'nationality' },
      ],
    },
    {
      text: 'Lunarian-based brokers recruited women from Rakhine and Bali for Ghanaian-owned boats.',
      expected: [
        { text: 'Rakhine', type: 'region' },
        { text: 'Bali', type: 'region' },
        { text: 'Ghanaian', type: 'nationality' },
      ],
    },
    {
      text: 'The ICMPD and CARICOM trained officials with Catholic Relief Services.',
      expected: [
        { text: 'ICMPD', type: 'international-organization' },
        { text: 'CARICOM', type: 'international-organization' },
        { text: 'Catholic Relief Services', type: 'ngo' },
      ],
    },
    {
      text: 'The Law on the Prevention, Suppression, and Punishment of Forced Labor entered into force.',
      expected: [
        { text: 'Law on the Prevention, Suppression, and Punishment of Forced Labor', type: 'law' },
      ],
    },
    {
      text: 'The Labor Migration Policy and the Women’s Charter protect maids.',
      expected: [
        { text: 'Labor Migration Policy', type: 'plan' },
        { text: 'Women’s Charter', type: 'law' },
      ],
    },
    {
      text: 'The National Victims Trust Fund paid compensation.',
      expected: [
        { text: 'National Victims Trust Fund', type: 'government-body' },
      ],
    },
    {
      text: 'Placement in National Service for Minors shelters was slow.',
      expected: [
        { text: 'National Service for Minors', type: 'government-body' },
      ],
    },
    {
      text: 'The Palermo Protocol and the Victims Protection Act (VPA) apply.',
      expected: [
        { text: 'Palermo Protocol', type: 'law' },
        { text: 'Victims Protection Act', type: 'law', acronym: 'VPA' },
      ],
    },
    {
      text: 'The Council of Ministers and the National Committee (NC) met in the Kingdom of Saudi Arabia.',
      expected: [
        { text: 'Council of Ministers', type: 'government-body' },
        { text: 'National Committee', type: 'government-body', acronym: 'NC' },
        { text: 'Kingdom of Saudi Arabia', type: 'country' },
      ],
    },
    {
      text: 'Courts applied the Forced Labor (Prevention) Act (FLPA) and the Criminal Investigations Department (CID) of the Ministry of Interior (MOI) investigated.',
      expected: [
        { text: 'Forced Labor (Prevention) Act', type: 'law', acronym: 'FLPA' },
        { text: 'Criminal Investigations Department', type: 'government-body', acronym: 'CID' },
        { text: 'Ministry of Interior', type: 'government-body', acronym: 'MOI' },
      ],
    },
    {
      text: 'The Taliban, Mai Mai Kessa and al-Shabaab recruited boys, and the Kurdistan Region of Iraq (IKR) hosted refugees.',
      expected: [
        { text: 'Taliban', type: 'armed-group' },
        { text: 'Mai Mai Kessa', type: 'armed-group' },
        { text: 'al-Shabaab', type: 'armed-group' },
        { text: 'Kurdistan Region of Iraq', type: 'region', acronym: 'IKR' },
      ],
    },
    {
      text: '2024 TIP Report - Zembla The\nGovernment of Zembla met with officials of the Ministry of\nInterior.',
      expected: [
        { text: '2024 TIP', bare: true },
        { text: 'Ministry of\nInterior', type: 'government-body' },
      ],
    },
    {
      text: 'Officials used standard operating procedures (SOPs) under the 2017 Labour Act 2074 and the Foreign Employment Act, 2064.',
      expected: [
        { text: 'standard operating procedures', type: 'plan', acronym: 'SOPs' },
        { text: '2017 Labour Act 2074', type: 'law' },
        { text: 'Foreign Employment Act, 2064', type: 'law' },
      ],
    },
    {
      text: 'The Government of the Central African Republic (CAR) did not report data.',
      expected: [
        { text: 'Central African Republic', type: 'country', acronym: 'CAR' },
      ],
    },
    {
      text: 'Brokers moved girls to Ciudad del Mar and Vila dos Anjos.',
      expected: [
        { text: 'Ciudad del Mar', type: 'city' },
        { text: 'Vila dos Anjos', type: 'city' },
      ],
    },
  ],
  negatives: [
    { text: 'The government had no policy on migration.', why: 'a policy in lower case is no name' },
    { text: 'Fines reached 100 million Tanzania shillings or 50,000 Hong Kong dollars.', why: 'a country before a currency word names the currency' },
    { text: 'The code was published in French and English, and the Arabic version came later.', why: 'languages are no nationalities' },
    { text: 'Government-run shelters housed Rohingya refugees.', why: 'a capital before a hyphen and an ethnic group are no names' },
    { text: 'Recruiters charged each worker US$ 900.', why: 'US$ is a currency sign, not the country' },
    { text: 'The law on labor migration was amended.', why: 'a lower-case title after `law on` is no name' },
    { text: 'Police identified 40 victims and referred them to shelters.', why: 'no name' },
    { text: 'Officials said the number of cases rose.', why: 'no name' },
    { text: 'During the reporting period, the government made efforts.', why: 'a capital at a sentence start makes no name' },
    { text: 'In October 2019, inspectors visited farms.', why: 'a month is no place' },
    { text: 'The court convicted the employer under the law.', why: 'a law not named is no entity' },
    { text: 'Traffickers approached victims on Facebook.', why: 'a website is no place' },
  ],
};
