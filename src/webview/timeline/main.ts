/**
 * The timeline's page (a webview of the extension): it asks the host for its model, draws it
 * (views.ts), and draws it again when the host sends a new one, keeping the scroll position and
 * how each table is sorted. Everything it does beyond drawing (open a sentence, copy, save) it
 * asks the host; it fetches nothing.
 */
import './timeline.css';
import type { ToPage } from '../../extension/timeline/protocol';
import { h, host } from './dom';
import { LazyCharts } from './lazy';
import { hideTooltip } from './points';
import { comparePage, focusMetric, type PageState, timelinePage } from './views';

const app = document.getElementById('app')!;
const lazy = new LazyCharts(app);
const saved = host.getState() as Partial<PageState> | undefined;
const state: PageState = { sorts: saved?.sorts ?? {} };

window.addEventListener('message', (e: MessageEvent<ToPage>) => {
  const m = e.data;
  hideTooltip();
  switch (m.type) {
    case 'model': {
      const y = window.scrollY;
      lazy.clear();
      if (m.model.view === 'timeline') timelinePage(app, m.model, lazy, state);
      else comparePage(app, m.model, lazy, state);
      if (!(m.model.view === 'timeline' && m.model.focus)) window.scrollTo(0, y);
      document.body.dataset.view = m.model.view;
      break;
    }
    case 'focus':
      focusMetric(m.metric, lazy);
      break;
    case 'empty':
      lazy.clear();
      app.replaceChildren(h('p', { class: 'status', role: 'status' }, m.message));
      break;
  }
});
window.addEventListener('scroll', hideTooltip, { passive: true });
host.postMessage({ type: 'ready' });
