/** Words and text for the Report view's items, and its filter: plain strings, no `vscode`. */
import { ENTITY_LABELS, formatNumber } from '../labels';
import type { Amount, Entity, EntityType, Money } from '../model';

/** `government body` -> `Government bodies`, `plan or policy` -> `Plans or policies`. */
export function entityTypeLabel(type: EntityType): string {
  const plural = (w: string): string => (/[^aeiou]y$/.test(w) ? `${w.slice(0, -1)}ies` : `${w}s`);
  const label = ENTITY_LABELS[type]
    .split(' or ')
    .map((part) => part.replace(/(\S+)$/, (w) => plural(w)))
    .join(' or ');
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/** `Malian armed forces (FAMa)`: the name with its acronym, as the report defines it. */
export function entityLabel(e: Entity): string {
  if (e.acronym && e.longForm) return `${e.longForm} (${e.acronym})`;
  if (e.acronym && e.acronym !== e.name) return `${e.name} (${e.acronym})`;
  return e.name;
}

/** `500,000-2,000,000`: an amount's value, or its range. */
export function amountValue(a: Amount): string {
  return a.max !== undefined ? `${formatNumber(a.value)}-${formatNumber(a.max)}` : formatNumber(a.value);
}

/** `500,000-2,000,000 XOF ($860 to $3,440)`. */
export function moneyLabel(m: Money): string {
  return `${amountValue(m)} ${m.currency}${m.conversion ? ` (${m.conversion.text})` : ''}`;
}

/** Text as Markdown that shows it literally (every ASCII punctuation mark escaped; spaces kept, so it wraps). */
export function escapeMarkdown(s: string): string {
  return s.replace(/[!-/:-@[-`{-~]/g, (c) => `\\${c}`);
}

/** Case-insensitive substring match over everything an item shows. */
export class Filter {
  private readonly needle: string;
  constructor(readonly text: string) {
    this.needle = text.toLocaleLowerCase();
  }
  matches(...parts: ReadonlyArray<string | undefined>): boolean {
    return parts.some((p) => p !== undefined && p.toLocaleLowerCase().includes(this.needle));
  }
  /** Where the filter occurs in `label`, for highlights. */
  highlights(label: string): [number, number][] {
    const out: [number, number][] = [];
    const hay = label.toLocaleLowerCase();
    for (let i = hay.indexOf(this.needle); i >= 0 && this.needle; i = hay.indexOf(this.needle, i + this.needle.length)) {
      out.push([i, i + this.needle.length]);
    }
    return out;
  }
}
