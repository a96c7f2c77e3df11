/**
 * What the dates recognizer finds.
 */

export interface LocalDate {
  s: number;
  e: number;
  text: string;
  year: number;
  month?: number;
}
