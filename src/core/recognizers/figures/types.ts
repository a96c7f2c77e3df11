/**
 * What the figures recognizer finds.
 */
import type { Metric, Period, Qualifier, Unit } from '../../model';

export interface LocalFigure {
  s: number;
  e: number;
  text: string;
  value: number;
  max?: number;
  qualifier?: Qualifier;
  counts: string;
  metric: Metric;
  period: Period;
  unit?: Unit;
  sentence: number;
}
