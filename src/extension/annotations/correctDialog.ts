import * as vscode from 'vscode';
import {
  attributeRows, attributeText, type Attribute, ATTRIBUTE_NAMES, ATTRIBUTES, currencyChoices, engineReading, formatStatedAmount,
  parseNumber, parseStatedAmount, periodChoices, readingOf, type SchemaLabel,
} from '../../core/annotations';
import { countryCurrencies } from '../../core/currencies';
import type { Correction, Period } from '../../core/model';
import { type Item, itemName, statusOf } from './items';

/**
 * The dialogue of Correct...: which attribute of the item (each shown with what it reads now),
 * then its new reading, from a list (metrics, periods, entity types, ISO 4217 currencies) or typed
 * and checked as it is typed (a number, a stated conversion such as `USD 1,200`). Answers with the
 * attributes to set, or undefined when the researcher escapes. The quick inputs it opens are
 * listed in {@link openInputs}, so that the integration tests can drive them as a user would.
 */

/** The quick pick or input box open now, for the tests (the annotations probe). */
export const openInputs: Set<vscode.QuickPick<vscode.QuickPickItem> | vscode.InputBox> = new Set();

type Choice<T> = vscode.QuickPickItem & { readonly value?: T };

/** A quick pick of `items`, the first with `picked` active; the value of the accepted one. */
function choose<T>(title: string, placeHolder: string, items: ReadonlyArray<Choice<T>>): Promise<T | undefined> {
  return new Promise((resolve) => {
    const qp = vscode.window.createQuickPick<Choice<T>>();
    Object.assign(qp, { title, placeholder: placeHolder, items, matchOnDescription: true, matchOnDetail: true });
    const active = items.find((i) => i.picked);
    if (active) qp.activeItems = [active];
    let value: T | undefined;
    qp.onDidAccept(() => {
      value = qp.activeItems[0]?.value;
      qp.hide();
    });
    qp.onDidHide(() => {
      openInputs.delete(qp as vscode.QuickPick<vscode.QuickPickItem>);
      qp.dispose();
      resolve(value);
    });
    openInputs.add(qp as vscode.QuickPick<vscode.QuickPickItem>);
    qp.show();
  });
}

/** An input box that accepts only what `validate` finds nothing wrong with. */
function ask(title: string, prompt: string, value: string, validate: (text: string) => string | undefined): Promise<string | undefined> {
  return new Promise((resolve) => {
    const box = vscode.window.createInputBox();
    Object.assign(box, { title, prompt, value, valueSelection: [0, value.length] });
    let answer: string | undefined;
    box.onDidChangeValue((text) => (box.validationMessage = validate(text)));
    box.onDidAccept(() => {
      const problem = validate(box.value);
      box.validationMessage = problem;
      if (problem) return;
      answer = box.value;
      box.hide();
    });
    box.onDidHide(() => {
      openInputs.delete(box);
      box.dispose();
      resolve(answer);
    });
    openInputs.add(box);
    box.show();
  });
}

const fromRead = <T>(r: { ok: true; value: T } | { ok: false; error: string }): string | undefined => (r.ok ? undefined : r.error);

/** The labels of the schema (or the default one) that give a figure metric or an entity type. */
export interface Labels {
  readonly figure: readonly SchemaLabel[];
  readonly entity: readonly SchemaLabel[];
}

/**
 * Asks what to correct of `item` and how it reads; `attribute` skips the first question.
 * `year` and `country` are the report's, for the periods and currencies offered first.
 */
