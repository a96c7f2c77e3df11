/**
 * Dates: `October 2019`, `October 5, 2019`, a bare year; spans of years (`2018-2022`) are
 * names' parts, not dates, and a day of the month is not a count.
 */
import { isCapitalized, Kind, type Token } from '../../tokens';
import { table } from '../../table';
import type { LocalDate } from './types';
import { isIdentifier, isYearToken } from '../numbers/rules';

export const MONTHS = table<number>({
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9,
  october: 10, november: 11, december: 12,
});

export function scanDates(text: string, tokens: readonly Token[], a: number, b: number, consumed: Uint8Array, out: LocalDate[]): void {
  for (let i = a; i < b; i++) {
    const t = tokens[i]!;
    const month = MONTHS[t.l];
    if (month && isCapitalized(t)) {
      // `27 June 2017`, `5 June`: the day before its month is no count either.
      const day = tokens[i - 1];
      const dayFirst = day && day.k === Kind.Number && /^\d{1,2}$/.test(day.t) && Number(day.t) >= 1 && Number(day.t) <= 31 && i - 1 >= a;
      if (dayFirst) consumed[i - 1] = 1;
      // `October 2019`, `October 5, 2019`
      let k = i + 1;
      if (tokens[k]?.k === Kind.Number && /^\d{1,2}$/.test(tokens[k]!.t)) {
        k++;
        if (tokens[k]?.t === ',') k++;
      }
      if (isYearToken(tokens[k]) && !consumed[k]) {
        for (let q = i; q <= k; q++) consumed[q] = 1;
        const s0 = dayFirst ? day.s : t.s;
        out.push({ s: s0, e: tokens[k]!.e, text: text.slice(s0, tokens[k]!.e), year: Number(tokens[k]!.t), month });
        i = k;
      } else if (k > i + 1 && tokens[i + 1]!.k === Kind.Number) {
        consumed[i + 1] = 1; // `February 24`: a day of the month, not a count
      }
      continue;
    }
    if (!consumed[i] && isYearToken(t) && !isIdentifier(tokens, i)) {
      const next = tokens[i + 1];
      // A four-digit count (`2000 victims`) is written with a comma in narratives; years are not.
      if (next && next.t === '-' && !next.sp && isYearToken(tokens[i + 2])) {
        consumed[i] = consumed[i + 1] = consumed[i + 2] = 1;
        i += 2;
        continue; // a span of years: part of a plan's name, not a date
      }
      consumed[i] = 1;
      out.push({ s: t.s, e: t.e, text: t.t, year: Number(t.t) });
    }
  }
}
