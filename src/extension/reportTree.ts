import * as vscode from 'vscode';
import { statedRates } from '../core/currency';
import { ENTITY_LABELS, METRIC_LABELS, SECTION_LABELS, figureLabel, figureValue, formatNumber, periodLabel, plural } from '../core/labels';
import type { Amount, Entity, EntityType, Figure, Meta, Mention, Metric, Money, NarrativeInfo, SectionKind, Span } from '../core/model';
import type { Anchored } from '../core/annotations';
import { isTipReport, type AnalysisService, type Report } from './analysisService';
import { annotationTitle, statusText } from './annotations/labels';
import { schemaFor } from './annotations/schemaStore';
import { probes } from './probes';
import { LineMap } from '../core/lines';

/**
 * The Report view (`tipLens.report`): the active TIP report's meta, figures, money and entities.
 *
 * The tree follows the active editor and shows only what `AnalysisService.current(doc)` gives
 * for it, so it never shows an analysis of another version than the one that was current when
 * it was published. Children are built when their group expands (a 4.5 MB report has tens of
 * thousands of figures and mentions); long lists come in chunks of {@link CHUNK}. Ids are
 * derived from what an item is, not where it is, so expansion survives refreshes.
 */

const VIEW_ID = 'tipLens.report';
const GROUP_BY_KEY = 'tipLens.groupBy';
const FILTERED_KEY = 'tipLens.reportFiltered';
const GROUP_BY_STATE = 'tipLens.report.groupBy';
const REVEAL_COMMAND = 'tipLens.report.reveal';
/** Lists longer than this are split into ranges (`1-500`, `501-1000`...), as the debugger splits arrays. */
export const CHUNK = 500;
/** A filter expands its groups at once when it leaves at most this many items. */
const EXPAND_FILTERED_UP_TO = 200;

export type GroupBy = 'section' | 'metric';

interface NodeBase {
  readonly id: string;
  readonly parent?: ReportNode;
}

/** An element of the tree: plain data; its TreeItem is made only when VS Code asks for it. */
export type ReportNode =
  | (NodeBase & { readonly kind: 'report' })
  | (NodeBase & { readonly kind: 'narrative'; readonly index: number })
  | (NodeBase & { readonly kind: 'meta'; readonly field: 'country' | 'year' | 'tier'; readonly narrative: number })
  | (NodeBase & { readonly kind: 'figures' })
  | (NodeBase & { readonly kind: 'figureGroup'; readonly keys: readonly string[] })
  | (NodeBase & { readonly kind: 'figure'; readonly figure: Figure })
  | (NodeBase & { readonly kind: 'money' })
  | (NodeBase & { readonly kind: 'amount'; readonly money: Money })
  | (NodeBase & { readonly kind: 'entities' })
  | (NodeBase & { readonly kind: 'entityType'; readonly type: EntityType })
  | (NodeBase & { readonly kind: 'entity'; readonly entity: Entity })
  | (NodeBase & { readonly kind: 'mention'; readonly entity: Entity; readonly mention: Mention })
  | (NodeBase & { readonly kind: 'chunk'; readonly from: number; readonly to: number })
  | (NodeBase & { readonly kind: 'annotations' })
  | (NodeBase & { readonly kind: 'annotation'; readonly anchored: Anchored; readonly uri: string });

type NodeOf<K extends ReportNode['kind']> = Extract<ReportNode, { kind: K }>;

/** What the integration tests read through `probes.get('reportTree')`. */
export interface ReportTreeProbe {
  readonly view: vscode.TreeView<ReportNode>;
  readonly provider: vscode.TreeDataProvider<ReportNode>;
  /** The report the tree shows, if any. */
  readonly shown: Report | undefined;
  readonly groupBy: GroupBy;
  readonly filter: string | undefined;
  /** Fires after the tree changed what it shows (another report, version, grouping or filter). */
  readonly onDidRefresh: vscode.Event<void>;
}

const SECTION_ORDER = Object.keys(SECTION_LABELS) as SectionKind[];
const METRIC_ORDER = Object.keys(METRIC_LABELS) as Metric[];
const ENTITY_ORDER = Object.keys(ENTITY_LABELS) as EntityType[];

const ENTITY_ICONS: Record<EntityType, string> = {
  organization: 'organization',
  'government-body': 'shield',
  'armed-group': 'flame',
  'international-organization': 'globe',
  ngo: 'heart',
  country: 'map',
  region: 'location',
  city: 'home',
  nationality: 'person',
  law: 'law',
  plan: 'checklist',
};

