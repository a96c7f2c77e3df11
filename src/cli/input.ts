/**
 * Reading a FILE argument as text, with a reason in words when it cannot be read: missing,
 * a directory, unreadable, or binary (NUL bytes, or bytes that are not UTF-8 text).
 */
import { promises as fs } from 'node:fs';
import { decode, type ReadResult } from '../core/export/decode';

export { BINARY_WINDOW, decode, MAX_REPLACEMENT_SHARE, type ReadResult } from '../core/export/decode';

/**
 * Reads `file` as text, decoded as `decode` (src/core/export/decode.ts) does: UTF-8 without its
 * BOM, UTF-16 with a BOM, a few invalid sequences as U+FFFD with a warning, many as binary.
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
