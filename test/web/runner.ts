/**
 * The test runner extension of the web worker host (scripts/test-web.js packs it with this file
 * bundled by esbuild for the browser, beside the web-only package of TIP Lens): mocha's browser
 * build runs `web.test.ts` when the workbench starts, and the results go, through
 * `vscode.workspace.fs`, to `.tip-lens-web-results.json` in the workspace folder (on the server's
 * disk), where the driver waits for them. `.tip-lens-web-tests.json` there may hold `{ "grep" }`.
 */
import * as vscode from 'vscode';

export const RESULTS = '.tip-lens-web-results.json';
export const CONFIG = '.tip-lens-web-tests.json';

interface Runnable { fullTitle(): string; titlePath(): string[] }

export function activate(): void {
  void run();
}

async function run(): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) return;
  const lines: string[] = [];
  const failed: Array<{ title: string; error: string; stack: string }> = [];
  let passes = 0;
  let pending = 0;
  let failures = 0;
  const started = Date.now();
  let grep: string | undefined;
  try {
    grep = (JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder.uri, CONFIG)))) as { grep?: string }).grep;
  } catch {
    grep = undefined;
  }
  try {
    // mocha's browser build: a UMD module that returns the `mocha` instance.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mocha = require('mocha/mocha.js') as BrowserMocha;
    function Reporter(runner: { on(event: string, fn: (t: Runnable, e?: unknown) => void): void }): void {
      runner.on('pass', (t) => {
        passes++;
        lines.push(`  ✔ ${t.fullTitle()}`);
      });
      runner.on('pending', (t) => {
        pending++;
        lines.push(`  - ${t.fullTitle()}`);
      });
      runner.on('fail', (t, err) => {
        failures++;
        const e = err instanceof Error ? err : new Error(String(err));
        failed.push({ title: t.fullTitle(), error: e.message, stack: e.stack ?? e.message });
        lines.push(`  ✘ ${t.fullTitle()}\n      ${e.message}`);
      });
    }
    mocha.setup({ ui: 'tdd', reporter: Reporter, timeout: 0, ...(grep ? { grep } : {}) });
    // Loaded after setup, which defines `suite` and `test`.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require('./web.test');
    await new Promise<void>((resolve) => mocha.run(() => resolve()));
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    failures++;
    failed.push({ title: 'loading the web suites', error: e.message, stack: e.stack ?? e.message });
    lines.push(`Loading the web suites failed: ${e.stack ?? e.message}`);
  }
  const results = {
    passes, failures, pending, tests: passes + failures + pending, durationMs: Date.now() - started, failed,
    report: lines.join('\n'), vscodeVersion: vscode.version, ...(grep ? { grep } : {}),
  };
  // Leaves the sample report open for the driver's check of the DOM.
  try {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'web', 'veldora-2023.tip.txt'));
    await vscode.window.showTextDocument(doc, { preview: false });
  } catch {
    // The DOM check then says what is missing.
  }
  await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder.uri, RESULTS), new TextEncoder().encode(JSON.stringify(results, null, 2)));
}

interface BrowserMocha {
  setup(options: Record<string, unknown>): void;
  run(done: (failures: number) => void): unknown;
}
