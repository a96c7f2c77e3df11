/**
 * Scores the engine on real narratives (test/real/labels, texts in test/real/texts or
 * $TIP_LENS_REAL_TEXTS): per half (dev / test, fixed by the id's sha256), precision, recall and
 * F1 of figures found (span and value), a strict figure F1 (value, metric and period all right),
 * the share of found figures whose metric and period are right, entity mentions (span and type),
 * money, stated conversions recognized, and the confusion between metrics.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyze, fragmentFromFileName } from '../../src/core/analyze';
import type { Analysis } from '../../src/core/model';
import type { Gold, GoldAmount, GoldFigure, GoldMoney } from './score';
import { overlaps, pairs, ROOT, same } from './score';

export const LABELS = path.join(ROOT, 'test', 'real', 'labels');
export const TEXTS = process.env.TIP_LENS_REAL_TEXTS ? path.resolve(process.env.TIP_LENS_REAL_TEXTS) : path.join(ROOT, 'test', 'real', 'texts');

export type Half = 'dev' | 'test';

export interface RealGold extends Omit<Gold, 'meta'> {
  source: { url: string; query: string; sha256: string };
  meta: { country: string; year: number; tier: string | null; tierChange: string | null; sections: string[]; hardBreaks: boolean };
  breakdowns: Array<{ total: number; parts: number[]; complete: boolean }>;
}

export interface RealDoc {
  id: string;
  half: Half;
  gold: RealGold;
  /** Undefined when the text has not been collected here. */
  text?: string;
  /** True when the collected text's sha256 is not the one the labels were made on. */
  changed?: boolean;
}

/** A text's half, fixed by its id: the first hex digit of sha256(id) even is dev, odd is test. */
export function halfOf(id: string): Half {
  return parseInt(createHash('sha256').update(id).digest('hex')[0]!, 16) % 2 === 0 ? 'dev' : 'test';
}

export function loadReal(): RealDoc[] {
  if (!existsSync(LABELS)) return [];
  return readdirSync(LABELS).filter((f) => f.endsWith('.gold.json')).sort().map((f) => {
    const id = f.replace('.gold.json', '');
    const gold = JSON.parse(readFileSync(path.join(LABELS, f), 'utf8')) as RealGold;
    const file = path.join(TEXTS, gold.document);
    if (!existsSync(file)) return { id, half: halfOf(id), gold };
    const bytes = readFileSync(file);
    const changed = createHash('sha256').update(bytes).digest('hex') !== gold.source.sha256;
    return { id, half: halfOf(id), gold, text: bytes.toString('utf8'), changed };
  });
}

export interface Counts { tp: number; fp: number; fn: number }
export interface Ratio { right: number; of: number }

export interface RealScore {
  docs: number;
  figures: Counts;
  strict: Counts;
  metric: Ratio;
  period: Ratio;
  money: Counts;
  conversions: Ratio;
  entities: Counts;
  /** gold metric -> engine metric -> count, over the figures found. */
  confusion: Record<string, Record<string, number>>;
  /** What went wrong, for the dev half only (the caller never prints the test half's). */
  misses: string[];
}

export function emptyScore(): RealScore {
  const c = (): Counts => ({ tp: 0, fp: 0, fn: 0 });
  return { docs: 0, figures: c(), strict: c(), metric: { right: 0, of: 0 }, period: { right: 0, of: 0 }, money: c(), conversions: { right: 0, of: 0 }, entities: c(), confusion: {}, misses: [] };
}

function add(c: Counts, tp: number, fp: number, fn: number): void {
  c.tp += tp;
  c.fp += fp;
  c.fn += fn;
}

