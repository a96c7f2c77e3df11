import * as vscode from 'vscode';
import type { RuleId } from '../core/checks';

/**
 * Read-only documents that TIP Lens shows rendered in the Markdown preview: the description of
 * each consistency rule (the link of a problem's code) and a report's findings report. They live
 * under the `tip-lens:` scheme, served here; package.json associates the scheme with the Markdown
 * preview (`workbench.editorAssociations`), so a click on a rule's link in the Problems panel shows
 * the rule rendered, and nothing asks to be saved on close.
 */
export const DOCS_SCHEME = 'tip-lens';
export const MARKDOWN_PREVIEW = 'vscode.markdown.preview.editor';

/** `tip-lens:/rules/number-style.md`: the rule's description, from the extension's docs/rules. */
export function ruleDocUri(rule: RuleId): vscode.Uri {
  return vscode.Uri.from({ scheme: DOCS_SCHEME, path: `/rules/${rule}.md` });
}

export class TipLensDocs implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly reports = new Map<string, string>();
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.emitter.event;
  private readonly registration: vscode.Disposable;

  constructor(private readonly extensionUri: vscode.Uri) {
    this.registration = vscode.workspace.registerTextDocumentContentProvider(DOCS_SCHEME, this);
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const rule = /^\/rules\/([a-z-]+)\.md$/.exec(uri.path);
    if (rule) {
      const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.extensionUri, 'docs', 'rules', `${rule[1]}.md`));
      return new TextDecoder().decode(bytes);
    }
    return this.reports.get(uri.toString()) ?? '# Nothing to show\n\nThis findings report is no longer available: run **TIP Lens: Open Findings Report** again.\n';
  }

  /**
   * The findings report of `source`, as a read-only document named after it
   * (`tip-lens:/findings/Findings of veldora-2023.tip.txt.md`), shown rendered.
   */
  async showFindings(source: vscode.Uri, markdown: string): Promise<vscode.TextDocument> {
    const name = source.path.slice(source.path.lastIndexOf('/') + 1);
    const uri = vscode.Uri.from({ scheme: DOCS_SCHEME, path: `/findings/Findings of ${name}.md`, query: source.toString() });
    this.reports.set(uri.toString(), markdown);
    this.emitter.fire(uri);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.commands.executeCommand('vscode.openWith', uri, MARKDOWN_PREVIEW, { preview: false });
    return doc;
  }

  dispose(): void {
    this.registration.dispose();
    this.emitter.dispose();
  }
}
