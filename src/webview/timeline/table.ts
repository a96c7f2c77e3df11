/**
 * A table of the page, from the plain `TableView` of src/core/timeline/tables.ts: a real `<table>`
 * with its `<caption>`, `<th scope="col">` headers that sort it when clicked (their `aria-sort`
 * says how), a `<th scope="row">` first cell, and the figures as buttons that open them. Below
 * it, Copy (tab-separated text, for a spreadsheet) and CSV.
 */
import { type SortDirection, sortRows, tableCsv, tableText, type TableView } from '../../core/timeline/tables';
import { button, h, host } from './dom';

export interface SortState {
  readonly column: number;
  readonly direction: SortDirection;
}

/** The table and its buttons; `sort` is where it starts, `onSort` hears the user's choice (to keep it). */
export function tableElement(view: TableView, name: string, sort: SortState, onSort: (s: SortState) => void): HTMLElement {
  const table = h('table', { class: 'data' }, h('caption', {}, view.caption));
  const headRow = h('tr');
  const body = h('tbody');
  let state = sort;

  const fill = (): void => {
    body.replaceChildren(...sortRows(view.rows, state.column, state.direction).map((row) => {
      const tr = h('tr', { class: row[row.length - 1]?.text ? 'disagree' : undefined });
      row.forEach((cell, i) => {
        const numeric = view.columns[i]?.numeric ?? false;
        const content = cell.at
          ? button(cell.text, 'Open this figure in the editor', () => host.postMessage({ type: 'open', document: cell.at!.document, start: cell.at!.start, end: cell.at!.end }), { class: 'link' })
          : cell.text;
        tr.append(i === 0 ? h('th', { scope: 'row' }, content) : h('td', { class: numeric ? 'num' : undefined }, content));
      });
      return tr;
    }));
    headRow.querySelectorAll('th').forEach((th, i) => {
      th.setAttribute('aria-sort', i === state.column ? state.direction : 'none');
    });
  };

  view.columns.forEach((c, i) => {
    const th = h('th', { scope: 'col', class: c.numeric ? 'num' : undefined });
    th.append(button(c.label, `Sort by ${c.label}`, () => {
      state = { column: i, direction: state.column === i && state.direction === 'ascending' ? 'descending' : 'ascending' };
      fill();
      onSort(state);
    }, { class: 'sort' }));
    headRow.append(th);
  });
  table.append(h('thead', {}, headRow), body);
  fill();

  const actions = h('div', { class: 'actions' },
    button('Copy', 'Copy the table as text (tab-separated, for a spreadsheet)', () => host.postMessage({ type: 'copy', text: tableText(view), what: view.caption })),
    button('CSV', 'Export the table as CSV', () => host.postMessage({ type: 'export', format: 'csv', name, data: tableCsv(view) })),
  );
  return h('div', { class: 'table-wrap' }, table, actions);
}
