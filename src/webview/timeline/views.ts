/**
 * The two pages: a country over the years (a header with the legend and the notes, the tier band,
 * then a section a metric: its chart beside its table, and below them each disagreement with the
 * check's finding), and a metric of one year across countries (bars beside a table).
 */
import { formatNumber } from '../../core/labels';
import { compareTable, metricTable } from '../../core/timeline/tables';
import type { CompareModel, TimelineModel } from '../../extension/timeline/protocol';
import { barChart, metricChart, tierBand } from './charts';
import { button, h, host } from './dom';
import { chartActions } from './exporting';
import type { LazyCharts } from './lazy';
import { type SortState, tableElement } from './table';

/** What the page keeps across redraws and reloads: how each table is sorted. */
export interface PageState {
  sorts: Record<string, SortState>;
}

function legend(): HTMLElement {
  const item = (cls: string, text: string) => h('li', {}, h('span', { class: `swatch ${cls}`, 'aria-hidden': 'true' }), text);
  return h('ul', { class: 'legend', 'aria-label': 'Legend' },
    item('own', "the year's own narrative"), item('restated', "next year's restatement"), item('disagree', 'the two disagree'));
}

/** A chart's place: drawn when it comes near the window, with its SVG and PNG buttons. */
function chartFigure(lazy: LazyCharts, label: string, title: string, name: string, draw: (width: number) => SVGSVGElement | undefined): HTMLElement {
  const holder = h('div', { class: 'plot', role: 'img', 'aria-label': label });
  const figure = h('figure', { class: 'chart' }, holder, chartActions(title, name, () => holder.querySelector('svg')));
  lazy.add(holder, draw);
  return figure;
}

function sorted(state: PageState, id: string, fallback: SortState): [SortState, (s: SortState) => void] {
  return [state.sorts[id] ?? fallback, (s) => {
    state.sorts[id] = s;
    host.setState(state);
  }];
}

