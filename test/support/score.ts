/**
 * Scores the engine against hand-labelled gold (test/gold/*.gold.json): precision, recall
 * and F1 per kind. Figures count as right when the span overlaps and value, range, metric
 * and period agree; money when amount, currency and conversion agree; entity mentions when
 * span and type are exact.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../src/core/analyze';
import type { Analysis } from '../../src/core/model';
import { corpusDir } from './corpus';

export interface GoldAmount { start: number; end: number; text: string; value: number; max: number | null; currency: string }
export interface GoldFigure { start: number; end: number; text: string; value: number; max: number | null; qualifier: string | null; metric: string; period: string; unit: string | null }
export interface GoldMoney extends GoldAmount { conversion: GoldAmount | null }
export interface GoldEntity { name: string; type: string; acronym?: string | null; mentions: Array<{ start: number; end: number; text: string }> }
export interface Gold {
  document: string;
  meta?: { country?: string; year?: number; tier?: string; tierChange?: string };
  figures: GoldFigure[];
  money: GoldMoney[];
  entities: GoldEntity[];
}

export interface Score { tp: number; fp: number; fn: number; precision: number; recall: number; f1: number }
export interface Miss { kind: string; side: 'fp' | 'fn'; text: string; detail: string; start: number }
export interface DocScore { document: string; figures: Score; money: Score; entities: Score; misses: Miss[] }

export const ROOT = path.resolve(__dirname, '..', '..', '..');

/** Where a gold file's document is: relative to the repository, the seed's through the corpus folder. */
export function goldDocument(gold: Pick<Gold, 'document'>): string {
  const m = /^\.\.\/shared\/corpus\/(.+)$/.exec(gold.document);
  const corpus = corpusDir(ROOT);
  return m && corpus ? path.join(corpus, m[1]!) : path.resolve(ROOT, gold.document);
}

/** True when the gold's document can be read here (the seed's needs the real corpus). */
export function hasGoldDocument(file: string): boolean {
  return existsSync(goldDocument(JSON.parse(readFileSync(file, 'utf8')) as Gold));
}

export function loadGold(file: string): { gold: Gold; text: string } {
  const gold = JSON.parse(readFileSync(file, 'utf8')) as Gold;
  const text = readFileSync(goldDocument(gold), 'utf8');
  return { gold, text };
}

function score(tp: number, fp: number, fn: number): Score {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}

export const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean => a.start < b.end && b.start < a.end;
export const same = (a: number | null | undefined, b: number | null | undefined): boolean => (a ?? null) === (b ?? null);

/** Greedy one-to-one matching: each gold item takes the first unmatched overlapping prediction that fits. */
export function pairs<G extends { start: number; end: number }, P extends { start: number; end: number }>(
  gold: readonly G[], pred: readonly P[], fits: (g: G, p: P) => boolean,
): { matched: Array<[G, P]>; missed: G[]; extra: P[] } {
  const used = new Uint8Array(pred.length);
  const matched: Array<[G, P]> = [];
  const missed: G[] = [];
  for (const g of gold) {
    const i = pred.findIndex((p, k) => !used[k] && overlaps(g, p) && fits(g, p));
    if (i >= 0) {
      used[i] = 1;
      matched.push([g, pred[i]!]);
    } else missed.push(g);
  }
  return { matched, missed, extra: pred.filter((_, k) => !used[k]) };
}

/** {@link pairs} scored, with what went wrong added to `misses`. */
function match<G extends { start: number; end: number }, P extends { start: number; end: number }>(
  kind: string, gold: readonly G[], pred: readonly P[], fits: (g: G, p: P) => boolean,
  show: (x: G | P) => string, misses: Miss[],
): Score {
  const { matched, missed, extra } = pairs(gold, pred, fits);
  for (const g of missed) {
    const near = pred.find((p) => overlaps(g, p));
    misses.push({ kind, side: 'fn', text: show(g), detail: near ? `engine: ${show(near)}` : 'engine: nothing here', start: g.start });
  }
  for (const p of extra) misses.push({ kind, side: 'fp', text: show(p), detail: '', start: p.start });
  return score(matched.length, extra.length, missed.length);
}

export function scoreDocument(gold: Gold, text: string, result: Analysis = analyze(text)): DocScore {
  const misses: Miss[] = [];
  const figures = match('figure', gold.figures, result.figures,
    (g, p) => g.value === p.value && same(g.max, p.max) && g.metric === p.metric && g.period === p.period,
    (x) => `${x.start} ${JSON.stringify((x as GoldFigure).text)} ${(x as GoldFigure).value}${(x as GoldFigure).max != null ? '-' + (x as GoldFigure).max : ''} ${(x as GoldFigure).metric} ${(x as GoldFigure).period}`, misses);
  const amountFits = (g: GoldAmount, p: { value: number; max?: number; currency: string }): boolean =>
    g.value === p.value && same(g.max, p.max) && g.currency === p.currency;
  const money = match('money', gold.money, result.money,
    (g, p) => amountFits(g, p) && (g.conversion ? !!p.conversion && amountFits(g.conversion, p.conversion) : !p.conversion),
    (x) => `${x.start} ${JSON.stringify((x as GoldMoney).text)} ${(x as GoldMoney).currency}${(x as GoldMoney).conversion ? ' -> ' + (x as GoldMoney).conversion!.text : ''}`, misses);
  const goldMentions = gold.entities.flatMap((e) => e.mentions.map((m) => ({ ...m, type: e.type })));
  const predMentions = result.entities.flatMap((e) => e.mentions.map((m) => ({ start: m.start, end: m.end, text: m.text, type: e.type })));
  const entities = match('entity', goldMentions, predMentions,
    (g, p) => g.start === p.start && g.end === p.end && g.type === p.type,
    (x) => `${x.start} ${JSON.stringify(x.text)} ${x.type}`, misses);
  return { document: gold.document, figures, money, entities, misses };
}
