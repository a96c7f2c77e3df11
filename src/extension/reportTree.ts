import * as vscode from 'vscode';
import type { EntityType } from '../core/model';
import { basename } from '../core/labels';
import { ReportTreeModel, type GroupBy, type NodeView, type ReportNode } from '../core/reportTree';
import { isTipReport, type AnalysisService, type Report } from './analysisService';
import { annotationTitle, statusText } from './annotations/labels';
import { schemaFor } from './annotations/schemaStore';
import { probes } from './probes';

export type { GroupBy, ReportNode } from '../core/reportTree';

/**
 * The Report view (`tipLens.report`): the active TIP report's meta, figures, money and entities.
 *
 * The tree follows the active editor and shows only what `AnalysisService.current(doc)` gives
 * for it, so it never shows an analysis of another version than the one that was current when
 * it was published. What the tree holds and what each item shows is the model of
 * src/core/reportTree/ (plain data, tested without VS Code); this file turns it into TreeItems
 * and wires the view: what it follows, its commands, its messages.
 */

const VIEW_ID = 'tipLens.report';
const GROUP_BY_KEY = 'tipLens.groupBy';
const FILTERED_KEY = 'tipLens.reportFiltered';
const GROUP_BY_STATE = 'tipLens.report.groupBy';
const REVEAL_COMMAND = 'tipLens.report.reveal';

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

/** The icon of a node, by its kind (and its type, field or state). */
function iconOf(node: ReportNode, model: ReportTreeModel): string {
  switch (node.kind) {
    case 'report': return 'book';
    case 'narrative': return 'file-text';
    case 'meta': return node.field === 'country' ? 'globe' : node.field === 'year' ? 'calendar' : 'layers';
    case 'figures': return 'symbol-numeric';
    case 'figureGroup': return model.isSectionGroup(node) ? 'list-tree' : 'graph';
    case 'figure': return 'symbol-number';
    case 'money': return 'credit-card';
    case 'amount': return 'tag';
    case 'entities': return 'symbol-class';
    case 'entityType': return ENTITY_ICONS[node.type];
    case 'entity': return ENTITY_ICONS[node.entity.type];
    case 'mention': return node.mention.definition ? 'symbol-key' : 'quote';
    case 'annotations': return 'note';
    case 'annotation': return node.anchored.span ? (node.anchored.annotation.note ? 'comment' : 'tag') : 'warning';
    case 'chunk': return 'ellipsis';
  }
}

const STATES: Record<NodeView['state'], vscode.TreeItemCollapsibleState> = {
  none: vscode.TreeItemCollapsibleState.None,
  collapsed: vscode.TreeItemCollapsibleState.Collapsed,
  expanded: vscode.TreeItemCollapsibleState.Expanded,
};

/** The model of the report shown, for VS Code: its nodes' TreeItems and the commands they run. */
class ReportItems {
  readonly tree: ReportTreeModel;

  constructor(readonly report: Report, groupBy: GroupBy, filter: string | undefined) {
    const uri = report.document.uri;
    this.tree = new ReportTreeModel(
      { text: report.text, analysis: report.analysis, index: report.index, anchored: report.annotated.anchored, uri: uri.toString(), name: basename(uri.path) },
      groupBy, filter,
      { annotationTitle: (a) => annotationTitle(a, schemaFor(uri)), status: statusText },
    );
  }

  item(node: ReportNode): vscode.TreeItem {
    const v = this.tree.view(node);
    const item = new vscode.TreeItem(v.highlights ? { label: v.label, highlights: [...v.highlights] } : v.label, STATES[v.state]);
    item.iconPath = new vscode.ThemeIcon(iconOf(node, this.tree));
    if (v.description !== undefined) item.description = v.description;
    // Markdown, not a string: a string tooltip would become the row's aria-label.
    if (v.tooltip !== undefined) item.tooltip = new vscode.MarkdownString(v.tooltip);
    if (v.reveal) item.command = this.reveal(v.reveal);
    item.id = node.id;
    item.contextValue = v.contextValue ?? node.kind;
    return item;
  }

  /** The tooltips that need the report's text, made when the pointer rests on an item. */
  resolve(item: vscode.TreeItem, node: ReportNode): vscode.TreeItem {
    if (item.tooltip !== undefined) return item;
    const md = this.tree.tooltip(node);
    if (md !== undefined) item.tooltip = new vscode.MarkdownString(md);
    return item;
  }

  private reveal(span: { start: number; end: number }): vscode.Command {
    return {
      command: REVEAL_COMMAND,
      title: 'Reveal in Editor',
      // The version and the text it had, so a click between an edit and the next analysis still
      // finds its text (the offsets are of the analyzed version).
      arguments: [this.report.document.uri, span.start, span.end, { preserveFocus: true, version: this.report.version, quote: this.report.text.slice(span.start, span.end) }],
    };
  }
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
  private model: ReportItems | undefined;
  /** A TIP report that is active but not read yet. */
  private reading: vscode.TextDocument | undefined;
  private groupByValue: GroupBy;
  /** The filter, trimmed; undefined when there is none. */
  private filterValue: string | undefined;

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
    return this.filterValue;
  }

  // ---- TreeDataProvider ------------------------------------------------------------------

  getTreeItem(node: ReportNode): vscode.TreeItem {
    return this.model ? this.model.item(node) : new vscode.TreeItem('');
  }

  getChildren(node?: ReportNode): ReportNode[] {
    if (!this.model) return [];
    return node ? this.model.tree.children(node) : this.model.tree.roots();
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
    this.model = report ? new ReportItems(report, this.groupByValue, this.filterValue) : undefined;
    this.updateChrome();
    this.changeEmitter.fire();
    this.refreshEmitter.fire();
  }

  /** The view's description (the filter, or the file) and its message. */
  private updateChrome(): void {
    const report = this.model?.report;
    const filter = this.filterValue;
    this.view.description = filter ? `Filter: ${filter}` : report ? basename(report.document.uri.path) : undefined;
    this.view.message = this.message();
  }

  private message(): string | undefined {
    if (this.model) {
      return this.filterValue && this.model.tree.isEmpty()
        ? `Nothing in ${basename(this.model.report.document.uri.path)} matches "${this.filterValue}".`
        : undefined;
    }
    if (this.reading) return `Reading ${basename(this.reading.uri.path)}…`;
    // Not a TIP report: say so when there is one to switch to; otherwise the welcome content shows.
    const open = openTipReports();
    if (open.length === 0) return undefined;
    const names = open.slice(0, 3).join(', ') + (open.length > 3 ? '…' : '');
    const active = vscode.window.activeTextEditor?.document;
    const what = active ? `${basename(active.uri.path)} is not a TIP report` : 'No TIP report is active';
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
      value: this.filterValue ?? '',
    });
    if (value !== undefined) this.setFilter(value);
  }

  private setFilter(text: string | undefined): void {
    const t = text?.trim();
    const next = t || undefined;
    if (next === this.filterValue) return;
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
      if (tip.has(input.uri.toString()) || /\.tip(\.txt)?$/i.test(input.uri.path)) names.add(basename(input.uri.path));
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
