import * as assert from 'node:assert';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;

describe('the extension package', () => {
  it('the .vsix holds only what a user needs', function () {
    this.timeout(30_000);
    const vsce = path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
    const files = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' })
      .split('\n').map((l) => l.trim()).filter(Boolean).sort();
    assert.deepStrictEqual(files, [
      'CHANGELOG.md', 'LICENSE', 'README.md', 'dist/cli.js', 'dist/extension.js', 'dist/web/extension.js', 'dist/webview/timeline.css', 'dist/webview/timeline.js',
      'docs/rules/acronym.md', 'docs/rules/breakdown-sum.md', 'docs/rules/conversion-rate.md', 'docs/rules/number-style.md',
      'docs/rules/previous-period.md', 'docs/rules/repeated-figure.md', 'docs/rules/tier.md', 'docs/rules/trend-claim.md',
      'language-configuration.json', 'media/icon.png', 'media/screenshots/highlights.png', 'media/screenshots/money-hover.png',
      'media/screenshots/report-tree.png', 'media/screenshots/timeline.png', 'media/tip-lens.svg', 'package.json', 'syntaxes/tip-report.tmLanguage.json',
    ]);
  });

  it('the manifest says how the extension behaves and what it contributes', () => {
    const m = manifest as {
      main: string; browser: string; engines: { vscode: string }; capabilities: { untrustedWorkspaces: { supported: boolean }; virtualWorkspaces: boolean };
      contributes: { languages: Array<{ id: string; extensions: string[]; firstLine: string }>; grammars: Array<{ scopeName: string }> };
      dependencies?: Record<string, string>;
    };
    assert.strictEqual(m.main, './dist/extension.js');
    // vscode.dev, github.dev and the web worker extension host run the browser build.
    assert.strictEqual(m.browser, './dist/web/extension.js');
    assert.strictEqual(m.capabilities.virtualWorkspaces, true);
    assert.match(m.engines.vscode, /^\^1\.100\./);
    assert.strictEqual(m.capabilities.untrustedWorkspaces.supported, true);
    const lang = m.contributes.languages.find((l) => l.id === 'tip-report')!;
    assert.deepStrictEqual(lang.extensions, ['.tip', '.tip.txt']);
    assert.ok(new RegExp(lang.firstLine).test('2020 Trafficking in Persons Report: Mali'));
    assert.ok(!new RegExp(lang.firstLine).test('Notes on the 2020 Trafficking in Persons Report'));
    assert.strictEqual(m.contributes.grammars[0]!.scopeName, 'text.tip-report');
    // The bundle carries everything: nothing is installed beside it.
    assert.deepStrictEqual(Object.keys(m.dependencies ?? {}), []);
  });

  it('welcome texts show no markdown they cannot render; each rule is turned off in one place', () => {
    const c = (manifest as { contributes: { viewsWelcome: Array<{ contents: string }>; configuration: { properties: Record<string, { markdownDeprecationMessage?: string }> } } }).contributes;
    // Views' welcome content renders links only: a backtick shows as a backtick.
    for (const w of c.viewsWelcome) assert.ok(!w.contents.includes('`'), `literal backticks in: ${w.contents}`);
    // `tipLens.check.severity` turns a rule off; the old number-style switch says so and is deprecated.
    assert.match(c.configuration.properties['tipLens.check.numberStyle']!.markdownDeprecationMessage ?? '', /tipLens\.check\.severity/);
    // "Show Report View" is the status bar's click; the palette has VS Code's own "Focus on Report View".
    const palette = (manifest as { contributes: { menus: { commandPalette: Array<{ command: string; when?: string }> } } }).contributes.menus.commandPalette;
    assert.strictEqual(palette.find((x) => x.command === 'tipLens.focusReport')?.when, 'false');
  });

  it('Ctrl+Z and Ctrl+Shift+Z (Cmd on a Mac) undo and redo a decision only right after one; the palette offers them while there is one', () => {
    const c = (manifest as { contributes: { keybindings: Array<{ command: string; key: string; mac?: string; when: string; args?: unknown }>; menus: { commandPalette: Array<{ command: string; when?: string }> } } }).contributes;
    const keys = (command: string): string[] => c.keybindings.filter((k) => k.command === command).map((k) => `${k.key}|${k.mac ?? ''}`);
    assert.deepStrictEqual(keys('tipLens.undoDecision'), ['ctrl+z|cmd+z']);
    assert.deepStrictEqual(keys('tipLens.redoDecision'), ['ctrl+shift+z|cmd+shift+z', 'ctrl+y|']);
    for (const k of c.keybindings.filter((x) => x.command === 'tipLens.undoDecision' || x.command === 'tipLens.redoDecision')) {
      assert.match(k.when, k.command === 'tipLens.undoDecision' ? /^(!isMac && )?tipLens\.decisionUndoable && \(/ : /^(!isMac && )?tipLens\.decisionRedoable && \(/);
      assert.deepStrictEqual(k.args, { key: true });
    }
    const palette = new Map(c.menus.commandPalette.map((x) => [x.command, x.when]));
    assert.strictEqual(palette.get('tipLens.undoDecision'), 'tipLens.hasDecisionsToUndo');
    assert.strictEqual(palette.get('tipLens.redoDecision'), 'tipLens.hasDecisionsToRedo');
  });
});
