import { attributesOf, attributeText, ATTRIBUTE_NAMES, correctionOf, type Annotation, type AnnotationSchema, type Label, type SchemaLabel } from '../../core/annotations';
import { ENTITY_LABELS, METRIC_LABELS } from '../../core/labels';

/**
 * What labels and annotations are called: functions of the schema and of core, no editor API.
 * The Report view, the highlights, the hover and the commands name things with them.
 */

/** `entity:government-body`, `figure:investigations`, `free:corruption`: a label's identity (the default schema's ids). */
export function labelKey(l: Label): string {
  return l.kind === 'entity' ? `entity:${l.type}` : l.kind === 'figure' ? `figure:${l.metric}` : `free:${l.label}`;
}

/** The schema's entry for a label, if the schema has it. */
export function schemaLabel(schema: AnnotationSchema, l: Label): SchemaLabel | undefined {
  const key = labelKey(l);
  return schema.labels.find((s) => labelKey(s.label) === key);
}

/** `Entity: government body`, `Figure: investigations`, or the schema's own title. */
export function labelTitle(l: Label, schema?: AnnotationSchema): string {
  const own = schema && schemaLabel(schema, l);
  if (own) return own.title;
  if (l.kind === 'entity') return `Entity: ${ENTITY_LABELS[l.type]}`;
  if (l.kind === 'figure') return `Figure: ${METRIC_LABELS[l.metric]}`;
  return l.label.charAt(0).toUpperCase() + l.label.slice(1);
}

/** What an annotation says, in a few words: `Rejected figure`, `Corrected figure: period: current reporting period`, `Note`. */
export function annotationTitle(a: Annotation, schema?: AnnotationSchema): string {
  const about = a.about ?? (a.label?.kind === 'entity' ? 'entity' : a.label?.kind === 'figure' ? 'figure' : undefined);
  const what = about === 'money' ? 'amount of money' : about ?? 'item';
  switch (a.decision) {
    case 'confirm':
      return `Confirmed ${what}`;
    case 'reject':
      return `Rejected ${what}`;
    case 'correct': {
      const c = correctionOf(a);
      const said = attributesOf(c).map((x) => `${ATTRIBUTE_NAMES[x]}: ${attributeText(x, c)}`);
      return `Corrected ${what}${said.length > 0 ? `: ${said.join(', ')}` : ''}`;
    }
    case 'manual':
      return a.label ? `${labelTitle(a.label, schema)} (added)` : `Added ${what}`;
    case 'note':
      return a.label ? labelTitle(a.label, schema) : 'Note';
    case 'dismiss':
      return `Dismissed finding (${a.rule ?? 'check'})`;
  }
}

/** An item's status in words, for descriptions: undefined for the engine's own. */
export function statusText(item: { readonly status?: string }): string | undefined {
  return item.status && item.status !== 'automatic' ? item.status : undefined;
}

/** Text on one line, cut to `max` characters (`…` where cut): a quote in a title or a prompt. */
export function clip(text: string, max = 40): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}
