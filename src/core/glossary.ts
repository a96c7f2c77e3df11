/**
 * Abbreviations that narratives use without defining them and that name no one in particular
 * (`NGOs`, `SOPs`, `IDPs`): not entities (docs/ANNOTATION.md), but a reader still wants to know
 * what they stand for. Named bodies (`UNICEF`, `IOM`) are entities and have hovers of their own.
 */
const GLOSSARY: Readonly<Record<string, string>> = {
  NGO: 'non-governmental organization',
  CSO: 'civil society organization',
  SOP: 'standard operating procedure',
  NAP: 'national action plan',
  NRM: 'national referral mechanism',
  IDP: 'internally displaced person',
  DDR: 'disarmament, demobilization, and reintegration',
  TIP: 'trafficking in persons',
  TVPA: 'Trafficking Victims Protection Act (US, 2000), which mandates the TIP Report',
  CSEC: 'commercial sexual exploitation of children',
  CSEA: 'child sexual exploitation and abuse',
  OSEC: 'online sexual exploitation of children',
  GBV: 'gender-based violence',
  LGBTQI: 'lesbian, gay, bisexual, transgender, queer, and intersex',
  PRA: 'private recruitment agency',
  MOU: 'memorandum of understanding',
  SWL: 'Special Watch List',
  COVID: 'coronavirus disease (COVID-19)',
};

/** What an undefined common abbreviation (`NGO`, `NGOs`, `SOPs`) stands for, or undefined. */
export function glossaryEntry(word: string): { readonly abbreviation: string; readonly meaning: string } | undefined {
  const m = /^([A-Z]{2,6})(?:s|’s|'s)?$/.exec(word);
  const abbreviation = m?.[1];
  const meaning = abbreviation ? GLOSSARY[abbreviation] : undefined;
  return abbreviation && meaning ? { abbreviation, meaning } : undefined;
}
