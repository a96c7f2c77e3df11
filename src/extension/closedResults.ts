/**
 * Results kept for documents that were closed, to be taken up again when the same text is opened
 * again: a check's findings survive closing a report, and come back without a new check if the
 * file did not change meanwhile. Plain data (no `vscode` import): unit-tested with plain mocha.
 */

/** FNV-1a over UTF-16 code units, with the length: enough to tell an edited text from the same one. */
export function textHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${text.length}:${h.toString(16)}`;
}

export class ClosedResults<T> {
  private readonly kept = new Map<string, { readonly hash: string; readonly result: T }>();

  constructor(private readonly max = 200) {}

  /** A document closed with `result` for exactly `text`. */
  closed(key: string, text: string, result: T): void {
    this.kept.delete(key);
    this.kept.set(key, { hash: textHash(text), result });
    if (this.kept.size > this.max) this.kept.delete(this.kept.keys().next().value!);
  }

  /** The result kept for `key` if `text` is the text it was for; forgotten either way. */
  reopened(key: string, text: string): T | undefined {
    const k = this.kept.get(key);
    if (!k) return undefined;
    this.kept.delete(key);
    return k.hash === textHash(text) ? k.result : undefined;
  }

  has(key: string): boolean {
    return this.kept.has(key);
  }

  forget(key: string): void {
    this.kept.delete(key);
  }
}
