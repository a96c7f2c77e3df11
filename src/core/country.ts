/**
 * One country's narratives across years: the key that says two narratives are of the same
 * country, whatever their accents, apostrophes, spacing or case, and which narrative is last
 * year's. The command line and the editor both ask this, so they pick the same narrative.
 */

interface CountryYear {
  readonly country?: string;
  readonly year?: number;
}

/** `Côte d’Ivoire`, `COTE D'IVOIRE` and `Cote  d'Ivoire` give one key. */
export function countryKey(country: string): string {
  return country.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[’‘`]/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();
}

export function sameCountry(a: string | undefined, b: string | undefined): boolean {
  return !!a && !!b && countryKey(a) === countryKey(b);
}

/** `prev` is the narrative of the same country for the year before `cur`. */
export function isYearBefore(cur: CountryYear, prev: CountryYear): boolean {
  return !!cur.year && sameCountry(cur.country, prev.country) && prev.year === cur.year - 1;
}
