/**
 * What the integration suites share: where the extension and the workspace are, the texts they
 * copy in (our samples and fixture narratives; the real seed narrative, never committed, only
 * inside a suite declared with `seedSuite`), a folder of their own in the workspace, and a
 * bounded wait. Not a suite itself: `index.ts` loads only `*.test.js`.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { corpusSuite, seedText as corpusSeedText } from '../support/corpus';
import type { TipLensExports } from '../../src/extension/probes';

export const EXTENSION_ID = 'tip-lens.tip-lens';

/** The extension activated, and what its features record (`src/extension/probes.ts`). */
export async function extensionProbes(): Promise<ReadonlyMap<string, unknown>> {
  const extension = vscode.extensions.getExtension<TipLensExports>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not loaded`);
  return (await extension.activate()).probes;
}

export function extensionPath(): string {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not loaded`);
  return ext.extensionPath;
}

export function workspaceRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need the fixture workspace open');
  return folder.uri.fsPath;
}

/** A file of the workspace, by its path relative to the workspace folder. */
export function fileUri(relative: string): vscode.Uri {
  return vscode.Uri.file(path.join(workspaceRoot(), relative));
}

/**
 * Declares a mocha `suite` that reads the real seed narrative: it runs when the corpus is beside
 * the extension (`<extension root>/../shared/corpus`, or `$TIP_LENS_CORPUS`), and is otherwise
 * named as not run in the summary (`corpusSuite` of test/support/corpus.ts).
 */
export function seedSuite(title: string, fn: () => void): void {
  corpusSuite(suite, title, fn, extensionPath());
}

/** The real 2020 Mali narrative. Only inside a `seedSuite`, which runs only when it is there. */
export function seedText(): string {
  return corpusSeedText(extensionPath());
}

/** One of our samples, `samples/<name>`. */
export function sampleText(name = 'veldora-2023.tip.txt'): string {
  return fs.readFileSync(path.join(extensionPath(), 'samples', name), 'utf8');
}

/** One of our fixture narratives, `test/fixtures/narratives/<name>`. */
export function narrativeText(name: string): string {
  return fs.readFileSync(path.join(extensionPath(), 'test', 'fixtures', 'narratives', name), 'utf8');
}

/** Writes `text` to `relative` in the workspace (creating its folders) and returns its URI. */
export function writeFile(relative: string, text: string): vscode.Uri {
  const full = path.join(workspaceRoot(), relative);
  fs.mkdirSync(path.dirname(full), { recursive: true });
  fs.writeFileSync(full, text);
  return vscode.Uri.file(full);
}

/** A suite's folder in the workspace, which it removes when done (the workspace index reads the workspace). */
export function suiteFolder(name: string): { path(): string; write(file: string, text: string): vscode.Uri; remove(): void } {
  const dir = (): string => path.join(workspaceRoot(), name);
  return {
    path: dir,
    write(file, text) {
      return writeFile(path.join(name, file), text);
    },
    remove() {
      fs.rmSync(dir(), { recursive: true, force: true });
    },
  };
}

/** Polls `value` until it gives something, or fails after `timeoutMs` saying what it waited for. */
export async function waitFor<T>(what: string | (() => string), value: () => T | undefined | false, timeoutMs = 20_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const v = value();
    if (v) return v;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${typeof what === 'string' ? what : what()}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