/** `government body` -> `Government bodies`, `plan or policy` -> `Plans or policies`. */
export function entityTypeLabel(type: EntityType): string {
  const plural = (w: string): string => (/[^aeiou]y$/.test(w) ? `${w.slice(0, -1)}ies` : `${w}s`);
  const label = ENTITY_LABELS[type]
    .split(' or ')
    .map((part) => part.replace(/(\S+)$/, (w) => plural(w)))
    .join(' or ');
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/** `Malian armed forces (FAMa)`: the name with its acronym, as the report defines it. */
export function entityLabel(e: Entity): string {
  if (e.acronym && e.longForm) return `${e.longForm} (${e.acronym})`;
  if (e.acronym && e.acronym !== e.name) return `${e.name} (${e.acronym})`;
  return e.name;
}

function amountValue(a: Amount): string {
  return a.max !== undefined ? `${formatNumber(a.value)}-${formatNumber(a.max)}` : formatNumber(a.value);
}

/** `500,000-2,000,000 XOF ($860 to $3,440)`. */
export function moneyLabel(m: Money): string {
  return `${amountValue(m)} ${m.currency}${m.conversion ? ` (${m.conversion.text})` : ''}`;
}


function basename(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

/** Case-insensitive substring match over everything an item shows. */
class Filter {
  private readonly needle: string;
  constructor(readonly text: string) {
    this.needle = text.toLocaleLowerCase();
  }
  matches(...parts: ReadonlyArray<string | undefined>): boolean {
    return parts.some((p) => p !== undefined && p.toLocaleLowerCase().includes(this.needle));
  }
  /** Where the filter occurs in `label`, for TreeItemLabel highlights. */
  highlights(label: string): [number, number][] {
    const out: [number, number][] = [];
    const hay = label.toLocaleLowerCase();
    for (let i = hay.indexOf(this.needle); i >= 0 && this.needle; i = hay.indexOf(this.needle, i + this.needle.length)) {
      out.push([i, i + this.needle.length]);
    }
    return out;
  }
}

interface EntityEntry {
  readonly entity: Entity;
  /** Indexes into `entity.mentions` of the mentions shown. */
  readonly mentions: readonly number[];
}

/**
 * One report as a tree, for one grouping and one filter. Each group's contents are worked
 * out the first time that group is asked for and kept while this report is shown.
 */
class ReportModel {
  private figureTree?: Map<string, Map<string, Figure[]>>;
  private figureCount?: number;
  private moneyList?: readonly Money[];
  private entityTree?: Map<EntityType, EntityEntry[]>;
  private entityIndex?: Map<string, EntityEntry>;
  private annotationList?: readonly Anchored[];
  private readonly nodeLists = new Map<string, ReportNode[]>();
  /** Appended to group ids while filtered: a filter has its own expansion state, expanded by default. */
  private readonly suffix: string;

  constructor(
    readonly report: Report,
    readonly groupBy: GroupBy,
    readonly filter: Filter | undefined,
  ) {
    this.suffix = filter ? `~${filter.text}` : '';
  }

  private get analysis() {
    return this.report.analysis;
  }

  private get doc(): vscode.TextDocument {
    return this.report.document;
  }

  private lineMap?: LineMap;

  /**
   * Lines of the analyzed text, not of the live document: between an edit and its analysis the
   * offsets of this report still point into the text it was made from.
   */
  private get lines(): LineMap {
    return (this.lineMap ??= new LineMap(this.report.text));
  }

  /** The 1-based line of an offset of the analyzed text. */
  private lineOf(offset: number): number {
    return this.lines.line(offset) + 1;
  }

  /** The line of the analyzed text that holds `offset`, and where it starts. */
  private lineAround(offset: number): { line: number; start: number; text: string } {
    const line = this.lines.line(offset);
    const start = this.lines.lineStart(line);
    const next = line + 1 < this.lines.lineCount ? this.lines.lineStart(line + 1) : this.report.text.length;
    return { line, start, text: this.report.text.slice(start, next).replace(/\r?\n$|\r$/, '') };
  }

  // ---- What is shown --------------------------------------------------------------------

  narratives(): readonly NarrativeInfo[] {
    const a = this.analysis;
    return a.narratives.length > 0 ? a.narratives : [{ start: 0, end: a.length, meta: a.meta }];
  }

  private metaText(field: NodeOf<'meta'>['field'], meta: Meta): { label: string; description: string } {
    if (field === 'country') return { label: meta.country ?? 'Country not stated', description: 'country' };
    if (field === 'year') return { label: meta.year !== undefined ? String(meta.year) : 'Year not stated', description: 'report year' };
    const change = meta.tierChange;
    return { label: meta.tier ?? 'Tier not stated', description: change ? this.sentenceAround(change) : 'tier' };
  }

  private narrativeLabel(meta: Meta): string {
    return [meta.country ?? 'Unknown country', meta.year].filter((x) => x !== undefined).join(' ');
  }

  private metaFields(index: number): NodeOf<'meta'>['field'][] {
    const meta = this.narratives()[index]!.meta;
    const fields: NodeOf<'meta'>['field'][] = ['country', 'year', 'tier'];
    const f = this.filter;
    if (!f || f.matches('Report', this.narrativeLabel(meta))) return fields;
    return fields.filter((field) => {
      const t = this.metaText(field, meta);
      return f.matches(t.label, t.description);
    });
  }

  private visibleNarratives(): number[] {
    return this.narratives()
      .map((_, i) => i)
      .filter((i) => this.metaFields(i).length > 0);
  }

  private figureVisible(f: Figure): boolean {
    const x = this.filter;
    return !x || x.matches('Figures', SECTION_LABELS[f.section], METRIC_LABELS[f.metric], figureLabel(f), f.text, figureValue(f));
  }

  /** Figures by outer then inner key (section then metric, or the other way), in document order. */
  figures(): Map<string, Map<string, Figure[]>> {
    if (this.figureTree) return this.figureTree;
    const bySection = this.groupBy === 'section';
    const outer = (f: Figure): string => (bySection ? f.section : f.metric);
    const inner = (f: Figure): string => (bySection ? f.metric : f.section);
    const rank = (order: readonly string[]) => (k: string) => order.indexOf(k);
    const outerRank = rank(bySection ? SECTION_ORDER : METRIC_ORDER);
    const innerRank = rank(bySection ? METRIC_ORDER : SECTION_ORDER);
    const tree = new Map<string, Map<string, Figure[]>>();
    let count = 0;
    for (const f of this.analysis.figures) {
      if (!this.figureVisible(f)) continue;
      count++;
      let m = tree.get(outer(f));
      if (!m) tree.set(outer(f), (m = new Map()));
      let list = m.get(inner(f));
      if (!list) m.set(inner(f), (list = []));
      list.push(f);
    }
    const sorted = new Map([...tree.entries()].sort(([a], [b]) => outerRank(a) - outerRank(b)));
    for (const [k, m] of sorted) sorted.set(k, new Map([...m.entries()].sort(([a], [b]) => innerRank(a) - innerRank(b))));
    this.figureCount = count;
    return (this.figureTree = sorted);
  }

  /** How many figures are shown; without a filter, without grouping them. */
  private figureTotal(): number {
    if (!this.filter) return this.analysis.figures.length;
    this.figures();
    return this.figureCount!;
  }

  money(): readonly Money[] {
    const x = this.filter;
    if (!x) return this.analysis.money;
    return (this.moneyList ??= this.analysis.money.filter((m) =>
      x.matches('Money', moneyLabel(m), m.text, m.conversion?.text, SECTION_LABELS[m.section]),
    ));
  }

  entities(): Map<EntityType, EntityEntry[]> {
    if (this.entityTree) return this.entityTree;
    const x = this.filter;
    const tree = new Map<EntityType, EntityEntry[]>();
    const index = new Map<string, EntityEntry>();
    const all = (e: Entity): number[] => e.mentions.map((_, i) => i);
    for (const entity of this.analysis.entities) {
      let mentions: number[];
      if (!x || x.matches('Entities', entityTypeLabel(entity.type), entityLabel(entity), entity.name, entity.acronym, entity.longForm)) {
        mentions = all(entity);
      } else {
        mentions = [];
        entity.mentions.forEach((m, i) => {
          if (x.matches(m.text)) mentions.push(i);
        });
        if (mentions.length === 0) continue;
      }
      const entry = { entity, mentions };
      let list = tree.get(entity.type);
      if (!list) tree.set(entity.type, (list = []));
      list.push(entry);
      index.set(entity.id, entry);
    }
    this.entityIndex = index;
    return (this.entityTree = new Map([...tree.entries()].sort(([a], [b]) => ENTITY_ORDER.indexOf(a) - ENTITY_ORDER.indexOf(b))));
  }

  private entityEntry(entity: Entity): EntityEntry | undefined {
    this.entities();
    return this.entityIndex!.get(entity.id);
  }

  private entityCount(): number {
    if (!this.filter) return this.analysis.entities.length;
    let n = 0;
    for (const list of this.entities().values()) n += list.length;
    return n;
  }

  /** The researcher's annotations (orphaned ones too), in document order, orphaned last. */
  annotations(): readonly Anchored[] {
    if (this.annotationList) return this.annotationList;
    const all = [...this.report.annotated.anchored].sort((p, q) => (p.span?.start ?? Infinity) - (q.span?.start ?? Infinity));
    const x = this.filter;
    const schema = schemaFor(this.doc.uri);
    return (this.annotationList = x
      ? all.filter((a) => x.matches('My annotations', annotationTitle(a.annotation, schema), a.annotation.selector[1].exact, a.annotation.note, a.span ? undefined : 'orphaned'))
      : all);
  }

  /** Nothing at all to show: a filter that matches nothing. */
  isEmpty(): boolean {
    return this.roots().length === 0;
  }

  // ---- The tree --------------------------------------------------------------------------

  roots(): ReportNode[] {
    const out: ReportNode[] = [];
    const f = this.filter;
    if (!f || this.visibleNarratives().length > 0) out.push({ kind: 'report', id: `report${this.suffix}` });
    if (!f || this.figureTotal() > 0) out.push({ kind: 'figures', id: `figures${this.suffix}` });
    if (!f || this.money().length > 0) out.push({ kind: 'money', id: `money${this.suffix}` });
    if (!f || this.entities().size > 0) out.push({ kind: 'entities', id: `entities${this.suffix}` });
    if (this.annotations().length > 0) out.push({ kind: 'annotations', id: `annotations${this.suffix}` });
    return out;
  }

  children(node: ReportNode): ReportNode[] {
    switch (node.kind) {
      case 'report': {
        const visible = this.visibleNarratives();
        if (this.narratives().length === 1) return this.metaNodes(node, 0);
        return this.listed(node, visible.map((index) => ({ kind: 'narrative' as const, index })), (n) => `n${n.index}`);
      }
      case 'narrative':
        return this.metaNodes(node, node.index);
      case 'figures':
        return [...this.figures().keys()].map((k) => ({ kind: 'figureGroup', keys: [k], id: `${node.id}/by-${this.groupBy}/${k}`, parent: node }));
      case 'figureGroup': {
        const inner = this.figures().get(node.keys[0]!);
        if (!inner) return [];
        if (node.keys.length === 1) {
          return [...inner.keys()].map((k) => ({ kind: 'figureGroup', keys: [node.keys[0]!, k], id: `${node.id}/${k}`, parent: node }));
        }
        const list = inner.get(node.keys[1]!) ?? [];
        return this.listed(node, list.map((figure) => ({ kind: 'figure' as const, figure })), (n) => n.figure.text);
      }
      case 'money':
        return this.listed(node, this.money().map((money) => ({ kind: 'amount' as const, money })), (n) => n.money.text);
      case 'entities':
        return [...this.entities().keys()].map((type) => ({ kind: 'entityType', type, id: `${node.id}/${type}`, parent: node }));
      case 'entityType':
        return this.listed(node, (this.entities().get(node.type) ?? []).map((e) => ({ kind: 'entity' as const, entity: e.entity })), (n) => n.entity.id);
      case 'entity': {
        const entry = this.entityEntry(node.entity);
        if (!entry) return [];
        const entity = entry.entity;
        return this.listed(node, entry.mentions.map((i) => ({ kind: 'mention' as const, entity, mention: entity.mentions[i]!, key: i })), (n) => String(n.key));
      }
      case 'annotations': {
        const uri = this.doc.uri.toString();
        return this.listed(node, this.annotations().map((anchored) => ({ kind: 'annotation' as const, anchored, uri })), (n) => n.anchored.annotation.id);
      }
      case 'chunk':
        // The same ids as in the whole list; the chunk is their parent on screen.
        return this.nodeList(node.parent!)
          .slice(node.from, node.to)
          .map((n) => ({ ...n, parent: node }));
      default:
        return [];
    }
  }

  private metaNodes(parent: ReportNode, narrative: number): ReportNode[] {
    return this.metaFields(narrative).map((field) => ({ kind: 'meta', field, narrative, id: `${parent.id}/${field}`, parent }));
  }

  /**
   * The children of a list node: ids from each item's key and its occurrence (the second
   * `40` under one group is `40@1`), in ranges of CHUNK when the list is long.
   */
  private listed<T extends object>(parent: ReportNode, items: readonly T[], key: (item: T) => string): ReportNode[] {
    const seen = new Map<string, number>();
    const nodes = items.map((item) => {
      const k = encodeURIComponent(key(item));
      const n = seen.get(k) ?? 0;
      seen.set(k, n + 1);
      return { ...item, id: `${parent.id}/${k}@${n}`, parent } as unknown as ReportNode;
    });
    this.nodeLists.set(parent.id, nodes);
    if (nodes.length <= CHUNK) return nodes;
    const chunks: ReportNode[] = [];
    for (let from = 0; from < nodes.length; from += CHUNK) {
      const to = Math.min(nodes.length, from + CHUNK);
      chunks.push({ kind: 'chunk', from, to, id: `${parent.id}/[${from}]`, parent });
    }
    return chunks;
  }

  /** The full list under `parent`, for its chunks. */
  private nodeList(parent: ReportNode): ReportNode[] {
    if (!this.nodeLists.has(parent.id)) this.children(parent);
    return this.nodeLists.get(parent.id) ?? [];
  }

  // ---- Tree items ------------------------------------------------------------------------

  item(node: ReportNode): vscode.TreeItem {
    const group = (label: string, state: vscode.TreeItemCollapsibleState, icon: string, description?: string): vscode.TreeItem => {
      const item = new vscode.TreeItem(this.label(label), state);
      item.iconPath = new vscode.ThemeIcon(icon);
      if (description !== undefined) item.description = description;
      return item;
    };
    const { Collapsed, Expanded, None } = vscode.TreeItemCollapsibleState;
    /** Groups open by default under a filter that leaves few items, so its matches show at once. */
    const fewMatches = this.filter !== undefined && this.figureTotal() + this.money().length + this.entityCount() <= EXPAND_FILTERED_UP_TO;
    const openIf = (open: boolean) => (open || fewMatches ? Expanded : Collapsed);
    let item: vscode.TreeItem;
    switch (node.kind) {
      case 'report': {
        const narratives = this.narratives();
        const single = narratives.length === 1;
        const meta = narratives[0]!.meta;
        const description = single
          ? [meta.country, meta.year, meta.tier].filter((x) => x !== undefined).join(' · ')
          : this.count(this.visibleNarratives().length, narratives.length, 'narrative');
        item = group('Report', openIf(true), 'book', description);
        // Markdown, not a string: a string tooltip would become the row's aria-label.
        item.tooltip = new vscode.MarkdownString(`${escapeMarkdown(basename(this.doc.uri))}: ${plural(narratives.length, 'narrative')}`);
        break;
      }
      case 'narrative': {
        const n = this.narratives()[node.index]!;
        item = group(this.narrativeLabel(n.meta), Collapsed, 'file-text', n.meta.tier);
        item.command = this.reveal(this.titleLine(n));
        break;
      }
      case 'meta': {
        const n = this.narratives()[node.narrative]!;
        const t = this.metaText(node.field, n.meta);
        item = group(t.label, None, node.field === 'country' ? 'globe' : node.field === 'year' ? 'calendar' : 'layers', t.description);
        if (node.field === 'tier') {
          const md = new vscode.MarkdownString();
          md.appendMarkdown(`**Tier**: ${escapeMarkdown(n.meta.tier ?? 'not stated')}`);
          if (n.meta.tierChange) {
            md.appendMarkdown(`\n\n**Summary** (${n.meta.tierChange.change}):\n\n> ${escapeMarkdown(this.sentenceAround(n.meta.tierChange))}`);
          }
          item.tooltip = md;
          const span = n.meta.tierSpan ?? n.meta.tierChange;
          item.command = this.reveal(span ?? this.titleLine(n));
        } else {
          item.command = this.reveal(this.titleLine(n));
        }
        break;
      }
      case 'figures':
        item = group('Figures', openIf(true), 'symbol-numeric', this.count(this.figureTotal(), this.analysis.figures.length));
        if (this.analysis.figures.length === 0) item.collapsibleState = None;
        break;
      case 'figureGroup': {
        const key = node.keys[node.keys.length - 1]!;
        const bySectionFirst = this.groupBy === 'section';
        const isSection = (node.keys.length === 1) === bySectionFirst;
        const label = isSection ? SECTION_LABELS[key as SectionKind] : METRIC_LABELS[key as Metric];
        const inner = this.figures().get(node.keys[0]!);
        const n = node.keys.length === 1 ? [...(inner?.values() ?? [])].reduce((s, l) => s + l.length, 0) : inner?.get(key)?.length ?? 0;
        item = group(label, openIf(false), isSection ? 'list-tree' : 'graph', String(n));
        break;
      }
      case 'figure': {
        const f = node.figure;
        const label = figureLabel(f);
        // The value as a number when the label does not already start with it (`five to 10` -> `5-10 years`).
        const value = figureValue(f);
        item = group(label, None, 'symbol-number', [label.startsWith(value) ? '' : value, this.where(f), statusText(f)].filter(Boolean).join(' · '));
        item.command = this.reveal(f);
        break;
      }
      case 'money':
        item = group('Money', openIf(false), 'credit-card', this.count(this.money().length, this.analysis.money.length));
        if (this.analysis.money.length === 0) item.collapsibleState = None;
        break;
      case 'amount': {
        const m = node.money;
        item = group(moneyLabel(m), None, 'tag', [SECTION_LABELS[m.section], this.where(m), statusText(m)].filter(Boolean).join(' · '));
        item.command = this.reveal(m.conversion ? { start: m.start, end: Math.max(m.end, m.conversion.end) } : m);
        break;
      }
      case 'entities': {
        const total = this.analysis.entities.length;
        item = group('Entities', openIf(false), 'symbol-class', this.count(this.entityCount(), total));
        if (total === 0) item.collapsibleState = None;
        break;
      }
      case 'entityType':
        item = group(entityTypeLabel(node.type), openIf(false), ENTITY_ICONS[node.type], String(this.entities().get(node.type)?.length ?? 0));
        break;
      case 'entity': {
        const e = node.entity;
        const shown = this.entityEntry(e)?.mentions.length ?? 0;
        item = group(entityLabel(e), shown > 0 ? Collapsed : None, ENTITY_ICONS[e.type], this.count(shown, e.mentions.length, 'mention'));
        const target = e.definition ?? e.mentions[0];
        if (target) item.command = this.reveal(target);
        break;
      }
      case 'mention':
        item = new vscode.TreeItem(this.mentionLabel(node.mention), None);
        item.iconPath = new vscode.ThemeIcon(node.mention.definition ? 'symbol-key' : 'quote');
        if (node.mention.definition || statusText(node.mention)) item.description = [node.mention.definition ? 'definition' : '', statusText(node.mention)].filter(Boolean).join(' · ');
        item.command = this.reveal(node.mention);
        break;
      case 'annotations': {
        const list = this.annotations();
        const orphaned = list.filter((a) => !a.span).length;
        item = group('My annotations', openIf(true), 'note', [String(list.length), orphaned ? `${orphaned} orphaned` : ''].filter(Boolean).join(' · '));
        break;
      }
      case 'annotation': {
        const a = node.anchored;
        const quote = a.annotation.selector[1].exact.replace(/\s+/g, ' ').trim();
        const title = annotationTitle(a.annotation, schemaFor(this.doc.uri));
        item = new vscode.TreeItem(this.label(`“${quote.length > 60 ? `${quote.slice(0, 59)}…` : quote}”`), None);
        item.iconPath = new vscode.ThemeIcon(a.span ? (a.annotation.note ? 'comment' : 'tag') : 'warning');
        item.description = [title, a.span ? `line ${this.lineOf(a.span.start)}` : 'orphaned: its text is gone'].join(' · ');
        const md = new vscode.MarkdownString();
        md.appendMarkdown(`**${escapeMarkdown(title)}**${a.span ? '' : ' (orphaned: its text is no longer in the report)'}\n\n`);
        const q = a.annotation.selector[1];
        md.appendMarkdown(`> ${escapeMarkdown(`${q.prefix}`)}**${escapeMarkdown(q.exact)}**${escapeMarkdown(q.suffix)}\n\n`);
        if (a.annotation.note) md.appendMarkdown(`**Note**: ${escapeMarkdown(a.annotation.note)}\n\n`);
        md.appendMarkdown(`_${escapeMarkdown(a.annotation.created)}_`);
        item.tooltip = md;
        if (a.span) item.command = this.reveal(a.span);
        item.contextValue = a.span ? 'annotation' : 'annotation.orphaned';
        break;
      }
      case 'chunk':
        item = group(`${formatNumber(node.from + 1)}-${formatNumber(node.to)}`, Collapsed, 'ellipsis', plural(node.to - node.from, 'item'));
        break;
    }
    item.id = node.id;
    item.contextValue ??= node.kind;
    return item;
  }

  /** The tooltips that need the report's text, made when the pointer rests on an item. */
  resolve(item: vscode.TreeItem, node: ReportNode): vscode.TreeItem {
    if (item.tooltip !== undefined) return item;
    switch (node.kind) {
      case 'figure':
        item.tooltip = this.figureTooltip(node.figure);
        break;
      case 'amount':
        item.tooltip = this.moneyTooltip(node.money);
        break;
      case 'entity':
        item.tooltip = this.entityTooltip(node.entity);
        break;
      case 'mention': {
        const md = new vscode.MarkdownString();
        md.appendMarkdown(`**${escapeMarkdown(entityLabel(node.entity))}** (${ENTITY_LABELS[node.entity.type]})\n\n`);
        md.appendMarkdown(`> ${escapeMarkdown(this.sentenceAround(node.mention))}`);
        item.tooltip = md;
        break;
      }
      default:
        break;
    }
    return item;
  }

  private figureTooltip(f: Figure): vscode.MarkdownString {
    const md = new vscode.MarkdownString();
    md.appendMarkdown(`**${escapeMarkdown(figureLabel(f))}**\n\n`);
    md.appendMarkdown(`> ${escapeMarkdown(this.sentence(f.sentence, f))}\n\n`);
    const rows: Array<[string, string | undefined]> = [
      ['Value', figureValue(f)],
      ['Metric', METRIC_LABELS[f.metric]],
      ['Period', periodLabel(f.period)],
      ['Qualifier', f.qualifier ?? 'none'],
      ['Section', SECTION_LABELS[f.section]],
      ['Line', String(this.lineOf(f.start))],
    ];
    this.table(md, rows);
    return md;
  }

  private moneyTooltip(m: Money): vscode.MarkdownString {
    const md = new vscode.MarkdownString();
    md.appendMarkdown(`**${escapeMarkdown(moneyLabel(m))}**\n\n`);
    md.appendMarkdown(`> ${escapeMarkdown(this.sentence(m.sentence, m))}\n\n`);
    const rows: Array<[string, string | undefined]> = [['As written', m.text], ['Currency', m.currency]];
    if (m.conversion) {
      rows.push(['Stated conversion', `${m.conversion.text} (${amountValue(m.conversion)} ${m.conversion.currency})`]);
      const stated = statedRates([m])[0];
      if (m.impliedRate !== undefined) {
        const range = stated && Number.isFinite(stated.high) ? ` (its rounding allows ${formatRate(stated.low)} to ${formatRate(stated.high)})` : '';
        rows.push(['Implied rate', `1 ${m.conversion.currency} = ${formatRate(m.impliedRate)} ${m.currency}${range}`]);
      }
    } else {
      rows.push(['Stated conversion', 'none']);
    }
    rows.push(['Period', periodLabel(m.period)], ['Section', SECTION_LABELS[m.section]], ['Line', String(this.lineOf(m.start))]);
    this.table(md, rows);
    return md;
  }

  private entityTooltip(e: Entity): vscode.MarkdownString {
    const md = new vscode.MarkdownString();
    md.appendMarkdown(`**${escapeMarkdown(entityLabel(e))}**\n\n`);
    const line = (s: Span): string => String(this.lineOf(s.start));
    const rows: Array<[string, string | undefined]> = [
      ['Type', ENTITY_LABELS[e.type]],
      ['Acronym', e.acronym],
      ['Long form', e.longForm],
      ['Defined', e.definition ? `line ${line(e.definition)}` : undefined],
      ['Mentions', String(e.mentions.length)],
      ['First mention', e.mentions[0] ? `line ${line(e.mentions[0])}` : undefined],
    ];
    this.table(md, rows);
    return md;
  }

  private table(md: vscode.MarkdownString, rows: ReadonlyArray<[string, string | undefined]>): void {
    md.appendMarkdown('| | |\n|---|---|\n');
    for (const [k, v] of rows) {
      if (v === undefined) continue;
      md.appendMarkdown(`| ${k} | ${escapeMarkdown(v)} |\n`);
    }
  }

  /** `line 12: …the Malian armed forces (FAMa) recruited…`, the mention highlighted. */
  private mentionLabel(m: Mention): vscode.TreeItemLabel {
    const around = this.lineAround(m.start);
    const text = around.text;
    const pos = { line: around.line, character: m.start - around.start };
    const startCol = Math.min(pos.character, text.length);
    const endCol = Math.min(text.length, startCol + (m.end - m.start));
    const reach = 32;
    let from = Math.max(0, startCol - reach);
    if (from > 0) from = Math.min(startCol, text.indexOf(' ', from) + 1 || startCol);
    let to = Math.min(text.length, endCol + reach);
    if (to < text.length) to = Math.max(endCol, text.lastIndexOf(' ', to));
    const prefix = `line ${pos.line + 1}: ${from > 0 ? '…' : ''}`;
    const before = text.slice(from, startCol);
    const label = `${prefix}${before}${text.slice(startCol, endCol)}${text.slice(endCol, to).trimEnd()}${to < text.length ? '…' : ''}`;
    const at = prefix.length + before.length;
    return { label, highlights: [[at, at + endCol - startCol]] };
  }

  private label(text: string): string | vscode.TreeItemLabel {
    const highlights = this.filter?.highlights(text) ?? [];
    return highlights.length > 0 ? { label: text, highlights } : text;
  }

  private count(shown: number, total: number, unit?: string): string {
    const n = this.filter && shown !== total ? `${formatNumber(shown)} of ${formatNumber(total)}` : formatNumber(shown);
    return unit ? `${n} ${total === 1 ? unit : `${unit}s`}` : n;
  }

  /** The country of an item of a file that holds several narratives. */
  private where(span: Span): string | undefined {
    if (this.narratives().length < 2) return undefined;
    return this.report.index.narrativeAt(span.start)?.meta.country;
  }

  private titleLine(n: NarrativeInfo): Span {
    const around = this.lineAround(n.start);
    return { start: n.start, end: Math.max(n.start, around.start + around.text.length) };
  }

  private text(span: Span): string {
    return this.report.text.slice(span.start, span.end).replace(/\s+/g, ' ').trim();
  }

  private sentence(index: number, fallback: Span): string {
    const s = this.analysis.sentences[index];
    return this.text(s ?? fallback);
  }

  /** The sentence that holds `span` (a binary search over the sorted sentences). */
  private sentenceAround(span: Span): string {
    const sentences = this.analysis.sentences;
    let lo = 0;
    let hi = sentences.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = sentences[mid]!;
      if (s.end <= span.start) lo = mid + 1;
      else if (s.start > span.start) hi = mid - 1;
      else return this.text(s);
    }
    return this.text(span);
  }

  private reveal(span: Span): vscode.Command {
    return {
      command: REVEAL_COMMAND,
      title: 'Reveal in Editor',
      // The version and the text it had, so a click between an edit and the next analysis still
      // finds its text (the offsets are of the analyzed version).
      arguments: [this.doc.uri, span.start, span.end, { preserveFocus: true, version: this.report.version, quote: this.report.text.slice(span.start, span.end) }],
    };
  }
}

function formatRate(r: number): string {
  return r.toLocaleString('en-US', { maximumFractionDigits: r >= 100 ? 1 : 4 });
}

/** Text as Markdown that shows it literally (every ASCII punctuation mark escaped; spaces kept, so it wraps). */
function escapeMarkdown(s: string): string {
  return s.replace(/[!-/:-@[-`{-~]/g, (c) => `\\${c}`);
}

/** A base that disposes what it registers, as markdown-language-features' `Disposable`. */
abstract class Disposable implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  protected register<T extends vscode.Disposable>(d: T): T {
    this.disposables.push(d);
    return d;
  }
  dispose(): void {
    while (this.disposables.length) this.disposables.pop()!.dispose();
  }
}

/** The Report view: its provider, its commands and what it follows. */
class ReportTree extends Disposable implements vscode.TreeDataProvider<ReportNode>, ReportTreeProbe {
  private readonly changeEmitter = this.register(new vscode.EventEmitter<ReportNode | undefined | void>());
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private readonly refreshEmitter = this.register(new vscode.EventEmitter<void>());
  readonly onDidRefresh = this.refreshEmitter.event;
  readonly view: vscode.TreeView<ReportNode>;
  private model: ReportModel | undefined;
  /** A TIP report that is active but not read yet. */
  private reading: vscode.TextDocument | undefined;
  private groupByValue: GroupBy;
  private filterValue: Filter | undefined;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly service: AnalysisService,
  ) {
    super();
    this.groupByValue = context.workspaceState.get<GroupBy>(GROUP_BY_STATE) === 'metric' ? 'metric' : 'section';
    this.view = this.register(vscode.window.createTreeView(VIEW_ID, { treeDataProvider: this, showCollapseAll: true }));
    this.register(vscode.commands.registerCommand('tipLens.report.groupBySection', () => this.setGroupBy('section')));
    this.register(vscode.commands.registerCommand('tipLens.report.groupByMetric', () => this.setGroupBy('metric')));
    this.register(vscode.commands.registerCommand('tipLens.report.filter', (text?: unknown) => this.askFilter(text)));
    this.register(vscode.commands.registerCommand('tipLens.report.clearFilter', () => this.setFilter(undefined)));
    this.register(vscode.commands.registerCommand(REVEAL_COMMAND, revealInEditor));
    this.register(vscode.window.onDidChangeActiveTextEditor(() => this.follow()));
    this.register(vscode.window.tabGroups.onDidChangeTabs(() => {
      if (!this.model && !this.reading) this.updateChrome();
    }));
    this.register(service.onDidAnalyze((r) => this.onDidAnalyze(r)));
    // A report closed, or set to another language (VS Code closes and reopens it): look again.
    const relook = (doc: vscode.TextDocument): void => {
      const key = doc.uri.toString();
      const concerned = [this.model?.report.document, this.reading, vscode.window.activeTextEditor?.document];
      if (concerned.some((d) => d?.uri.toString() === key)) this.follow();
    };
    this.register(vscode.workspace.onDidCloseTextDocument(relook));
    this.register(vscode.workspace.onDidOpenTextDocument(relook));
    void vscode.commands.executeCommand('setContext', GROUP_BY_KEY, this.groupByValue);
    void vscode.commands.executeCommand('setContext', FILTERED_KEY, false);
    this.follow();
  }

  get provider(): vscode.TreeDataProvider<ReportNode> {
    return this;
  }

  get shown(): Report | undefined {
    return this.model?.report;
  }

  get groupBy(): GroupBy {
    return this.groupByValue;
  }

  get filter(): string | undefined {
    return this.filterValue?.text;
  }

  // ---- TreeDataProvider ------------------------------------------------------------------

  getTreeItem(node: ReportNode): vscode.TreeItem {
    return this.model ? this.model.item(node) : new vscode.TreeItem('');
  }

  getChildren(node?: ReportNode): ReportNode[] {
    if (!this.model) return [];
    return node ? this.model.children(node) : this.model.roots();
  }

  getParent(node: ReportNode): ReportNode | undefined {
    return node.parent;
  }

  resolveTreeItem(item: vscode.TreeItem, node: ReportNode): vscode.TreeItem {
    return this.model ? this.model.resolve(item, node) : item;
  }

  // ---- What the tree follows -------------------------------------------------------------

  /** The document the tree is about: the active editor's, if it is a TIP report. */
  private follow(): void {
    const editor = vscode.window.activeTextEditor;
    if (editor?.document.uri.scheme === 'output') return; // the Output panel: keep what is shown
    if (!editor) {
      // No text editor is active (all closed, or a settings page, an image...): keep a report
      // that is still on screen.
      const shownDoc = this.model?.report.document;
      if (shownDoc && vscode.window.visibleTextEditors.some((e) => e.document === shownDoc)) return;
    }
    // After a change of language the editor may still hold the closed document: take the open one.
    const doc = editor?.document.isClosed
      ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === editor.document.uri.toString())
      : editor?.document;
    if (!doc || !isTipReport(doc)) {
      this.reading = undefined;
      this.show(undefined);
      return;
    }
    const report = this.service.current(doc);
    if (report) {
      this.reading = undefined;
      this.show(report);
      return;
    }
    const shown = this.model?.report;
    // Edited since: the analysis of the new version refreshes the tree.
    if (shown?.document === doc && !doc.isClosed && shown.version !== doc.version) return;
    this.reading = doc;
    this.show(undefined);
    // The service publishes the result through onDidAnalyze.
    this.service.report(doc).catch(() => undefined);
  }

  private onDidAnalyze(r: Report): void {
    const key = r.document.uri.toString();
    const active = vscode.window.activeTextEditor?.document;
    const followed = active ? active.uri.toString() === key : this.model?.report.document.uri.toString() === key;
    if (!followed) return;
    // Only ever the current version: an event for an older one is ignored.
    const current = this.service.current(r.document);
    if (!current) return;
    this.reading = undefined;
    this.show(current);
  }

  private show(report: Report | undefined): void {
    if (report === this.model?.report) {
      this.updateChrome();
      return;
    }
    // Not render(undefined): that would mean the report shown.
    if (report) this.render(report);
    else this.clear();
  }

  private clear(): void {
    this.model = undefined;
    this.updateChrome();
    this.changeEmitter.fire();
    this.refreshEmitter.fire();
  }

  /** Rebuilds the tree for `report` (by default the one shown) with the current grouping and filter. */
  private render(report: Report | undefined = this.model?.report): void {
    this.model = report ? new ReportModel(report, this.groupByValue, this.filterValue) : undefined;
    this.updateChrome();
    this.changeEmitter.fire();
    this.refreshEmitter.fire();
  }

  /** The view's description (the filter, or the file) and its message. */
  private updateChrome(): void {
    const report = this.model?.report;
    const filter = this.filterValue?.text;
    this.view.description = filter ? `Filter: ${filter}` : report ? basename(report.document.uri) : undefined;
    this.view.message = this.message();
  }

  private message(): string | undefined {
    if (this.model) {
      return this.filterValue && this.model.isEmpty()
        ? `Nothing in ${basename(this.model.report.document.uri)} matches "${this.filterValue.text}".`
        : undefined;
    }
    if (this.reading) return `Reading ${basename(this.reading.uri)}…`;
    // Not a TIP report: say so when there is one to switch to; otherwise the welcome content shows.
    const open = openTipReports();
    if (open.length === 0) return undefined;
    const names = open.slice(0, 3).join(', ') + (open.length > 3 ? '…' : '');
    const active = vscode.window.activeTextEditor?.document;
    const what = active ? `${basename(active.uri)} is not a TIP report` : 'No TIP report is active';
    return `${what}. Switch to ${open.length === 1 ? names : `one of ${names}`} to see its figures, money and entities.`;
  }

  // ---- Commands --------------------------------------------------------------------------

  private setGroupBy(groupBy: GroupBy): void {
    if (groupBy === this.groupByValue) return;
    this.groupByValue = groupBy;
    void this.context.workspaceState.update(GROUP_BY_STATE, groupBy);
    void vscode.commands.executeCommand('setContext', GROUP_BY_KEY, groupBy);
    this.render();
  }

  /** Asks for a filter; a string argument (a keybinding's `args`, a test) is taken as it is. */
  private async askFilter(text?: unknown): Promise<void> {
    if (typeof text === 'string') {
      this.setFilter(text);
      return;
    }
    const value = await vscode.window.showInputBox({
      title: 'Filter Report',
      prompt: 'Show only the items whose label or text contains this (case does not matter). Empty clears the filter.',
      placeHolder: 'FAMa, investigations, XOF, Bamako…',
      value: this.filterValue?.text ?? '',
    });
    if (value !== undefined) this.setFilter(value);
  }

  private setFilter(text: string | undefined): void {
    const t = text?.trim();
    const next = t ? new Filter(t) : undefined;
    if (next?.text === this.filterValue?.text) return;
    this.filterValue = next;
    void vscode.commands.executeCommand('setContext', FILTERED_KEY, next !== undefined);
    this.render();
  }
}

/** The names of the TIP reports open in editor tabs. */
function openTipReports(): string[] {
  const tip = new Set(vscode.workspace.textDocuments.filter((d) => isTipReport(d)).map((d) => d.uri.toString()));
  const names = new Set<string>();
  for (const group of vscode.window.tabGroups.all) {
    for (const tab of group.tabs) {
      const input = tab.input;
      if (!(input instanceof vscode.TabInputText)) continue;
      if (tip.has(input.uri.toString()) || /\.tip(\.txt)?$/i.test(input.uri.path)) names.add(basename(input.uri));
    }
  }
  return [...names];
}

/**
 * `tipLens.report.reveal(uri, start, end, options?)`: opens the document if it is not open,
 * and selects `start`..`end` (UTF-16 offsets) in it.
 */
async function revealInEditor(uri: unknown, start: unknown, end: unknown,
  options?: { preserveFocus?: boolean; version?: number; quote?: string }): Promise<void> {
  const target = uri instanceof vscode.Uri ? uri : typeof uri === 'string' ? vscode.Uri.parse(uri) : undefined;
  if (!target || typeof start !== 'number' || typeof end !== 'number') {
    void vscode.window.showErrorMessage('TIP Lens: Reveal in Editor needs a document and a range.');
    return;
  }
  const doc = await vscode.workspace.openTextDocument(target);
  [start, end] = relocate(doc, start, end, options);
  const range = new vscode.Range(doc.positionAt(start as number), doc.positionAt(end as number));
  const visible = vscode.window.visibleTextEditors.find((e) => e.document === doc);
  const editor = await vscode.window.showTextDocument(doc, {
    viewColumn: visible?.viewColumn ?? vscode.ViewColumn.Active,
    preserveFocus: options?.preserveFocus ?? false,
    selection: range,
  });
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/**
 * Offsets of an analyzed version in the document as it is now: unchanged when the version is the
 * same or the quote is still there; else the nearest occurrence of the quote around them.
 */
function relocate(doc: vscode.TextDocument, start: number, end: number, o?: { version?: number; quote?: string }): [number, number] {
  if (!o?.quote || o.version === undefined || o.version === doc.version) return [start, end];
  const text = doc.getText();
  if (text.slice(start, end) === o.quote) return [start, end];
  const from = Math.max(0, start - 4096);
  let best = -1;
  for (let at = text.indexOf(o.quote, from); at !== -1 && at <= start + 4096; at = text.indexOf(o.quote, at + 1)) {
    if (best < 0 || Math.abs(at - start) < Math.abs(best - start)) best = at;
  }
  return best < 0 ? [start, end] : [best, best + o.quote.length];
}

export function registerReportTree(context: vscode.ExtensionContext, service: AnalysisService): void {
  const tree = new ReportTree(context, service);
  context.subscriptions.push(tree);
  probes.set('reportTree', tree satisfies ReportTreeProbe);
}
