/**
 * What the money recognizer finds.
 */
import type { Period } from '../../model';

export interface LocalAmount {
  s: number;
  e: number;
  text: string;
  value: number;
  max?: number;
  /** ISO code, or `FCFA` / `FRANC` / a currency word to be settled with the document's country. */
  currency: string;
  precision: number;
}

export interface LocalMoney extends LocalAmount {
  conversion?: LocalAmount;
  sentence: number;
  period: Period;
}