export async function askCorrection(item: Item, labels: Labels, where: { year?: number; country?: string }, attribute?: Attribute): Promise<Correction | undefined> {
  const now = readingOf(item);
  const was = statusOf(item).was;
  const name = itemName(item);
  if (!attribute) {
    const rows = attributeRows(item.kind, now, was);
    attribute = await choose(`Correct ${name}`, 'What does TIP Lens read wrong?', rows.map((r) => ({ label: r.label, description: r.description, value: r.attribute })));
    if (!attribute) return undefined;
  }
  const title = `Correct the ${ATTRIBUTE_NAMES[attribute]} of ${name}`;
  const engine = engineReading(now, was);
  const read = (a: Attribute): string => (was?.[a] !== undefined ? ` (TIP Lens read ${attributeText(a, engine)})` : '');
  const current = (same: boolean): { picked?: boolean; description?: string } => (same ? { picked: true, description: 'now' } : {});
  switch (attribute) {
    case 'metric':
    case 'type': {
      const kind = attribute === 'metric' ? 'figure' : 'entity';
      const chosen = await choose(title + read(attribute), attribute === 'metric' ? 'The metric: what the number counts' : 'The type of entity', labels[kind].map((l) => {
        const same = l.label.kind === 'figure' ? l.label.metric === now.metric : l.label.kind === 'entity' && l.label.type === now.type;
        return { label: l.title, detail: l.description, ...current(same), value: l.label };
      }));
      if (!chosen) return undefined;
      return chosen.kind === 'figure' ? { metric: chosen.metric } : chosen.kind === 'entity' ? { type: chosen.type } : undefined;
    }
    case 'period': {
      let period = await choose<Period | 'other'>(title + read('period'), 'The period the figure is of', [
        ...periodChoices(where.year).map((p) => ({ label: p.label, description: p.period === now.period ? 'now' : p.description, picked: p.period === now.period, value: p.period })),
        { label: 'Another year...', value: 'other' as const },
      ]);
      if (period === 'other') {
        const typed = await ask(title, 'A year, such as 2019', '', (t) => (/^\s*(?:19|20)\d\d\s*$/.test(t) ? undefined : 'Type a year of four digits, such as 2019.'));
        period = typed === undefined ? undefined : (typed.trim() as Period);
      }
      return period ? { period } : undefined;
    }
    case 'value': {
      const typed = await ask(title + read('value'), 'The number as the text states it: 236, 1,305, or a range such as 5 to 10', attributeText('value', now), (t) => fromRead(parseNumber(t)));
      const parsed = typed === undefined ? undefined : parseNumber(typed);
      return parsed?.ok ? parsed.value : undefined;
    }
    case 'counts': {
      const typed = await ask(title + read('counts'), 'What the figure counts, as the text says it (victims, new cases); empty: not stated', now.counts ?? '', () => undefined);
      return typed === undefined ? undefined : { counts: typed.trim() };
    }
    case 'currency': {
      const first = [now.currency ?? '', now.conversion?.currency ?? '', ...(where.country ? (countryCurrencies(where.country) ?? []).map(([code]) => code) : [])];
      const code = await choose(title + read('currency'), 'An ISO 4217 currency', currencyChoices(first).map((c) => ({ label: c.code, description: c.code === now.currency ? `${c.name} (now)` : c.name, picked: c.code === now.currency, value: c.code })));
      return code ? { currency: code } : undefined;
    }
    case 'conversion': {
      const typed = await ask(title + read('conversion'), 'The stated conversion: a currency and an amount, such as USD 1,200; empty: none stated', now.conversion ? formatStatedAmount(now.conversion) : '', (t) => fromRead(parseStatedAmount(t)));
      const parsed = typed === undefined ? undefined : parseStatedAmount(typed);
      return parsed?.ok ? { conversion: parsed.value } : undefined;
    }
    case 'longForm': {
      const typed = await ask(title + read('longForm'), 'What the acronym stands for; empty: nothing', now.longForm ?? '', () => undefined);
      return typed === undefined ? undefined : { longForm: typed.trim() };
    }
  }
}

/** Whether `attribute` is an attribute of `item`'s kind. */
export function isAttributeOf(item: Item, attribute: string): attribute is Attribute {
  return (ATTRIBUTES[item.kind] as readonly string[]).includes(attribute);
}
