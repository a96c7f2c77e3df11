/**
 * Charts drawn when they come near the window, and drawn again at the new width when the page is
 * resized: a country with 25 years and 20 metrics costs the charts on screen, not all of them.
 */
export type Draw = (width: number) => SVGSVGElement | undefined;

/** The widest a chart is drawn, and the narrowest. */
const MAX_WIDTH = 760;
const MIN_WIDTH = 280;

export class LazyCharts {
  private readonly draws = new Map<HTMLElement, Draw>();
  private readonly observer = new IntersectionObserver((entries) => {
    for (const e of entries) if (e.isIntersecting) this.draw(e.target as HTMLElement);
  }, { rootMargin: '400px 0px' });
  private width = 0;
  private timer?: ReturnType<typeof setTimeout>;
  private readonly resize = new ResizeObserver(() => {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.resized(), 150);
  });

  constructor(root: HTMLElement) {
    this.resize.observe(root);
  }

  /** `holder` gets the chart `draw` gives (or `empty` when it gives none) once it is near the window. */
  add(holder: HTMLElement, draw: Draw): void {
    this.draws.set(holder, draw);
    this.observer.observe(holder);
  }

  /** Draws `holder` now (the page scrolls to it). */
  draw(holder: HTMLElement): void {
    const draw = this.draws.get(holder);
    if (!draw) return;
    this.observer.unobserve(holder);
    const width = Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, Math.floor(holder.clientWidth)));
    const svg = draw(width);
    holder.replaceChildren(...(svg ? [svg] : []));
    holder.dataset.drawn = svg ? 'true' : 'empty';
  }

  /** Forgets every chart (the page is drawn again). */
  clear(): void {
    this.observer.disconnect();
    this.draws.clear();
  }

  private resized(): void {
    const width = document.body.clientWidth;
    if (Math.abs(width - this.width) < 24) return;
    this.width = width;
    // Drawn charts are drawn again at their new width when they come near the window.
    for (const holder of this.draws.keys()) {
      if (holder.dataset.drawn) {
        delete holder.dataset.drawn;
        this.observer.observe(holder);
      }
    }
  }
}
