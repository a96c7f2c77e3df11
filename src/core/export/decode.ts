/**
 * A report's bytes as text, with a reason in words when they are not text: binary (NUL bytes, or
 * bytes that are not UTF-8 text). The command line and the extension read files their own way
 * and decode them here, so both take the same files for text.
 */
import { plural } from '../labels';

export type ReadResult =
  | { readonly ok: true; readonly text: string; readonly warning?: string }
  | { readonly ok: false; readonly reason: string };

/** How much of the start of a file is searched for NUL bytes. */
export const BINARY_WINDOW = 8 * 1024;

/** Above this share of U+FFFD among the decoded characters, invalid UTF-8 means binary. */
export const MAX_REPLACEMENT_SHARE = 0.02;

/**
 * Decodes a file's bytes as text. UTF-8 (a BOM is dropped, as editors do, so offsets match
 * theirs); UTF-16 with a BOM is decoded too. A few invalid UTF-8 sequences (a stray Latin-1
 * byte) become U+FFFD with a warning; many make the file binary.
 */
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
  return { ok: true, text, warning: `${plural(replaced, 'invalid UTF-8 sequence')} read as U+FFFD` };
}
