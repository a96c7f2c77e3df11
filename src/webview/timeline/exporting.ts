/**
 * A chart as a file: an SVG document of its own (a title above the chart, the theme's colours
 * resolved from the `--vscode-*` variables, the editor's background), and a PNG drawn from that
 * SVG on a canvas, twice the size for sharp text. Both go to the host, which saves them.
 */
import { button, h, host } from './dom';

const NS = 'http://www.w3.org/2000/svg';
const TITLE_H = 30;
/** The attributes that may name a colour by a CSS variable. */
const COLOUR_ATTRIBUTES = ['fill', 'stroke', 'color', 'stop-color', 'flood-color'];

function resolver(): (value: string) => string {
  const styles = getComputedStyle(document.body);
  return (value) => value.replace(/var\((--[\w-]+)\)/g, (_, name: string) => styles.getPropertyValue(name).trim() || '#808080');
}

/** The chart as a standalone SVG document, with its width and height. */
export function svgDocument(svg: SVGSVGElement, title: string): { readonly text: string; readonly width: number; readonly height: number } {
  const resolve = resolver();
  const width = Number(svg.getAttribute('width')) || svg.getBoundingClientRect().width;
  const chartHeight = Number(svg.getAttribute('height')) || svg.getBoundingClientRect().height;
  const height = chartHeight + TITLE_H;
  const root = document.createElementNS(NS, 'svg');
  root.setAttribute('xmlns', NS);
  for (const [k, v] of Object.entries({ width, height, viewBox: `0 0 ${width} ${height}`, color: resolve('var(--vscode-editor-foreground)'), 'font-family': 'system-ui, sans-serif' })) root.setAttribute(k, String(v));
  const background = document.createElementNS(NS, 'rect');
  for (const [k, v] of Object.entries({ width, height, fill: resolve('var(--vscode-editor-background)') })) background.setAttribute(k, String(v));
  const heading = document.createElementNS(NS, 'text');
  for (const [k, v] of Object.entries({ x: 8, y: 20, fill: 'currentColor', 'font-size': 14, 'font-weight': 'bold' })) heading.setAttribute(k, String(v));
  heading.textContent = title;
  const chart = svg.cloneNode(true) as SVGSVGElement;
  chart.setAttribute('x', '0');
  chart.setAttribute('y', String(TITLE_H));
  for (const el of [chart, ...chart.querySelectorAll('*')]) {
    for (const a of COLOUR_ATTRIBUTES) {
      const v = el.getAttribute(a);
      if (v?.includes('var(')) el.setAttribute(a, resolve(v));
    }
    for (const a of ['tabindex', 'role', 'nonce', 'data-document', 'data-start']) el.removeAttribute(a);
    el.classList.remove('point');
  }
  const style = chart.querySelector('style');
  if (style?.textContent) style.textContent = resolve(style.textContent);
  root.append(background, heading, chart);
  return { text: `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(root)}\n`, width, height };
}

/** The SVG drawn on a canvas (`scale` times its size), as PNG bytes in base64. */
export async function pngBase64(svg: { readonly text: string; readonly width: number; readonly height: number }, scale = 2): Promise<string> {
  const img = new Image();
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg.text)}`;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(svg.width * scale);
  canvas.height = Math.round(svg.height * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas');
  ctx.scale(scale, scale);
  ctx.drawImage(img, 0, 0, svg.width, svg.height);
  return canvas.toDataURL('image/png').replace(/^data:image\/png;base64,/, '');
}

/** SVG and PNG buttons for the chart that `chart()` gives when asked (it may be drawn later, or again). */
export function chartActions(title: string, name: string, chart: () => SVGSVGElement | null): HTMLElement {
  const exportAs = async (format: 'svg' | 'png'): Promise<void> => {
    const svg = chart();
    if (!svg) return;
    const doc = svgDocument(svg, title);
    host.postMessage({ type: 'export', format, name, data: format === 'svg' ? doc.text : await pngBase64(doc) });
  };
  return h('div', { class: 'actions' },
    button('SVG', 'Export the chart as SVG', () => void exportAs('svg')),
    button('PNG', 'Export the chart as PNG', () => void exportAs('png')),
  );
}