export function timelinePage(app: HTMLElement, model: TimelineModel, lazy: LazyCharts, state: PageState): void {
  const s = model.series;
  const first = s.years[0];
  const last = s.years[s.years.length - 1];
  const reports = s.reports;
  const reportYears = new Map(reports.map((r) => [r.dataYear, r.reportYear]));
  const disagreements = s.metrics.reduce((n, m) => n + m.points.filter((p) => p.disagreement).length, 0);
  const span = reports.length > 0 ? `reports ${reports[0]!.reportYear}${reports.length > 1 ? `–${reports[reports.length - 1]!.reportYear}` : ''}` : 'no report';
  const header = h('header', {},
    h('h1', {}, `${s.country} over the years`),
    h('p', { class: 'sub' }, `Figures by data year, ${first}–${last}, from ${reports.length} narrative${reports.length === 1 ? '' : 's'} (${span}; the 2021 report covers 2020). `
      + (disagreements > 0 ? `${disagreements} year${disagreements === 1 ? '' : 's'} where the two sources disagree.` : 'The two sources agree wherever both speak.')),
    legend(),
  );
  if (s.notes.length > 0) header.append(h('ul', { class: 'notes' }, ...s.notes.map((n) => h('li', {}, n))));
  const nav = h('nav', { 'aria-label': 'Metrics' }, h('ul', {}, ...s.metrics.map((m) => {
    const flagged = m.points.some((p) => p.disagreement);
    return h('li', {}, h('a', { href: `#m-${m.metric}` }, m.label), flagged ? h('span', { class: 'flag', title: 'the two sources disagree' }, ' ≠') : undefined);
  })));
  nav.addEventListener('click', (e) => {
    const a = (e.target as Element).closest('a');
    if (!a) return;
    e.preventDefault();
    focusMetric(a.getAttribute('href')!.slice(3), lazy);
  });
  const tierText = reports.filter((r) => r.tier).map((r) => `${r.dataYear}: ${r.tier}`).join('; ');
  const tier = h('section', { class: 'tier', 'aria-labelledby': 'tier-h' },
    h('h2', { id: 'tier-h' }, 'Tier'),
    chartFigure(lazy, `Tier by data year: ${tierText || 'not stated'}`, `${s.country}: tier by data year`, `${s.country} tier`, (w) => tierBand(s, w)));
  const sections = s.metrics.map((m) => {
    const id = `m-${m.metric}`;
    const section = h('section', { class: 'metric', id, 'aria-labelledby': `${id}-h` });
    section.dataset.metric = m.metric;
    section.append(h('h2', { id: `${id}-h` }, m.label));
    const stated = m.points.some((p) => p.current || p.restated);
    if (!stated) {
      section.append(h('p', { class: 'none' }, 'Not stated in these narratives.'));
      return section;
    }
    const name = `${s.country} ${m.label}`;
    const [sort, onSort] = sorted(state, id, { column: 0, direction: 'ascending' });
    const values = m.points.map((p) => `${p.year}: ${p.current ? formatNumber(p.current.value) : '–'}${p.restated ? ` (restated ${formatNumber(p.restated.value)})` : ''}`).join('; ');
    section.append(h('div', { class: 'pair' },
      chartFigure(lazy, `${m.label} by data year. ${values}`, `${s.country}: ${m.label}`, name, (w) => metricChart(m, s.years, w)),
      tableElement(metricTable(s.country, m, reportYears), name, sort, onSort)));
    const found = m.points.filter((p) => p.disagreement);
    if (found.length > 0) {
      section.append(h('ul', { class: 'disagreements', 'aria-label': 'Where the two sources disagree' }, ...found.map((p) => {
        const finding = model.findings.find((f) => f.metric === m.metric && f.year === p.year);
        return h('li', {},
          h('span', { class: 'swatch disagree', 'aria-hidden': 'true' }), p.disagreement!,
          finding ? h('div', { class: 'finding' }, h('strong', {}, 'The check (previous-period): '), finding.message, ' ',
            button('Open', 'Open the finding in the editor', () => host.postMessage({ type: 'open', document: finding.document, start: finding.start, end: finding.end }), { class: 'link' })) : undefined);
      })));
    }
    return section;
  });
  app.replaceChildren(header, nav, tier, ...sections);
  if (model.focus) focusMetric(model.focus, lazy);
}

/** Scrolls to a metric's section and draws its chart at once. */
export function focusMetric(metric: string, lazy: LazyCharts): void {
  const section = document.getElementById(`m-${metric}`);
  if (!section) return;
  const holder = section.querySelector<HTMLElement>('.plot');
  if (holder && !holder.dataset.drawn) lazy.draw(holder);
  section.scrollIntoView({ block: 'start' });
  section.querySelector<HTMLElement>('h2')?.focus();
}

export function comparePage(app: HTMLElement, model: CompareModel, lazy: LazyCharts, state: PageState): void {
  const stated = model.values.filter((v) => v.value !== undefined).length;
  const name = `${model.label} ${model.year}`;
  const [sort, onSort] = sorted(state, `compare-${model.metric}-${model.year}`, { column: 1, direction: 'descending' });
  const header = h('header', {},
    h('h1', {}, `${model.label} in ${model.year}, by country`),
    h('p', { class: 'sub' }, `${stated} of ${model.values.length} countr${model.values.length === 1 ? 'y' : 'ies'} of the workspace state it. Each is its own narrative's figure for ${model.year} (the ${model.year + 1} reports), else the next year's restatement (orange bars).`),
  );
  const section = h('section', { class: 'metric compare' }, h('div', { class: 'pair' },
    chartFigure(lazy, `${model.label} in ${model.year} by country`, `${model.label} in ${model.year}`, name, (w) => barChart(model.values, model.label, w)),
    tableElement(compareTable(model.metric, model.year, model.values), name, sort, onSort)));
  section.dataset.metric = model.metric;
  app.replaceChildren(header, section);
}
