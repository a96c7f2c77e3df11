/**
 * What the timeline's unit tests share: a narrative read and analysed as a timeline input, and the
 * fictional Corvania series of test/fixtures/timeline/ (2019-2023, one planted disagreement).
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../src/core/analyze';
import type { TimelineInput } from '../../src/core/timeline';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const SERIES_DIR = path.join(ROOT, 'test', 'fixtures', 'timeline');

/** A narrative's file as a timeline input, named by its path. */
export function timelineInput(file: string): TimelineInput {
  const text = readFileSync(file, 'utf8');
  return { document: file, text, analysis: analyze(text) };
}

/** The five Corvania narratives, in file order. */
export const corvania = (): TimelineInput[] =>
  readdirSync(SERIES_DIR).filter((f) => f.endsWith('.tip.txt')).map((f) => timelineInput(path.join(SERIES_DIR, f)));
