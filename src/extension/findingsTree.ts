import * as vscode from 'vscode';
import { RULE_SUMMARIES, RULES, type Finding, type RuleId, type Severity } from '../core/checks';
import { isTipReport } from './analysisService';
import { type Checker, type CheckResult } from './diagnostics';
import { ruleDocUri, TipLensDocs } from './docs';
import { probes } from './probes';
import { plural } from '../core/labels';
import { basename } from '../core/posixPath';

/**
 * The Findings view of the TIP Lens container: the consistency findings of the active report,
 * grouped by rule, each opening its place in the editor (its context menu dismisses it:
 * annotations/dismiss.ts); and `TIP Lens: Open Findings Report`,
 * the same findings as a short Markdown document, read-only and shown rendered (docs.ts).
 */

const VIEW_ID = 'tipLens.findings';
const STATE_KEY = 'tipLens.findings.state';
const REVEAL_COMMAND = 'tipLens.findings.reveal';
const REPORT_COMMAND = 'tipLens.findings.openReport';

export type FindingsNode =
  | { readonly kind: 'rule'; readonly rule: RuleId; readonly items: readonly FindingsNode[] }
  | { readonly kind: 'finding'; readonly uri: vscode.Uri; readonly rule: RuleId; readonly finding: Finding; readonly range: vscode.Range; readonly related: readonly vscode.DiagnosticRelatedInformation[] };

/** What the view shows, as plain data, for the integration tests. */
export interface FindingsTreeSnapshot {
  readonly uri: string | undefined;
  readonly state: 'none' | 'clean' | 'found';
  /** The view's message (how many findings are dismissed), if any. */
  readonly message?: string;
  readonly groups: ReadonlyArray<{
    readonly rule: RuleId;
    readonly label: string;
    readonly description: string;
    readonly children: ReadonlyArray<{ readonly label: string; readonly description: string; readonly line: number; readonly severity: Severity }>;
  }>;
}

export interface FindingsProbe {
  readonly view: vscode.TreeView<FindingsNode>;
  snapshot(): FindingsTreeSnapshot;
  /** Fires after the view changed what it shows. */
  readonly onDidRefresh: vscode.Event<void>;
  /** The last report opened by `tipLens.findings.openReport`. */
  lastReport(): { readonly source: string; readonly document: vscode.TextDocument } | undefined;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };
const SEVERITY_ICON: Record<Severity, vscode.ThemeIcon> = {
  error: new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground')),
  warning: new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')),
  information: new vscode.ThemeIcon('info', new vscode.ThemeColor('problemsInfoIcon.foreground')),
  hint: new vscode.ThemeIcon('lightbulb'),
};

function worst(findings: readonly Finding[]): Severity {
  return findings.reduce<Severity>((w, f) => (SEVERITY_RANK[f.severity] < SEVERITY_RANK[w] ? f.severity : w), 'hint');
}


/** The findings of a result grouped by rule, in the order of `RULES`. */
export function groupByRule(result: CheckResult): FindingsNode[] {
  const groups = new Map<RuleId, FindingsNode[]>();
  result.findings.forEach((finding, i) => {
    const d = result.diagnostics[i]!;
    let list = groups.get(finding.rule);
    if (!list) groups.set(finding.rule, (list = []));
    list.push({ kind: 'finding', uri: result.uri, rule: finding.rule, finding, range: d.range, related: d.relatedInformation ?? [] });
  });
  return RULES.filter((r) => groups.has(r)).map((rule) => ({ kind: 'rule', rule, items: groups.get(rule)! }));
}

