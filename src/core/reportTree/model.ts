/**
 * The Report view's model: one report as a tree of plain nodes, for one grouping and one
 * filter, and what each node shows (label, description, tooltip as Markdown, the span a click
 * reveals). No `vscode`: src/extension/reportTree.ts turns a {@link NodeView} into a TreeItem
 * and wires the view; test/unit/reportTreeModel.test.ts tests this with plain mocha.
 *
 * Children are built when their group expands (a 4.5 MB report has tens of thousands of
 * figures and mentions); long lists come in chunks of {@link CHUNK}. Ids are derived from what
 * an item is, not where it is, so expansion survives refreshes.
 */
import type { Anchored } from '../annotations';
import { readableDate } from '../labels';
import { formatRate, statedRates } from '../currency';
import { ENTITY_LABELS, METRIC_LABELS, SECTION_LABELS, figureLabel, figureValue, formatNumber, periodLabel, plural } from '../labels';
import { LineMap } from '../lines';
import type { Analysis, Entity, EntityType, Figure, Meta, Mention, Metric, Money, NarrativeInfo, SectionKind, Span } from '../model';
import { lastStartingAtOrBefore } from '../spans';
import { amountValue, entityLabel, entityTypeLabel, escapeMarkdown, Filter, moneyLabel } from './labels';
import { CHUNK, EXPAND_FILTERED_UP_TO, type GroupBy, type NodeOf, type NodeView, type ReportNode, type TreeReport, type TreeWords } from './nodes';

export * from './nodes';

interface EntityEntry {
  readonly entity: Entity;
  /** Indexes into `entity.mentions` of the mentions shown. */
  readonly mentions: readonly number[];
}

const SECTION_ORDER = Object.keys(SECTION_LABELS) as SectionKind[];
const METRIC_ORDER = Object.keys(METRIC_LABELS) as Metric[];
const ENTITY_ORDER = Object.keys(ENTITY_LABELS) as EntityType[];

/**
 * One report as a tree, for one grouping and one filter. Each group's contents are worked
 * out the first time that group is asked for and kept while this report is shown.
 */
export class ReportTreeModel {
  readonly filter: Filter | undefined;
  private figureTree?: Map<string, Map<string, Figure[]>>;
  private figureCount?: number;
  private moneyList?: readonly Money[];
  private entityTree?: Map<EntityType, EntityEntry[]>;
  private entityIndex?: Map<string, EntityEntry>;
  private annotationList?: readonly Anchored[];
  private readonly nodeLists = new Map<string, ReportNode[]>();
  /** Appended to group ids while filtered: a filter has its own expansion state, expanded by default. */
  private readonly suffix: string;
  private lineMap?: LineMap;

  constructor(
    readonly report: TreeReport,
    readonly groupBy: GroupBy,
    filter: string | undefined,
    private readonly words: TreeWords,
  ) {
    const t = filter?.trim();
    this.filter = t ? new Filter(t) : undefined;
    this.suffix = this.filter ? `~${this.filter.text}` : '';
  }

  private get analysis(): Analysis {
    return this.report.analysis;
  }

  /**
   * Lines of the analyzed text, not of the live document: between an edit and its analysis the
   * offsets of this report still point into the text it was made from.
   */
  private get lines(): LineMap {
    return (this.lineMap ??= new LineMap(this.report.text));
  }

