/**
 * The marks a user can point at: a point of a chart (or a bar) shows the sentence it came from in
 * a tooltip when hovered or focused, and opens that sentence in the editor when clicked (or on
 * Enter). Each mark is focusable and labelled in words for a screen reader.
 */
import { host } from './dom';

/** What a mark stands for: a label, the sentence it came from, and where that sentence is. */
export interface PointInfo {
  readonly label: string;
  readonly sentence: string;
  readonly document: string;
  readonly start: number;
  readonly end: number;
}

const tooltip = (): HTMLElement => document.getElementById('tooltip')!;

function show(info: PointInfo, x: number, y: number): void {
  const tip = tooltip();
  tip.replaceChildren();
  const head = document.createElement('strong');
  head.textContent = info.label;
  const body = document.createElement('span');
  body.textContent = info.sentence;
  const hint = document.createElement('em');
  hint.textContent = 'Click to open the sentence';
  tip.append(head, body, hint);
  tip.hidden = false;
  // Beside the pointer, kept inside the window.
  const w = tip.offsetWidth;
  const hgt = tip.offsetHeight;
  tip.style.left = `${Math.max(4, Math.min(x + 14, window.innerWidth - w - 4)) + window.scrollX}px`;
  tip.style.top = `${(y + 16 + hgt > window.innerHeight ? y - hgt - 12 : y + 16) + window.scrollY}px`;
}

function hide(): void {
  tooltip().hidden = true;
}

function open(info: PointInfo): void {
  host.postMessage({ type: 'open', document: info.document, start: info.start, end: info.end });
}

/**
 * Makes the elements of the mark described as `mark` in `svg` (Plot binds each to the index of
 * its datum) point at `infos[index]`.
 */
export function bindPoints(svg: Element, mark: string, infos: readonly PointInfo[]): void {
  const group = svg.querySelector(`g[aria-description="${mark}"]`);
  if (!group) return;
  for (const el of group.querySelectorAll<SVGElement>('circle, rect, path')) {
    const i = (el as unknown as { __data__?: unknown }).__data__;
    const info = typeof i === 'number' ? infos[i] : undefined;
    if (!info) continue;
    el.classList.add('point');
    el.setAttribute('tabindex', '0');
    el.setAttribute('role', 'button');
    el.setAttribute('aria-label', `${info.label}. ${info.sentence}`);
    el.dataset.document = info.document;
    el.dataset.start = String(info.start);
    el.addEventListener('mouseenter', (e) => show(info, e.clientX, e.clientY));
    el.addEventListener('mousemove', (e) => show(info, e.clientX, e.clientY));
    el.addEventListener('mouseleave', hide);
    el.addEventListener('focus', () => {
      const r = el.getBoundingClientRect();
      show(info, r.right, r.bottom);
    });
    el.addEventListener('blur', hide);
    el.addEventListener('click', () => open(info));
    el.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        open(info);
      }
    });
  }
}

export { hide as hideTooltip };
