/**
 * The two operations on `/`-separated paths (a URI's path) that the extension needs, without
 * Node's `path`, so that the browser build (vscode.dev, github.dev) has them too.
 */

/** The last segment of `p`: `a/b/c.txt` gives `c.txt` (a trailing `/` ignored). */
export function basename(p: string): string {
  const trimmed = p.length > 1 ? p.replace(/\/+$/, '') : p;
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** The path of `to` relative to the folder `from`, as Node's `path.posix.relative` gives it. */
export function relative(from: string, to: string): string {
  const a = from.split('/').filter((s) => s !== '' && s !== '.');
  const b = to.split('/').filter((s) => s !== '' && s !== '.');
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
}
