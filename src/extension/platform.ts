import type * as vscode from 'vscode';

/**
 * What differs between the Node extension host (`main.ts`) and the browser's web worker
 * (`web.ts`, vscode.dev, github.dev): the rest of the extension imports no Node built-in
 * (the browser build fails if it does, scripts/esbuild-no-node.js) and asks this instead.
 */
export interface Platform {
  readonly kind: 'node' | 'web';
  /**
   * Replaces `to` by `from` in one step (the system's `rename(2)`), for files on disk; absent in
   * the browser, where the annotation files are written, read back and compared instead.
   */
  readonly replaceFileOnDisk?: (from: vscode.Uri, to: vscode.Uri) => Promise<void>;
}

let current: Platform = { kind: 'web' };

export function setPlatform(platform: Platform): void {
  current = platform;
}

export function platform(): Platform {
  return current;
}
