/**
 * Reading a FILE argument as text, with a reason in words when it cannot be read: missing,
 * a directory, unreadable, or binary (NUL bytes, or bytes that are not UTF-8 text).
 */
import { promises as fs } from 'node:fs';

export type ReadResult =
  | { readonly ok: true; readonly text: string; readonly warning?: string }
  | { readonly ok: false; readonly reason: string };

/** How much of the start of a file is searched for NUL bytes. */
export const BINARY_WINDOW = 8 * 1024;

/** Above this share of U+FFFD among the decoded characters, invalid UTF-8 means binary. */
export const MAX_REPLACEMENT_SHARE = 0.02;

/**
 * Reads `file` as text. UTF-8 (a BOM is dropped, as editors do, so offsets match theirs);
 * UTF-16 with a BOM is decoded too. A few invalid UTF-8 sequences (a stray Latin-1 byte)
 * become U+FFFD with a warning; many make the file binary.
 */
export async function readTextFile(file: string): Promise<ReadResult> {
  let bytes: Buffer;
  try {
    const st = await fs.stat(file);
    if (st.isDirectory()) return { ok: false, reason: 'is a directory' };
    if (!st.isFile()) return { ok: false, reason: 'not a regular file' };
    bytes = await fs.readFile(file);
  } catch (e) {
    return { ok: false, reason: describeError(e) };
  }
  return decode(bytes);
}

/** Decodes file content; exported for tests. */
export function decode(bytes: Uint8Array): ReadResult {
  // UTF-16 with a byte order mark (Notepad's "Unicode"): NUL bytes are expected there.
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    const enc = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    const text = new TextDecoder(enc).decode(bytes);
    if (text.indexOf('\u0000') !== -1) return { ok: false, reason: 'binary file (NUL characters)' };
    return { ok: true, text };
  }
  const head = bytes.subarray(0, BINARY_WINDOW);
  if (head.indexOf(0) !== -1) return { ok: false, reason: 'binary file (NUL bytes)' };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    // Invalid UTF-8: decide by how much of it there is.
  }
  const text = new TextDecoder('utf-8').decode(bytes);
  let replaced = 0;
  for (let i = text.indexOf('\ufffd'); i !== -1; i = text.indexOf('\ufffd', i + 1)) replaced++;
  if (replaced > text.length * MAX_REPLACEMENT_SHARE) {
    return { ok: false, reason: `binary file (not UTF-8 text: ${replaced} invalid byte sequences)` };
  }
  const s = replaced === 1 ? '' : 's';
  return { ok: true, text, warning: `${replaced} invalid UTF-8 sequence${s} read as U+FFFD` };
}

function describeError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT': return 'no such file';
    case 'ENOTDIR': return 'no such file (a part of the path is not a directory)';
    case 'EACCES':
    case 'EPERM': return 'permission denied';
    case 'EISDIR': return 'is a directory';
    case 'ELOOP': return 'too many symbolic links';
    case 'ENAMETOOLONG': return 'file name too long';
    default: return e instanceof Error ? e.message : String(e);
  }
}
