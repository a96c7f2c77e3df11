/**
 * The Report view's model (src/core/reportTree/), without VS Code: the groups by section and by
 * metric, money, entities with their mentions, the filter, the chunks of 500 and the annotations
 * group, on the narratives of samples/ (ours).
 */
import * as assert from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../src/core/analyze';
import { anchorAll, applyAnnotations, selectorFor, type Anchored, type Annotation } from '../../src/core/annotations';
import { ENTITY_LABELS, METRIC_LABELS, SECTION_LABELS } from '../../src/core/labels';
import type { Analysis } from '../../src/core/model';
import { ReportIndex } from '../../src/core/query';
import { CHUNK, entityTypeLabel, ReportTreeModel, type GroupBy, type NodeOf, type ReportNode } from '../../src/core/reportTree';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const V2023 = readFileSync(path.join(ROOT, 'samples', 'veldora-2023.tip.txt'), 'utf8');
const V2022 = readFileSync(path.join(ROOT, 'samples', 'veldora-2022.tip.txt'), 'utf8');

const WORDS = {
  annotationTitle: (a: Annotation): string => `${a.decision} title`,
  status: (item: { readonly status?: string }): string | undefined => (item.status && item.status !== 'automatic' ? item.status : undefined),
};

function modelOf(text: string, o: { groupBy?: GroupBy; filter?: string; annotations?: readonly Annotation[]; analysis?: Analysis } = {}): ReportTreeModel {
  const anchored: Anchored[] = o.annotations ? anchorAll(text, o.annotations) : [];
  const analysis = applyAnnotations(o.analysis ?? analyze(text), anchored, text).analysis;
  return new ReportTreeModel(
    { text, analysis, index: new ReportIndex(analysis), anchored, uri: 'file:///w/veldora-2023.tip.txt', name: 'veldora-2023.tip.txt' },
    o.groupBy ?? 'section', o.filter, WORDS,
  );
}

const label = (m: ReportTreeModel, n: ReportNode): string => m.view(n).label;

/** Markdown as it reads: the escapes of punctuation dropped. */
const plain = (md: string | undefined): string => (md ?? '').replace(/\\(?=[^\w\s])/g, '');

function root(m: ReportTreeModel, kind: ReportNode['kind']): ReportNode {
  const r = m.roots().find((n) => n.kind === kind);
  assert.ok(r, `a ${kind} root among ${m.roots().map((n) => n.kind).join(', ')}`);
  return r;
}

/** Children with the chunks opened: the whole list under a node. */
function all(m: ReportTreeModel, n: ReportNode): ReportNode[] {
  return m.children(n).flatMap((c) => (c.kind === 'chunk' ? m.children(c) : [c]));
}

function annotate(text: string, quote: string, rest: Partial<Annotation>): Annotation {
  const at = text.indexOf(quote);
  assert.ok(at >= 0, `"${quote}" is in the text`);
  return { id: `a${at}`, decision: 'note', selector: selectorFor(text, at, at + quote.length), created: '2026-12-01T00:00:00Z', ...rest };
}

