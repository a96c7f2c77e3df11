/**
 * Recognizes a Trafficking in Persons narrative by its content, so that a plain `.txt`
 * draft gets the TIP Report language. Reads at most the first {@link DETECT_WINDOW}
 * characters, line by line, so a multi-megabyte log is rejected as fast as a short note.
 */

/** How much of a document detection reads. Narratives put the tier line and the first heading well inside it. */
export const DETECT_WINDOW = 64 * 1024;

/** `2020 Trafficking in Persons Report: Mali`, with an optional BOM. */
export const TITLE_LINE = /^\uFEFF?\s*(?:19|20)\d{2} Trafficking in Persons Report: \S/;

/** `MALI: Tier 2 Watch List`; also the mixed case of some years (`Mali: Tier 2`). */
export const TIER_LINE =
  /^\uFEFF?\s*[A-Z][\p{L}\p{M} .,'’()&-]{1,80}:\s+(?:Tier\s+(?:1|2|3|2\s+Watch\s+List)|Special\s+Case)\s*$/u;

/** Section headings of every year: upper case on their own line, or the older mixed case. */
export const SECTION_HEADING =
  /^\s*(?:PRIORITIZED RECOMMENDATIONS:?|RECOMMENDATIONS FOR [\p{Lu} .'’-]+:|Recommendations for [\p{L} .'’-]+:|PROSECUTION|PROTECTION|PREVENTION|TRAFFICKING PROFILE|Prosecution|Protection|Prevention|Trafficking Profile)\s*$/u;

export interface Detection {
  readonly isTipReport: boolean;
  /** Why, in words a log or a test can show. */
  readonly reason: string;
}

/**
 * Decides whether `text` is a TIP narrative: a title line, or a tier line together with at
 * least two section headings. Prose that merely mentions trafficking has neither.
 */
export function detectTipReport(text: string): Detection {
  const window = text.length > DETECT_WINDOW ? text.slice(0, DETECT_WINDOW) : text;
  if (window.length === 0) return { isTipReport: false, reason: 'empty' };
  // Binary content: NUL characters never appear in a narrative.
  if (window.indexOf('\u0000') !== -1) return { isTipReport: false, reason: 'binary' };

  let tierLine = false;
  let headings = 0;
  let start = 0;
  let firstLine = true;
  while (start <= window.length) {
    let end = window.indexOf('\n', start);
    if (end === -1) end = window.length;
    // Paragraphs are long single lines; only short lines can be a title, tier line or heading.
    if (end - start <= 200) {
      const line = window.slice(start, end).replace(/\r$/, '');
      if (firstLine && TITLE_LINE.test(line)) return { isTipReport: true, reason: 'title line' };
      if (TIER_LINE.test(line)) tierLine = true;
      else if (SECTION_HEADING.test(line)) headings++;
      if (tierLine && headings >= 2) return { isTipReport: true, reason: 'tier line and section headings' };
    }
    // A title is the first line that is not blank.
    if (firstLine && !isBlank(window, start, end)) firstLine = false;
    start = end + 1;
  }
  if (!tierLine) return { isTipReport: false, reason: 'no tier line' };
  return { isTipReport: false, reason: 'tier line without section headings' };
}

function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13 && c !== 0xfeff) return false;
  }
  return true;
}
