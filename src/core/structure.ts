/**
 * The skeleton of a narrative: title, tier line, section headings and paragraphs, read
 * line by line in one pass. A whole TIP report holds many narratives one after another.
 */
import { SECTION_HEADING, TIER_LINE, TITLE_LINE } from './detect';
import type { SectionKind, Span, Tier } from './model';

export interface Line extends Span {
  readonly text: string;
}

export interface Block extends Span {
  readonly text: string;
  readonly role: 'title' | 'tier' | 'heading' | 'paragraph';
  /** For headings: the kind of section they open. */
  readonly kind?: SectionKind;
}

/** Splits into lines without their `\r\n` / `\n`; offsets are into `text`. */
export function lines(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  const n = text.length;
  while (start <= n) {
    let end = text.indexOf('\n', start);
    const next = end === -1 ? n + 1 : end + 1;
    if (end === -1) end = n;
    const stop = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    out.push({ start, end: stop, text: text.slice(start, stop) });
    start = next;
  }
  return out;
}

export function headingKind(line: string): SectionKind | undefined {
  const h = line.trim().toUpperCase();
  if (h.startsWith('PRIORITIZED RECOMMENDATIONS') || h.startsWith('RECOMMENDATIONS FOR')) return 'recommendations';
  if (h === 'PROSECUTION') return 'prosecution';
  if (h === 'PROTECTION') return 'protection';
  if (h === 'PREVENTION') return 'prevention';
  if (h === 'TRAFFICKING PROFILE') return 'profile';
  return undefined;
}

/** Classifies each non-blank line. Paragraph lines may be many kilobytes long. */
export function blocks(text: string): Block[] {
  const out: Block[] = [];
  for (const line of lines(text)) {
    let s = line.start;
    let e = line.end;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    if (s === e) {
      out.push(BLANK);
      continue;
    }
    const t = text.slice(s, e);
    if (t.length <= 200) {
      if (TITLE_LINE.test(t)) {
        out.push({ start: s, end: e, text: t, role: 'title' });
        continue;
      }
      if (TIER_LINE.test(t)) {
        out.push({ start: s, end: e, text: t, role: 'tier' });
        continue;
      }
      if (SECTION_HEADING.test(t)) {
        out.push({ start: s, end: e, text: t, role: 'heading', kind: headingKind(t) ?? 'other' });
        continue;
      }
    }
    out.push({ start: s, end: e, text: t, role: 'paragraph' });
  }
  return joinWrapped(text, out);
}

/** Stands for a blank line while lines are joined; never returned. */
const BLANK: Block = { start: -1, end: -1, text: '', role: 'paragraph' };

/** A line that ends a sentence: `.`, `?`, `!` or `:`, maybe before a closing quote or parenthesis. */
const ENDS_SENTENCE = /[.?!:]["”’)\]]*$/;

/**
 * Text pasted from a PDF breaks its sentences across lines. A run of paragraph lines with no blank
 * line between them, most of which do not end a sentence, is one hard-wrapped paragraph: its lines
 * are joined, so that a sentence stays one sentence and `Of the 77 ...` still finds its 77. A line
 * that starts in lower case continues the line before it in any case.
 */
function joinWrapped(text: string, blocks: readonly Block[]): Block[] {
  const out: Block[] = [];
  let i = 0;
  while (i < blocks.length) {
    const b = blocks[i]!;
    if (b === BLANK) {
      i++;
      continue;
    }
    if (b.role !== 'paragraph') {
      out.push(b);
      i++;
      continue;
    }
    let j = i + 1;
    while (j < blocks.length && blocks[j] !== BLANK && blocks[j]!.role === 'paragraph') j++;
    const run = blocks.slice(i, j);
    const open = run.slice(0, -1).filter((r) => !ENDS_SENTENCE.test(r.text)).length;
    const wrapped = run.length > 1 && open * 2 >= run.length - 1;
    let cur = run[0]!;
    for (let k = 1; k < run.length; k++) {
      const next = run[k]!;
      if (wrapped || !ENDS_SENTENCE.test(cur.text) && /^[a-z(]/.test(next.text)) {
        cur = { start: cur.start, end: next.end, text: text.slice(cur.start, next.end), role: 'paragraph' };
      } else {
        out.push(cur);
        cur = next;
      }
    }
    out.push(cur);
    i = j;
  }
  return out;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 13 || c === 0xfeff || c === 0xa0;
}

const TIER_NAME = /Tier\s+2\s+Watch\s+List|Tier\s+[123]|Special\s+Case/;

export function parseTier(s: string): Tier | undefined {
  const m = TIER_NAME.exec(s);
  if (!m) return undefined;
  const t = m[0].replace(/\s+/g, ' ');
  return t as Tier;
}

/** `2020 Trafficking in Persons Report: Mali` -> year and country. */
export function parseTitle(t: string): { year?: number; country?: string } {
  const m = /((?:19|20)\d{2}) Trafficking in Persons Report:\s*(.+?)\s*$/.exec(t);
  if (!m) return {};
  return { year: Number(m[1]), country: m[2] };
}

/** `MALI: Tier 2 Watch List` -> `Mali` and the tier. */
export function parseTierLine(t: string): { country?: string; tier?: Tier } {
  const colon = t.indexOf(':');
  const raw = t.slice(0, colon).replace(/^\uFEFF/, '').trim();
  const country = raw === raw.toUpperCase() ? titleCase(raw) : raw;
  const tier = parseTier(t.slice(colon + 1));
  return tier ? { country, tier } : { country };
}

const SMALL = new Set(['of', 'the', 'and', 'da', 'de', 'du', 'des', 'la', 'le', 'et']);

export function titleCase(s: string): string {
  return s
    .toLowerCase()
    .split(/(\s+|-)/)
    .map((w, i) => (i > 0 && SMALL.has(w) ? w : w.charAt(0).toUpperCase() + w.slice(1)))
    .join('')
    .replace(/(['’])(\p{L})/gu, (_m, a: string, b: string) => a + b.toUpperCase())
    .replace(/D(['’])I/g, "d$1I");
}