  /** The 1-based line of an offset of the analyzed text. */
  lineOf(offset: number): number {
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
  figureTotal(): number {
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

  /** Entities by type (in the order of ENTITY_LABELS), each with the indexes of the mentions shown. */
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

  entityCount(): number {
    if (!this.filter) return this.analysis.entities.length;
    let n = 0;
    for (const list of this.entities().values()) n += list.length;
    return n;
  }

  /** The researcher's annotations (orphaned ones too), in document order, orphaned last. */
  annotations(): readonly Anchored[] {
    if (this.annotationList) return this.annotationList;
    const all = [...this.report.anchored].sort((p, q) => (p.span?.start ?? Infinity) - (q.span?.start ?? Infinity));
    const x = this.filter;
    return (this.annotationList = x
      ? all.filter((a) => x.matches('My annotations', this.words.annotationTitle(a.annotation), a.annotation.selector[1].exact, a.annotation.note, a.span ? undefined : 'orphaned'))
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
        const uri = this.report.uri;
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

  /** Whether a figure group is a section (else a metric): the outer key or the inner one, by the grouping. */
  isSectionGroup(node: NodeOf<'figureGroup'>): boolean {
    return (node.keys.length === 1) === (this.groupBy === 'section');
  }

  // ---- What a node shows -----------------------------------------------------------------

  view(node: ReportNode): NodeView {
    /** Groups open by default under a filter that leaves few items, so its matches show at once. */
    const fewMatches = this.filter !== undefined && this.figureTotal() + this.money().length + this.entityCount() <= EXPAND_FILTERED_UP_TO;
    const openIf = (open: boolean): NodeView['state'] => (open || fewMatches ? 'expanded' : 'collapsed');
    const group = (label: string, state: NodeView['state'], description?: string, more: Partial<NodeView> = {}): NodeView => ({
      ...this.label(label), state, ...(description !== undefined ? { description } : {}), ...more,
    });
    const a = this.analysis;
    switch (node.kind) {
      case 'report': {
        const narratives = this.narratives();
        const meta = narratives[0]!.meta;
        const description = narratives.length === 1
          ? [meta.country, meta.year, meta.tier].filter((x) => x !== undefined).join(' · ')
          : this.count(this.visibleNarratives().length, narratives.length, 'narrative');
        return group('Report', openIf(true), description, { tooltip: `${escapeMarkdown(this.report.name)}: ${plural(narratives.length, 'narrative')}` });
      }
      case 'narrative': {
        const n = this.narratives()[node.index]!;
        return group(this.narrativeLabel(n.meta), 'collapsed', n.meta.tier, { reveal: this.titleLine(n) });
      }
      case 'meta': {
        const n = this.narratives()[node.narrative]!;
        const t = this.metaText(node.field, n.meta);
        if (node.field !== 'tier') return group(t.label, 'none', t.description, { reveal: this.titleLine(n) });
        let md = `**Tier**: ${escapeMarkdown(n.meta.tier ?? 'not stated')}`;
        if (n.meta.tierChange) md += `\n\n**Summary** (${n.meta.tierChange.change}):\n\n> ${escapeMarkdown(this.sentenceAround(n.meta.tierChange))}`;
        return group(t.label, 'none', t.description, { tooltip: md, reveal: n.meta.tierSpan ?? n.meta.tierChange ?? this.titleLine(n) });
      }
      case 'figures':
        return group('Figures', a.figures.length === 0 ? 'none' : openIf(true), this.count(this.figureTotal(), a.figures.length));
      case 'figureGroup': {
        const key = node.keys[node.keys.length - 1]!;
        const label = this.isSectionGroup(node) ? SECTION_LABELS[key as SectionKind] : METRIC_LABELS[key as Metric];
        const inner = this.figures().get(node.keys[0]!);
        const n = node.keys.length === 1 ? [...(inner?.values() ?? [])].reduce((s, l) => s + l.length, 0) : inner?.get(key)?.length ?? 0;
        return group(label, openIf(false), String(n));
      }
      case 'figure': {
        const f = node.figure;
        const label = figureLabel(f);
        // The value as a number when the label does not already start with it (`five to 10` -> `5-10 years`).
        const value = figureValue(f);
        return group(label, 'none', [label.startsWith(value) ? '' : value, this.where(f), this.words.status(f)].filter(Boolean).join(' · '), { reveal: f });
      }
      case 'money':
        return group('Money', a.money.length === 0 ? 'none' : openIf(false), this.count(this.money().length, a.money.length));
      case 'amount': {
        const m = node.money;
        return group(moneyLabel(m), 'none', [SECTION_LABELS[m.section], this.where(m), this.words.status(m)].filter(Boolean).join(' · '), {
          reveal: m.conversion ? { start: m.start, end: Math.max(m.end, m.conversion.end) } : m,
        });
      }
      case 'entities':
        return group('Entities', a.entities.length === 0 ? 'none' : openIf(false), this.count(this.entityCount(), a.entities.length));
      case 'entityType':
        return group(entityTypeLabel(node.type), openIf(false), String(this.entities().get(node.type)?.length ?? 0));
      case 'entity': {
        const e = node.entity;
        const shown = this.entityEntry(e)?.mentions.length ?? 0;
        const target = e.definition ?? e.mentions[0];
        return group(entityLabel(e), shown > 0 ? 'collapsed' : 'none', this.count(shown, e.mentions.length, 'mention'), target ? { reveal: target } : {});
      }
      case 'mention': {
        const m = node.mention;
        const status = this.words.status(m);
        const description = m.definition || status ? [m.definition ? 'definition' : '', status].filter(Boolean).join(' · ') : undefined;
        return { ...this.mentionLabel(m), state: 'none', ...(description !== undefined ? { description } : {}), reveal: m };
      }
      case 'annotations': {
        const list = this.annotations();
        const orphaned = list.filter((x) => !x.span).length;
        return group('My annotations', openIf(true), [String(list.length), orphaned ? `${orphaned} orphaned` : ''].filter(Boolean).join(' · '));
      }
      case 'annotation':
        return this.annotationView(node.anchored);
      case 'chunk':
        return group(`${formatNumber(node.from + 1)}-${formatNumber(node.to)}`, 'collapsed', plural(node.to - node.from, 'item'));
    }
  }

  private annotationView(x: Anchored): NodeView {
    const ann = x.annotation;
    const quote = ann.selector[1].exact.replace(/\s+/g, ' ').trim();
    const title = this.words.annotationTitle(ann);
    const q = ann.selector[1];
    let md = `**${escapeMarkdown(title)}**${x.span ? '' : ' (orphaned: its text is no longer in the report)'}\n\n`;
    // The quote's context from a word boundary on, not from the middle of a word.
    const before = q.prefix.replace(/^\S*\s+/, '').trimStart();
    const after = q.suffix.replace(/\s+\S*$/, '').trimEnd();
    const lead = before && before !== q.prefix ? '…' : '';
    const tail = after && after !== q.suffix ? '…' : '';
    md += `> ${lead}${escapeMarkdown(before)}**${escapeMarkdown(q.exact)}**${escapeMarkdown(after)}${tail}\n\n`;
    if (ann.note) md += `**Note**: ${escapeMarkdown(ann.note)}\n\n`;
    md += `_Annotated ${escapeMarkdown(readableDate(ann.created))}${ann.modified ? `, changed ${escapeMarkdown(readableDate(ann.modified))}` : ''}_`;
    return {
      ...this.label(`“${quote.length > 60 ? `${quote.slice(0, 59)}…` : quote}”`),
      state: 'none',
      description: [title, x.span ? `line ${this.lineOf(x.span.start)}` : 'orphaned: its text is gone'].join(' · '),
      tooltip: md,
      ...(x.span ? { reveal: x.span } : {}),
      contextValue: x.span ? 'annotation' : 'annotation.orphaned',
    };
  }

  /** The tooltips that need the report's text (Markdown), made when the pointer rests on an item; none for the others. */
  tooltip(node: ReportNode): string | undefined {
    switch (node.kind) {
      case 'figure':
        return this.figureTooltip(node.figure);
      case 'amount':
        return this.moneyTooltip(node.money);
      case 'entity':
        return this.entityTooltip(node.entity);
      case 'mention':
        return `**${escapeMarkdown(entityLabel(node.entity))}** (${ENTITY_LABELS[node.entity.type]})\n\n> ${escapeMarkdown(this.sentenceAround(node.mention))}`;
      default:
        return undefined;
    }
  }

  private figureTooltip(f: Figure): string {
    return `**${escapeMarkdown(figureLabel(f))}**\n\n> ${escapeMarkdown(this.sentence(f.sentence, f))}\n\n` + table([
      ['Value', figureValue(f)],
      ['Metric', METRIC_LABELS[f.metric]],
      ['Period', periodLabel(f.period)],
      ['Qualifier', f.qualifier ?? 'none'],
      ['Section', SECTION_LABELS[f.section]],
      ['Line', String(this.lineOf(f.start))],
    ]);
  }

  private moneyTooltip(m: Money): string {
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
    return `**${escapeMarkdown(moneyLabel(m))}**\n\n> ${escapeMarkdown(this.sentence(m.sentence, m))}\n\n` + table(rows);
  }

  private entityTooltip(e: Entity): string {
    const line = (s: Span): string => String(this.lineOf(s.start));
    return `**${escapeMarkdown(entityLabel(e))}**\n\n` + table([
      ['Type', ENTITY_LABELS[e.type]],
      ['Acronym', e.acronym],
      ['Long form', e.longForm],
      ['Defined', e.definition ? `line ${line(e.definition)}` : undefined],
      ['Mentions', String(e.mentions.length)],
      ['First mention', e.mentions[0] ? `line ${line(e.mentions[0])}` : undefined],
    ]);
  }

  /** `line 12: …the Malian armed forces (FAMa) recruited…`, the mention highlighted. */
  private mentionLabel(m: Mention): { label: string; highlights: [number, number][] } {
    const around = this.lineAround(m.start);
    const text = around.text;
    const startCol = Math.min(m.start - around.start, text.length);
    const endCol = Math.min(text.length, startCol + (m.end - m.start));
    const reach = 32;
    let from = Math.max(0, startCol - reach);
    if (from > 0) from = Math.min(startCol, text.indexOf(' ', from) + 1 || startCol);
    let to = Math.min(text.length, endCol + reach);
    if (to < text.length) to = Math.max(endCol, text.lastIndexOf(' ', to));
    const prefix = `line ${around.line + 1}: ${from > 0 ? '…' : ''}`;
    const before = text.slice(from, startCol);
    const label = `${prefix}${before}${text.slice(startCol, endCol)}${text.slice(endCol, to).trimEnd()}${to < text.length ? '…' : ''}`;
    const at = prefix.length + before.length;
    return { label, highlights: [[at, at + endCol - startCol]] };
  }

  /** A label with the filter's matches highlighted, if any. */
  private label(text: string): { label: string; highlights?: [number, number][] } {
    const highlights = this.filter?.highlights(text) ?? [];
    return highlights.length > 0 ? { label: text, highlights } : { label: text };
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

  /** The sentence that holds `span` (sentences are sorted and do not overlap), else the span's own text. */
  private sentenceAround(span: Span): string {
    const sentences = this.analysis.sentences;
    const s = sentences[lastStartingAtOrBefore(sentences, span.start)];
    return this.text(s && span.start < s.end ? s : span);
  }
}

/** A Markdown table of two columns; rows without a value are left out. */
function table(rows: ReadonlyArray<[string, string | undefined]>): string {
  let md = '| | |\n|---|---|\n';
  for (const [k, v] of rows) if (v !== undefined) md += `| ${k} | ${escapeMarkdown(v)} |\n`;
  return md;
}
