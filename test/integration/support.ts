/**
 * What the integration suites share: where the extension and the workspace are, the texts they
 * copy in (the real seed narrative, read from `<extension root>/../shared/corpus` and never
 * committed; our samples), a folder of their own in the workspace, and a bounded wait.
 * Not a suite itself: `index.ts` loads only `*.test.js`.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'tip-lens.tip-lens';

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

/** The real 2020 Mali narrative. */
export function seedText(): string {
  const seed = path.join(extensionPath(), '..', 'shared', 'corpus', 'mali-2020.txt');
  assert.ok(fs.existsSync(seed), `the seed narrative is missing: ${seed}`);
  return fs.readFileSync(seed, 'utf8');
}

/** One of our samples, `samples/<name>`. */
export function sampleText(name = 'veldora-2023.tip.txt'): string {
  return fs.readFileSync(path.join(extensionPath(), 'samples', name), 'utf8');
}

/** A suite's folder in the workspace, which it removes when done (the workspace index reads the workspace). */
export function suiteFolder(name: string): { path(): string; write(file: string, text: string): vscode.Uri; remove(): void } {
  const dir = (): string => path.join(workspaceRoot(), name);
  return {
    path: dir,
    write(file, text) {
      const full = path.join(dir(), file);
      fs.mkdirSync(path.dirname(full), { recursive: true });
      fs.writeFileSync(full, text);
      return vscode.Uri.file(full);
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