class FindingsTree implements vscode.TreeDataProvider<FindingsNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<FindingsNode | undefined>();
  private readonly refreshEmitter = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  readonly onDidRefresh = this.refreshEmitter.event;
  readonly view: vscode.TreeView<FindingsNode>;
  /** The report the view follows: the active TIP report, or the last one. */
  shown: vscode.Uri | undefined;
  private roots: FindingsNode[] = [];
  private state: FindingsTreeSnapshot['state'] = 'none';
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly checker: Checker) {
    this.view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: this, showCollapseAll: true });
    this.subscriptions.push(
      this.view,
      this.changeEmitter,
      this.refreshEmitter,
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor && isTipReport(editor.document)) this.show(editor.document.uri);
      }),
      checker.onDidCheck((r) => {
        const uri = r instanceof vscode.Uri ? r : r.uri;
        const active = vscode.window.activeTextEditor?.document;
        if (active && isTipReport(active) && active.uri.toString() === uri.toString()) this.show(uri);
        else if (this.shown?.toString() === uri.toString()) this.show(uri);
        else if (!this.shown) this.show(uri);
      }),
    );
    const active = vscode.window.activeTextEditor?.document;
    this.show(active && isTipReport(active) ? active.uri : undefined);
  }

  show(uri: vscode.Uri | undefined): void {
    this.shown = uri;
    const result = uri ? this.checker.last(uri) : undefined;
    this.roots = result ? groupByRule(result) : [];
    this.state = !result ? 'none' : result.findings.length === 0 ? 'clean' : 'found';
    void vscode.commands.executeCommand('setContext', STATE_KEY, this.state);
    const n = result?.findings.length ?? 0;
    this.view.description = uri ? basename(uri.path) : undefined;
    this.view.badge = n > 0 ? { value: n, tooltip: plural(n, 'finding') } : undefined;
    // Dismissed findings are not listed; the view says how many there are and how to see one again.
    const d = result?.dismissed.length ?? 0;
    this.view.message = d > 0 ? `${plural(d, 'finding')} dismissed: delete a dismissal (Delete Annotation, or Show Again in its hover) to see it again.` : undefined;
    this.changeEmitter.fire(undefined);
    this.refreshEmitter.fire();
  }

  getChildren(node?: FindingsNode): FindingsNode[] {
    if (!node) return this.roots;
    return node.kind === 'rule' ? [...node.items] : [];
  }

  getParent(node: FindingsNode): FindingsNode | undefined {
    if (node.kind === 'rule') return undefined;
    return this.roots.find((r) => r.kind === 'rule' && r.items.includes(node));
  }

  getTreeItem(node: FindingsNode): vscode.TreeItem {
    if (node.kind === 'rule') {
      const findings = node.items.flatMap((i) => (i.kind === 'finding' ? [i.finding] : []));
      const item = new vscode.TreeItem(node.rule, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `rule:${node.rule}`;
      item.description = plural(findings.length, 'finding');
      item.iconPath = SEVERITY_ICON[worst(findings)];
      const tip = new vscode.MarkdownString(`**${node.rule}**: ${RULE_SUMMARIES[node.rule]}\n\n[Read about this rule](${ruleDocUri(node.rule).toString()})`);
      item.tooltip = tip;
      item.contextValue = 'findingsRule';
      return item;
    }
    const item = new vscode.TreeItem(node.finding.message, vscode.TreeItemCollapsibleState.None);
    item.id = `finding:${node.rule}:${node.finding.start}:${node.finding.end}:${node.finding.message}`;
    item.description = `Ln ${node.range.start.line + 1}, Col ${node.range.start.character + 1}`;
    item.iconPath = SEVERITY_ICON[node.finding.severity];
    const lines = [`${node.finding.message}`, ''];
    for (const r of node.related) {
      const where = r.location.uri.toString() === this.shown?.toString() ? `line ${r.location.range.start.line + 1}` : `${basename(r.location.uri.path)}, line ${r.location.range.start.line + 1}`;
      lines.push(`- ${where}: ${r.message}`);
    }
    for (const f of [...(node.finding.corrections ?? []), ...node.finding.fixes]) lines.push(`- Quick fix: ${f.title}`);
    item.tooltip = lines.join('\n');
    item.contextValue = 'finding';
    if (this.shown) item.command = { command: REVEAL_COMMAND, title: 'Reveal Finding', arguments: [this.shown, node.range] };
    return item;
  }

  snapshot(): FindingsTreeSnapshot {
    return {
      uri: this.shown?.toString(),
      state: this.state,
      ...(this.view.message ? { message: this.view.message } : {}),
      groups: this.getChildren().flatMap((g) => {
        if (g.kind !== 'rule') return [];
        const item = this.getTreeItem(g);
        return [{
          rule: g.rule,
          label: String(item.label),
          description: String(item.description ?? ''),
          children: this.getChildren(g).flatMap((c) => {
            if (c.kind !== 'finding') return [];
            const ci = this.getTreeItem(c);
            return [{ label: String(ci.label), description: String(ci.description ?? ''), line: c.range.start.line + 1, severity: c.finding.severity }];
          }),
        }];
      }),
    };
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}

// ------------------------------------------------------------------------------------------
// The Markdown report

/** Escapes what Markdown (and the preview's math) would read as syntax in a message. */
function md(s: string): string {
  return s.replace(/[\\`*_[\]<>|$#]/g, (c) => `\\${c}`);
}

function link(uri: vscode.Uri, range: vscode.Range, label: string): string {
  // `#L21,5`, as VS Code's Markdown links to a line and column (a comma that Uri.toString would encode).
  return `[${md(label)}](${uri.with({ fragment: '' }).toString()}#L${range.start.line + 1},${range.start.character + 1})`;
}

/** A short Markdown report of a check's findings. */
export function findingsMarkdown(doc: vscode.TextDocument, result: CheckResult): string {
  const name = doc.isUntitled ? doc.uri.path : basename(doc.uri.path);
  const out: string[] = [`# Consistency findings: ${md(name)}`, ''];
  const relPath = doc.isUntitled ? name : vscode.workspace.asRelativePath(doc.uri);
  out.push(`Checked \`${relPath}\` (version ${result.version}) with TIP Lens.`);
  if (result.previous) {
    out.push(`Last year's narrative: ${link(result.previous.uri, new vscode.Range(0, 0, 0, 0), vscode.workspace.asRelativePath(result.previous.uri))}.`);
  } else {
    out.push("No narrative of the year before for the same country was found in the workspace: previous-period figures were not compared.");
  }
  out.push('');
  const n: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const f of result.findings) n[f.severity]++;
  if (result.findings.length === 0) {
    out.push('No findings.', '');
    return out.join('\n');
  }
  const parts = (['error', 'warning', 'information', 'hint'] as const).filter((s) => n[s] > 0).map((s) => (s === 'information' ? `${n[s]} information` : plural(n[s], s)));
  out.push(`**${plural(result.findings.length, 'finding')}**: ${parts.join(', ')}.`, '');
  const groups = groupByRule(result);
  out.push('| Rule | Findings | What it checks |', '|---|---:|---|');
  for (const g of groups) {
    if (g.kind !== 'rule') continue;
    out.push(`| [${g.rule}](${ruleDocUri(g.rule).toString()}) | ${g.items.length} | ${md(RULE_SUMMARIES[g.rule])} |`);
  }
  out.push('');
  for (const g of groups) {
    if (g.kind !== 'rule') continue;
    out.push(`## ${g.rule}`, '');
    for (const item of g.items) {
      if (item.kind !== 'finding') continue;
      const f = item.finding;
      out.push(`- **${f.severity}** (${link(doc.uri, item.range, `line ${item.range.start.line + 1}`)}): ${md(f.message)}`);
      for (const r of item.related) {
        const other = r.location.uri.toString() !== doc.uri.toString();
        const label = `${other ? `${basename(r.location.uri.path)}, ` : ''}line ${r.location.range.start.line + 1}`;
        out.push(`  - ${link(r.location.uri, r.location.range, label)}: ${md(r.message)}`);
      }
      for (const fix of [...(f.corrections ?? []), ...f.fixes]) out.push(`  - Quick fix: ${md(fix.title)}`);
    }
    out.push('');
  }
  return out.join('\n');
}

// ------------------------------------------------------------------------------------------
// Registration

export function registerFindingsTree(context: vscode.ExtensionContext, checker: Checker): void {
  const tree = new FindingsTree(checker);
  const docs = new TipLensDocs(context.extensionUri);
  let last: { source: string; document: vscode.TextDocument } | undefined;
  context.subscriptions.push(
    tree,
    docs,
    vscode.commands.registerCommand(REVEAL_COMMAND, async (uri: vscode.Uri, range: vscode.Range) => {
      const editor = await vscode.window.showTextDocument(uri, { selection: range, preserveFocus: false });
      editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }),
    vscode.commands.registerCommand(REPORT_COMMAND, async (arg?: unknown) => {
      const active = vscode.window.activeTextEditor?.document;
      const uri = arg instanceof vscode.Uri ? arg : active && isTipReport(active) ? active.uri : tree.shown;
      const doc = uri ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) ?? (await vscode.workspace.openTextDocument(uri)) : undefined;
      if (!doc || !isTipReport(doc)) {
        void vscode.window.showInformationMessage('TIP Lens: open a TIP report to report on its findings.');
        return undefined;
      }
      const result = checker.current(doc) ?? (await checker.check(doc));
      if (!result) return undefined;
      const source = findingsMarkdown(doc, result);
      const report = await docs.showFindings(doc.uri, source);
      last = { source: doc.uri.toString(), document: report };
      return report;
    }),
  );
  probes.set('findingsTree', {
    view: tree.view,
    snapshot: () => tree.snapshot(),
    onDidRefresh: tree.onDidRefresh,
    lastReport: () => last,
  } satisfies FindingsProbe);
}
