/**
 * One webview panel of the timeline's page, and what it does for the page: it computes the model
 * (from the workspace index, through its source), sends it when the page is ready and again when
 * the index changes the reports it is about, opens the sentence of a point the user clicks, puts
 * a table on the clipboard, and saves what the page exports.
 */
import * as vscode from 'vscode';
import type { IndexChange, WorkspaceIndex } from '../workspaceIndex';
import { pageHtml, pageOptions } from './page';
import type { FromPage, ToPage, ViewModel } from './protocol';
import { saveExport } from './save';

/** How long after the index's last change the model is computed again. */
const REFRESH_MS = 300;

/** What a panel draws: how it is computed, and which changes of the index concern it. */
export interface PanelSource {
  readonly title: string;
  /** The model; a message in words when there is nothing to draw. */
  compute(token: vscode.CancellationToken): Promise<ViewModel | string>;
  concerns(change: IndexChange): boolean;
}

export class ChartPanel implements vscode.Disposable {
  readonly panel: vscode.WebviewPanel;
  /** What the page was last sent (or will be sent once it is ready). */
  private message?: ToPage;
  private sent?: string;
  private ready = false;
  private timer?: ReturnType<typeof setTimeout>;
  private cts?: vscode.CancellationTokenSource;
  private computing?: Promise<void>;
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly disposed = new vscode.EventEmitter<void>();
  /** How many models were computed and sent, for the tests. */
  sends = 0;

  readonly onDidDispose = this.disposed.event;

  constructor(
    extensionUri: vscode.Uri,
    viewType: string,
    private source: PanelSource,
    index: WorkspaceIndex,
    column: vscode.ViewColumn,
  ) {
    this.panel = vscode.window.createWebviewPanel(viewType, source.title, { viewColumn: column, preserveFocus: false }, pageOptions(extensionUri));
    this.panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'tip-lens.svg');
    this.panel.webview.html = pageHtml(this.panel.webview, extensionUri, source.title);
    this.subscriptions.push(
      this.panel.webview.onDidReceiveMessage((m: FromPage) => void this.receive(m)),
      this.panel.onDidDispose(() => this.dispose()),
      // A hidden page is gone; shown again, it loads and says it is ready.
      this.panel.onDidChangeViewState((e) => {
        if (!e.webviewPanel.visible) this.ready = false;
      }),
      index.onDidChange((change) => {
        if (this.source.concerns(change)) this.refresh();
      }),
    );
    this.computing = this.compute();
  }

  /** The model the page was given, once computed. */
  get model(): ViewModel | undefined {
    return this.message?.type === 'model' ? this.message.model : undefined;
  }

  /** Resolves once the model of the latest change is computed. */
  async settled(): Promise<void> {
    while (this.timer || this.computing) {
      if (this.computing) await this.computing;
      else await new Promise((r) => setTimeout(r, REFRESH_MS));
    }
  }

  /** Draws another source in the same panel (Compare Countries asked for another metric or year). */
  show(source: PanelSource): void {
    this.source = source;
    this.panel.title = source.title;
    this.refresh(0);
  }

  reveal(): void {
    this.panel.reveal(undefined, false);
  }

  /** Sends a message now if the page is ready (a focus), else after the model. */
  post(message: ToPage): void {
    if (this.ready) void this.panel.webview.postMessage(message);
  }

  refresh(delay = REFRESH_MS): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.computing = this.compute();
    }, delay);
  }

  private async compute(): Promise<void> {
    this.cts?.cancel();
    const cts = (this.cts = new vscode.CancellationTokenSource());
    try {
      const got = await this.source.compute(cts.token);
      if (cts.token.isCancellationRequested) return;
      this.message = typeof got === 'string' ? { type: 'empty', message: got } : { type: 'model', model: got };
      this.send();
    } catch (e) {
      this.message = { type: 'empty', message: `TIP Lens could not draw this: ${e instanceof Error ? e.message : String(e)}` };
      this.send();
    } finally {
      if (this.cts === cts) {
        this.cts = undefined;
        this.computing = undefined;
      }
      cts.dispose();
    }
  }

  /** Sends the model unless the page has it already. */
  private send(): void {
    if (!this.ready || !this.message) return;
    const json = JSON.stringify(this.message);
    if (json === this.sent) return;
    this.sent = json;
    this.sends++;
    void this.panel.webview.postMessage(this.message);
  }

  /** What the page asks; resolves to what was done (for the tests, which send the page's messages themselves). */
  async receive(m: FromPage): Promise<unknown> {
    switch (m.type) {
      case 'ready':
        // A page that was hidden is loaded again: it has nothing.
        this.ready = true;
        this.sent = undefined;
        this.send();
        return undefined;
      case 'open':
        return openSpan(m.document, m.start, m.end, this.panel.viewColumn);
      case 'copy':
        await vscode.env.clipboard.writeText(m.text);
        vscode.window.setStatusBarMessage(`$(clippy) TIP Lens: ${m.what} copied`, 3000);
        return m.text;
      case 'export':
        return saveExport(m);
      default:
        return undefined;
    }
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.cts?.cancel();
    for (const s of this.subscriptions) s.dispose();
    this.subscriptions.length = 0;
    this.panel.dispose();
    this.disposed.fire();
    this.disposed.dispose();
  }
}

/** Opens a document beside the panel (where it is shown already, if it is) and selects a span of it. */
async function openSpan(document: string, start: number, end: number, panelColumn: vscode.ViewColumn | undefined): Promise<vscode.TextEditor> {
  const uri = vscode.Uri.parse(document);
  const doc = await vscode.workspace.openTextDocument(uri);
  const range = new vscode.Range(doc.positionAt(start), doc.positionAt(end));
  const shown = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
  const column = shown?.viewColumn ?? (panelColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One);
  const editor = await vscode.window.showTextDocument(doc, { viewColumn: column, selection: new vscode.Selection(range.start, range.end) });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}