/** Scores one document into `into`; `keepMisses` only for the dev half. */
export function scoreReal(doc: RealDoc & { text: string }, into: RealScore, keepMisses: boolean,
  // As `tip-lens analyze FILE` reads it: an excerpt's country and year from its file name.
  result: Analysis = analyze(doc.text, fragmentFromFileName(doc.gold.document))): void {
  const { gold, text } = doc;
  into.docs++;
  const where = (x: { start: number }): string => `${doc.id}@${x.start}`;
  const quote = (x: { start: number; end: number }): string => JSON.stringify(text.slice(x.start, x.end));

  // Figures found: the span overlaps and the value (and range) agree.
  const f = pairs(gold.figures, result.figures, (g, p) => g.value === p.value && same(g.max, p.max));
  add(into.figures, f.matched.length, f.extra.length, f.missed.length);
  let strictTp = 0;
  for (const [g, p] of f.matched) {
    into.metric.of++;
    into.period.of++;
    const metricOk = g.metric === p.metric;
    const periodOk = g.period === p.period;
    if (metricOk) into.metric.right++;
    if (periodOk) into.period.right++;
    if (metricOk && periodOk) strictTp++;
    (into.confusion[g.metric] ??= {})[p.metric] = (into.confusion[g.metric]![p.metric] ?? 0) + 1;
    if (keepMisses && !(metricOk && periodOk)) {
      into.misses.push(`${where(g)} figure ${quote(g)}: gold ${g.metric}/${g.period}, engine ${p.metric}/${p.period}  | ${context(text, g)}`);
    }
  }
  add(into.strict, strictTp, result.figures.length - strictTp, gold.figures.length - strictTp);
  if (keepMisses) {
    for (const g of f.missed as GoldFigure[]) into.misses.push(`${where(g)} figure missed ${quote(g)} ${g.value}${g.max != null ? '-' + g.max : ''} ${g.metric}/${g.period}  | ${context(text, g)}`);
    for (const p of f.extra) into.misses.push(`${where(p)} figure extra ${quote(p)} ${p.metric}/${p.period}  | ${context(text, p)}`);
  }

  // Money: the amount and its currency; stated conversions: the conversion too.
  const amountFits = (g: GoldAmount, p: { value: number; max?: number; currency: string }): boolean =>
    g.value === p.value && same(g.max, p.max) && g.currency === p.currency;
  const m = pairs(gold.money, result.money, (g, p) => amountFits(g, p));
  add(into.money, m.matched.length, m.extra.length, m.missed.length);
  for (const g of gold.money as GoldMoney[]) {
    if (!g.conversion) continue;
    into.conversions.of++;
    const hit = m.matched.find(([x]) => x === g)?.[1];
    if (hit?.conversion && amountFits(g.conversion, hit.conversion)) into.conversions.right++;
    else if (keepMisses) into.misses.push(`${where(g)} conversion ${quote(g)} ${g.currency} -> ${g.conversion.text}: engine ${hit ? `${hit.currency} -> ${hit.conversion ? hit.conversion.text : 'none'}` : 'no amount'}`);
  }
  if (keepMisses) {
    for (const g of m.missed) into.misses.push(`${where(g)} money missed ${quote(g)} ${g.currency}  | engine: ${result.money.filter((p) => overlaps(g, p)).map((p) => `${p.text} ${p.currency}`).join('; ') || 'nothing'}`);
    for (const p of m.extra) into.misses.push(`${where(p)} money extra ${quote(p)} ${p.currency}`);
  }

  // Entity mentions: exact span and type.
  const goldMentions = gold.entities.flatMap((e) => e.mentions.map((x) => ({ ...x, type: e.type })));
  const predMentions = result.entities.flatMap((e) => e.mentions.map((x) => ({ start: x.start, end: x.end, text: x.text, type: e.type })));
  const e = pairs(goldMentions, predMentions, (g, p) => g.start === p.start && g.end === p.end && g.type === p.type);
  add(into.entities, e.matched.length, e.extra.length, e.missed.length);
  if (keepMisses) {
    for (const g of e.missed) {
      const near = predMentions.find((p) => overlaps(g, p));
      into.misses.push(`${where(g)} entity missed ${quote(g)} ${g.type}${near ? `  | engine: ${JSON.stringify(near.text)} ${near.type}` : ''}`);
    }
    for (const p of e.extra) into.misses.push(`${where(p)} entity extra ${quote(p)} ${p.type}`);
  }
}

function context(text: string, x: { start: number; end: number }): string {
  return text.slice(Math.max(0, x.start - 60), Math.min(text.length, x.end + 40)).replace(/\s+/g, ' ');
}

export const prf = (c: Counts): { precision: number; recall: number; f1: number } => {
  const precision = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
};

export const share = (r: Ratio): number => (r.of === 0 ? 1 : r.right / r.of);