describe('the Report view model (core/reportTree)', () => {
  const a = analyze(V2023);

  it('shows the report, figures, money and entities at the root; its meta under Report', () => {
    const m = modelOf(V2023, { analysis: a });
    assert.deepStrictEqual(m.roots().map((n) => [n.kind, n.id]), [['report', 'report'], ['figures', 'figures'], ['money', 'money'], ['entities', 'entities']]);
    const report = root(m, 'report');
    assert.deepStrictEqual(m.view(report), {
      label: 'Report', state: 'expanded', description: 'Veldora · 2023 · Tier 2 Watch List', tooltip: 'veldora\\-2023\\.tip\\.txt: 1 narrative',
    });
    const meta = m.children(report);
    assert.deepStrictEqual(meta.map((n) => [label(m, n), m.view(n).description]), [['Veldora', 'country'], ['2023', 'report year'], ['Tier 2 Watch List', 'Therefore Veldora remained on Tier 2.']], 'the tier says what the summary says of it');
    assert.match(plain(m.view(meta[2]!).tooltip), /^\*\*Tier\*\*: Tier 2 Watch List\n\n\*\*Summary\*\* \(\w+\):\n\n> Therefore Veldora remained on Tier 2\.$/);
    assert.strictEqual(V2023.slice(m.view(meta[0]!).reveal!.start, m.view(meta[0]!).reveal!.end), '2023 Trafficking in Persons Report: Veldora', 'country reveals the title line');
  });

  for (const groupBy of ['section', 'metric'] as const) {
    it(`groups figures by ${groupBy}, then by the other, in the labels' order and in text order`, () => {
      const m = modelOf(V2023, { groupBy, analysis: a });
      const figures = root(m, 'figures');
      assert.deepStrictEqual(m.view(figures), { label: 'Figures', state: 'expanded', description: String(a.figures.length) });
      const outer = m.children(figures);
      const [outerOrder, innerOrder] = groupBy === 'section' ? [Object.values(SECTION_LABELS), Object.values(METRIC_LABELS)] : [Object.values(METRIC_LABELS), Object.values(SECTION_LABELS)];
      const rank = (order: string[]) => (n: ReportNode) => order.indexOf(label(m, n));
      const sorted = (xs: number[]) => xs.every((x, i) => i === 0 || xs[i - 1]! < x);
      assert.ok(outer.length > 1);
      assert.ok(sorted(outer.map(rank(outerOrder))), outer.map((n) => label(m, n)).join(', '));
      const seen: NodeOf<'figure'>['figure'][] = [];
      for (const g of outer) {
        assert.strictEqual(g.kind, 'figureGroup');
        assert.strictEqual(g.id, `figures/by-${groupBy}/${(g as NodeOf<'figureGroup'>).keys[0]}`);
        const inner = m.children(g);
        assert.ok(sorted(inner.map(rank(innerOrder))));
        let n = 0;
        for (const sub of inner) {
          const list = m.children(sub) as NodeOf<'figure'>[];
          assert.strictEqual(m.view(sub).description, String(list.length));
          assert.ok(sorted(list.map((f) => f.figure.start)), 'text order');
          for (const f of list) {
            const key = groupBy === 'section' ? [f.figure.section, f.figure.metric] : [f.figure.metric, f.figure.section];
            assert.deepStrictEqual(key, (sub as NodeOf<'figureGroup'>).keys);
            assert.strictEqual(f.parent, sub);
          }
          n += list.length;
          seen.push(...list.map((f) => f.figure));
        }
        assert.strictEqual(m.view(g).description, String(n));
      }
      assert.strictEqual(seen.length, a.figures.length, 'every figure once');
      assert.deepStrictEqual(new Set(seen), new Set(a.figures));
    });
  }

  it('a figure: its label, its value when the label does not start with it, the span it reveals, its tooltip', () => {
    const m = modelOf(V2023, { analysis: a });
    const figures = m.children(root(m, 'figures')).flatMap((g) => m.children(g)).flatMap((g) => m.children(g)) as NodeOf<'figure'>[];
    const convicted = figures.find((f) => f.figure.text === '14' && f.figure.metric === 'convictions');
    assert.ok(convicted, figures.map((f) => f.figure.text).join(' | '));
    const v = m.view(convicted);
    assert.strictEqual(v.state, 'none');
    assert.deepStrictEqual(v.reveal, convicted.figure);
    assert.match(v.label, / - convictions - /);
    const tip = plain(m.tooltip(convicted));
    assert.match(tip, /\| Metric \| convictions \|/);
    assert.match(tip, new RegExp(`\\| Line \\| ${m.lineOf(convicted.figure.start)} \\|`));
    assert.match(tip, /> These efforts included prosecuting more defendants, convicting 14 traffickers/);
  });

  it('money: each amount with its stated conversion; the tooltip gives the implied rate at the shared precision', () => {
    const m = modelOf(V2023, { analysis: a });
    const money = root(m, 'money');
    assert.deepStrictEqual(m.view(money), { label: 'Money', state: 'collapsed', description: String(a.money.length) });
    const amounts = m.children(money) as NodeOf<'amount'>[];
    assert.deepStrictEqual(amounts.map((n) => n.money), a.money);
    const first = amounts[0]!;
    assert.strictEqual(label(m, first), '1,000,000-5,000,000 XOF ($1,650 to $8,260)');
    assert.strictEqual(m.view(first).description, 'Prosecution');
    assert.ok(m.view(first).reveal!.end > first.money.end, 'an amount with its conversion reveals both');
    assert.match(plain(m.tooltip(first)), /\| Implied rate \| 1 USD = 605\.45 XOF \(its rounding allows 604\.96 to 605\.69\) \|/);
    assert.match(plain(m.tooltip(amounts.find((n) => !n.money.conversion)!)), /\| Stated conversion \| none \|/);
  });

  it('entities by type, each with its mentions: the line, the mention highlighted, the definition marked', () => {
    const m = modelOf(V2023, { analysis: a });
    const entities = root(m, 'entities');
    assert.deepStrictEqual(m.view(entities).description, String(a.entities.length));
    const types = m.children(entities) as NodeOf<'entityType'>[];
    assert.deepStrictEqual(types.map((t) => t.type), Object.keys(ENTITY_LABELS).filter((t) => a.entities.some((e) => e.type === t)));
    const bodies = types.find((t) => t.type === 'government-body')!;
    assert.strictEqual(label(m, bodies), 'Government bodies');
    assert.strictEqual(entityTypeLabel('plan'), 'Plans or policies');
    const ocpm = (m.children(bodies) as NodeOf<'entity'>[]).find((e) => e.entity.acronym === 'OCPM')!;
    assert.strictEqual(label(m, ocpm), 'Central Office for the Protection of Minors (OCPM)');
    assert.strictEqual(m.view(ocpm).description, `${ocpm.entity.mentions.length} mentions`);
    assert.match(plain(m.tooltip(ocpm)), /\| Acronym \| OCPM \|/);
    const mentions = m.children(ocpm) as NodeOf<'mention'>[];
    assert.strictEqual(mentions.length, ocpm.entity.mentions.length);
    for (const n of mentions) {
      const v = m.view(n);
      const [[from, to]] = v.highlights as [number, number][];
      assert.strictEqual(v.label.slice(from!, to), n.mention.text, v.label);
      assert.match(v.label, new RegExp(`^line ${m.lineOf(n.mention.start)}: `));
      assert.deepStrictEqual(v.reveal, n.mention);
      assert.match(plain(m.tooltip(n)), /^\*\*Central Office for the Protection of Minors \(OCPM\)\*\* \(government body\)\n\n> /);
    }
    assert.ok(mentions.some((n) => m.view(n).description === 'definition'));
  });

  it('the filter: only what matches, counts as "n of m", labels highlighted, groups open; nothing at all: empty', () => {
    const m = modelOf(V2023, { filter: '  ocpm ', analysis: a });
    assert.deepStrictEqual(m.roots().map((n) => n.id), ['figures~ocpm', 'entities~ocpm'].filter((id) => id !== 'figures~ocpm' || m.figureTotal() > 0));
    const entities = root(m, 'entities');
    assert.strictEqual(m.view(entities).state, 'expanded', 'few matches: open at once');
    assert.strictEqual(m.view(entities).description, `1 of ${a.entities.length}`);
    const [type] = m.children(entities);
    const [ocpm] = m.children(type!);
    const v = m.view(ocpm!);
    assert.deepStrictEqual(v.highlights, [[v.label.indexOf('OCPM'), v.label.indexOf('OCPM') + 4]]);
    assert.strictEqual(m.children(ocpm!).length, (ocpm as NodeOf<'entity'>).entity.mentions.length, 'an entity that matches shows all its mentions');
    const none = modelOf(V2023, { filter: 'no such thing anywhere', analysis: a });
    assert.deepStrictEqual(none.roots(), []);
    assert.ok(none.isEmpty());
    const money = modelOf(V2023, { filter: 'xof', analysis: a });
    assert.deepStrictEqual(money.children(root(money, 'money')).length, a.money.length);
  });

  it('long lists come in chunks of 500 whose items keep the ids of the whole list', () => {
    const text = `${V2023}\n\n${'The OCPM met in Dira. '.repeat(520)}\n`;
    const m = modelOf(text);
    const entity = all(m, root(m, 'entities')).flatMap((t) => m.children(t)).find((n) => (n as NodeOf<'entity'>).entity.acronym === 'OCPM') as NodeOf<'entity'>;
    const total = entity.entity.mentions.length;
    assert.ok(total > CHUNK, `${total} mentions`);
    const chunks = m.children(entity);
    assert.deepStrictEqual(chunks.map((c) => [c.kind, m.view(c).label, m.view(c).description]), [
      ['chunk', '1-500', '500 items'], ['chunk', `501-${total}`, `${total - 500} items`],
    ]);
    assert.deepStrictEqual(chunks.map((c) => c.id), [`${entity.id}/[0]`, `${entity.id}/[500]`]);
    const items = chunks.flatMap((c) => m.children(c));
    assert.strictEqual(items.length, total);
    assert.strictEqual(new Set(items.map((n) => n.id)).size, total, 'ids are unique');
    assert.strictEqual(items[0]!.id, `${entity.id}/0@0`);
    assert.strictEqual(items[500]!.parent, chunks[1]);
  });

  it('the annotations group: in text order, orphaned last, with title, line and tooltip', () => {
    const annotations = [
      annotate(V2023, 'convicting 14 traffickers', { id: 'late', decision: 'note', note: 'check the court records' }),
      annotate(V2023, 'VELDORA: Tier 2 Watch List', { id: 'early', decision: 'note' }),
      { ...annotate(V2023, 'OCPM opened', { id: 'gone' }), selector: [{ type: 'TextPositionSelector', start: 5, end: 9 }, { type: 'TextQuoteSelector', exact: 'not in the text at all', prefix: '', suffix: '' }] } as Annotation,
    ];
    const m = modelOf(V2023, { annotations, analysis: a });
    const group = root(m, 'annotations');
    assert.strictEqual(group.id, 'annotations');
    assert.deepStrictEqual(m.view(group), { label: 'My annotations', state: 'expanded', description: '3 · 1 orphaned' });
    const list = m.children(group) as NodeOf<'annotation'>[];
    assert.deepStrictEqual(list.map((n) => n.anchored.annotation.id), ['early', 'late', 'gone']);
    assert.ok(list.every((n) => n.uri === 'file:///w/veldora-2023.tip.txt'));
    const late = m.view(list[1]!);
    assert.strictEqual(late.label, '“convicting 14 traffickers”');
    assert.strictEqual(late.description, `note title · line ${m.lineOf(V2023.indexOf('convicting 14 traffickers'))}`);
    assert.strictEqual(late.contextValue, 'annotation');
    assert.match(plain(late.tooltip), /\*\*Note\*\*: check the court records/);
    // A readable date, not the raw timestamp; the quote's context starts and ends on whole words.
    assert.match(plain(late.tooltip), /_Annotated 1 December 2026, 00:00 UTC_/);
    assert.ok(!plain(late.tooltip).includes('2026-12-01T'), 'no raw ISO timestamp');
    const quoteLine = plain(late.tooltip).split('\n').find((l) => l.startsWith('> '))!;
    const firstWord = /^> …(\S+)/.exec(quoteLine)?.[1];
    assert.ok(firstWord && V2023.includes(` ${firstWord}`), `the context starts on a whole word: ${quoteLine}`);
    const gone = m.view(list[2]!);
    assert.deepStrictEqual([gone.description, gone.contextValue, gone.reveal], ['note title · orphaned: its text is gone', 'annotation.orphaned', undefined]);
    // The filter reads titles, quotes and notes.
    const filtered = modelOf(V2023, { annotations, analysis: a, filter: 'court records' });
    assert.deepStrictEqual(filtered.children(root(filtered, 'annotations')).map((n) => (n as NodeOf<'annotation'>).anchored.annotation.id), ['late']);
  });

  it('a report of several narratives lists them, and says whose each item is', () => {
    const text = `${V2022}\n\n${V2023}`;
    const m = modelOf(text);
    const report = root(m, 'report');
    assert.strictEqual(m.view(report).description, '2 narratives');
    const narratives = m.children(report);
    assert.deepStrictEqual(narratives.map((n) => [n.kind, label(m, n)]), [['narrative', 'Veldora 2022'], ['narrative', 'Veldora 2023']]);
    assert.deepStrictEqual(m.children(narratives[1]!).map((n) => label(m, n)), ['Veldora', '2023', 'Tier 2 Watch List']);
    const amount = m.children(root(m, 'money'))[0]!;
    assert.match(m.view(amount).description!, / · Veldora/);
  });
});
