/**
 * What the workspace index keeps of a report: its narratives (country, year, tier), tracked
 * figures by quantity, and entity names with their mention offsets; nothing of the text but where
 * its lines start. The index service (workspaceIndex.ts) reads and watches files; this is the
 * data it keeps and how an analysis is reduced to it.
 */
import * as vscode from 'vscode';
import type { Analysis, EntityType, Figure, Span, Tier } from '../core/model';
import { type ForeignFigure, trackedFigures } from '../core/query';
import { LineMap } from '../core/lines';
import { countryKey } from '../core/country';

export interface IndexedNarrative extends Span {
  readonly country?: string;
  readonly year?: number;
  readonly tier?: Tier;
}

/** An entity of another report: its names and where it is mentioned, nothing else. */
export interface IndexedEntity {
  readonly type: EntityType;
  readonly name: string;
  readonly acronym?: string;
  readonly longForm?: string;
  readonly definition?: Span;
  /** Start and end of every mention, flattened: `[s0, e0, s1, e1, ...]`. */
  readonly mentions: Uint32Array;
}

/** What the index keeps of one TIP report: what cross-references need, not the text. */
export interface IndexedReport {
  readonly uri: vscode.Uri;
  /** `editor` when it comes from the open document's analysis, `disk` when read from the file. */
  readonly source: 'disk' | 'editor';
  readonly narratives: readonly IndexedNarrative[];
  readonly figures: readonly ForeignFigure[];
  readonly entities: readonly IndexedEntity[];
  /** Offsets at which lines start, to place links without keeping the text. */
  readonly lines: LineMap;
  /** `country|metric|RP2020` -> figures. */
  readonly byQuantity: ReadonlyMap<string, readonly ForeignFigure[]>;
  /** `a:FAMA` / `n:malian armed forces` -> entities. */
  readonly byName: ReadonlyMap<string, readonly IndexedEntity[]>;
}

/** A figure of another report of the workspace. */
export interface WorkspaceFigure {
  readonly uri: vscode.Uri;
  /** Offsets are into that report's text (as last indexed); `range` places it. */
  readonly figure: Figure;
  readonly range: vscode.Range;
  readonly country?: string;
  readonly year?: number;
}

/** The mentions of an entity in another report of the workspace. */
export interface WorkspaceMentions {
  readonly uri: vscode.Uri;
  readonly entity: IndexedEntity;
  readonly count: number;
  /** The first mention. */
  readonly first: vscode.Range;
  readonly definition?: vscode.Range;
  readonly country?: string;
  readonly year?: number;
}

export function nameKey(name: string): string {
  return name.replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * A copy of a string that does not keep the text it was cut from alive: V8 represents a
 * substring as a slice of its parent, so a kept name would keep a whole report in memory.
 */
function own<T extends string | undefined>(s: T): T {
  return (s === undefined || s.length < 13 ? s : (' ' + s).slice(1)) as T;
}

/** What the index keeps of an analysis. */
export function summarize(uri: vscode.Uri, source: IndexedReport['source'], analysis: Analysis, text: string): IndexedReport {
  const narratives: IndexedNarrative[] = (analysis.narratives.length > 0
    ? analysis.narratives
    : [{ start: 0, end: analysis.length, meta: analysis.meta }]
  ).map((n) => ({
    start: n.start, end: n.end,
    ...(n.meta.country ? { country: own(n.meta.country) } : {}),
    ...(n.meta.year ? { year: n.meta.year } : {}),
    ...(n.meta.tier ? { tier: n.meta.tier } : {}),
  }));
  const figures: ForeignFigure[] = trackedFigures(analysis).map((f) => ({
    ...f,
    key: own(f.key),
    figure: { ...f.figure, text: own(f.figure.text), counts: own(f.figure.counts) },
    ...(f.country ? { country: own(f.country) } : {}),
  }));
  const byQuantity = new Map<string, ForeignFigure[]>();
  for (const f of figures) {
    if (!f.country) continue;
    const k = `${countryKey(f.country)}|${f.key}`;
    let list = byQuantity.get(k);
    if (!list) byQuantity.set(k, (list = []));
    list.push(f);
  }
  const entities: IndexedEntity[] = analysis.entities.map((e) => {
    const mentions = new Uint32Array(e.mentions.length * 2);
    e.mentions.forEach((m, i) => {
      mentions[2 * i] = m.start;
      mentions[2 * i + 1] = m.end;
    });
    return {
      type: e.type, name: own(e.name), mentions,
      ...(e.acronym ? { acronym: own(e.acronym) } : {}),
      ...(e.longForm ? { longForm: own(e.longForm) } : {}),
      ...(e.definition ? { definition: { start: e.definition.start, end: e.definition.end } } : {}),
    };
  });
  const byName = new Map<string, IndexedEntity[]>();
  const add = (k: string, e: IndexedEntity): void => {
    let list = byName.get(k);
    if (!list) byName.set(k, (list = []));
    if (!list.includes(e)) list.push(e);
  };
  for (const e of entities) {
    add(`n:${nameKey(e.name)}`, e);
    if (e.longForm) add(`n:${nameKey(e.longForm)}`, e);
    if (e.acronym) add(`a:${e.acronym.toUpperCase()}`, e);
  }
  return { uri, source, narratives, figures, entities, lines: new LineMap(text), byQuantity, byName };
}

/** A span of a report as a range of its (indexed) lines. */
export function rangeOf(lines: LineMap, span: Span): vscode.Range {
  const a = lines.position(span.start);
  const b = lines.position(span.end);
  return new vscode.Range(a.line, a.character, b.line, b.character);
}

// Which files

/** The paths the index considers: `.tip` and `.txt` files. */
export const CANDIDATE = /\.(?:tip|txt)$/;

export function isTipName(uri: vscode.Uri): boolean {
  const p = uri.path.toLowerCase();
  return p.endsWith('.tip') || p.endsWith('.tip.txt');
}

/** Whether `key` is one of `deleted` or lies inside one of them. */
export function isUnder(key: string, deleted: ReadonlySet<string>): boolean {
  if (deleted.has(key)) return true;
  for (let i = key.lastIndexOf('/'); i > 0; i = key.lastIndexOf('/', i - 1)) {
    if (deleted.has(key.slice(0, i))) return true;
  }
  return false;
}
