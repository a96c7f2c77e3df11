/**
 * Small DOM helpers of the page. Text from the reports is only ever set as text (never as HTML),
 * and no element gets a `style` attribute (the Content-Security-Policy forbids inline styles; the
 * page styles with its style sheet and, where it must, through CSSOM).
 */
import type { FromPage } from '../../extension/timeline/protocol';

interface VsCodeApi {
  postMessage(message: FromPage): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

/** The host: it can be acquired once per page. */
export const host: VsCodeApi = acquireVsCodeApi();

type Child = Node | string | undefined | false;

/** An element with attributes (a `true` attribute is present and empty, `false` or undefined absent) and children. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string | number | boolean | undefined> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c !== undefined && c !== false) el.append(c);
  return el;
}

/** A button that does `run` on click (and Enter and Space, as buttons do). */
export function button(label: string, title: string, run: () => void, attrs: Record<string, string> = {}): HTMLButtonElement {
  const b = h('button', { type: 'button', title, ...attrs }, label);
  b.addEventListener('click', (e) => {
    e.preventDefault();
    run();
  });
  return b;
}

/** The page's nonce (the script's own), for the style elements the chart library adds. */
export const nonce: string = (document.currentScript as HTMLScriptElement | null)?.nonce ?? '';

/** Lets the chart library's `<style>` elements through the Content-Security-Policy: they carry the page's nonce. */
export function allowStyles(root: Element): void {
  for (const s of root.querySelectorAll('style')) s.setAttribute('nonce', nonce);
}
