/**
 * The timeline's web page: one script and one style sheet of the extension's `dist/webview/`
 * (built by esbuild.js from src/webview/timeline/), under a strict Content-Security-Policy: no
 * network, nothing inline but what carries this page's nonce, images only from the extension
 * and `data:` (the PNG export draws the chart's SVG from a data URL on a canvas).
 */
import * as vscode from 'vscode';

/** The folder of the page's files: the only one the webview may load from. */
export function pageRoot(extensionUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'dist', 'webview');
}

/** The webview's options: scripts on, local resources from {@link pageRoot} only. */
export function pageOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return { enableScripts: true, localResourceRoots: [pageRoot(extensionUri)], enableFindWidget: true };
}

export function contentSecurityPolicy(webview: vscode.Webview, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${webview.cspSource} 'nonce-${nonce}'`,
    `img-src ${webview.cspSource} data:`,
  ].join('; ');
}

/** The page's HTML: it says it is loading until the host sends the model. */
export function pageHtml(webview: vscode.Webview, extensionUri: vscode.Uri, title: string): string {
  // Web Crypto: in Node 20 and in the browser's web worker alike.
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  const nonce = btoa(String.fromCharCode(...bytes));
  const root = pageRoot(extensionUri);
  const script = webview.asWebviewUri(vscode.Uri.joinPath(root, 'timeline.js'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(root, 'timeline.css'));
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(webview, nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style}" nonce="${nonce}">
<title>${escapeHtml(title)}</title>
</head>
<body>
<main id="app"><p class="status" role="status">Reading the workspace's reports…</p></main>
<div id="tooltip" role="tooltip" hidden></div>
<script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
