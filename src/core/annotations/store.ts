/**
 * The annotation file: readable JSON with a schema version. Parsing validates everything and
 * says what is wrong; a file that does not validate is never overwritten (the caller keeps it).
 */
import type { EntityType, Metric } from '../model';
import { RULES, type RuleId } from '../checks/types';
import { ENTITY_LABELS, METRIC_LABELS } from '../labels';
import { correctionProblem } from './correct';
import { SCHEMA_VERSION, type Annotation, type AnnotationFile, type AnnotationSchema, type Decision, type Label } from './model';

export type Parsed = { readonly ok: true; readonly file: AnnotationFile } | { readonly ok: false; readonly error: string };

const DECISIONS: readonly Decision[] = ['manual', 'confirm', 'reject', 'correct', 'note', 'dismiss'];

export function parseAnnotationFile(json: string): Parsed {
  let data: unknown;
  try {
    data = JSON.parse(json.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { ok: false, error: `not valid JSON: ${(e as Error).message}` };
  }
  if (!isObject(data)) return { ok: false, error: 'not a JSON object' };
  const v = data['schemaVersion'];
  if (typeof v !== 'number') return { ok: false, error: 'no schemaVersion' };
  if (v > SCHEMA_VERSION) return { ok: false, error: `schemaVersion ${v} is newer than this TIP Lens reads (${SCHEMA_VERSION})` };
  if (!Number.isInteger(v) || v < 1) return { ok: false, error: `unknown schemaVersion ${v}` };
  if (typeof data['document'] !== 'string') return { ok: false, error: '"document" must be a string' };
  const list = data['annotations'];
  if (!Array.isArray(list)) return { ok: false, error: '"annotations" must be an array' };
  const annotations: Annotation[] = [];
  const ids = new Set<string>();
  for (let i = 0; i < list.length; i++) {
    const problem = checkAnnotation(list[i]);
    if (problem) return { ok: false, error: `annotation ${i + 1}: ${problem}` };
    const a = list[i] as Annotation;
    if (ids.has(a.id)) return { ok: false, error: `annotation ${i + 1}: duplicate id ${a.id}` };
    ids.add(a.id);
    annotations.push(a);
  }
  return { ok: true, file: { schemaVersion: SCHEMA_VERSION, document: data['document'], annotations } };
}

function checkAnnotation(a: unknown): string | undefined {
  if (!isObject(a)) return 'not an object';
  if (typeof a['id'] !== 'string' || a['id'] === '') return '"id" must be a non-empty string';
  if (!DECISIONS.includes(a['decision'] as Decision)) return `"decision" must be one of ${DECISIONS.join(', ')}`;
  if (typeof a['created'] !== 'string') return '"created" must be a date string';
  const sel = a['selector'];
  if (!Array.isArray(sel) || sel.length !== 2) return '"selector" must hold a TextPositionSelector and a TextQuoteSelector';
  const [pos, quote] = sel as unknown[];
  if (!isObject(pos) || pos['type'] !== 'TextPositionSelector' || !isOffset(pos['start']) || !isOffset(pos['end']) || (pos['end'] as number) < (pos['start'] as number)) {
    return 'the TextPositionSelector must have start <= end, both whole numbers';
  }
  if (!isObject(quote) || quote['type'] !== 'TextQuoteSelector' || typeof quote['exact'] !== 'string'
    || typeof quote['prefix'] !== 'string' || typeof quote['suffix'] !== 'string') return 'the TextQuoteSelector must have exact, prefix and suffix';
  if (a['label'] !== undefined && !isLabel(a['label'])) return '"label" is not an entity type, a figure metric or a free label';
  if (a['set'] !== undefined) {
    if (a['decision'] !== 'correct' && a['decision'] !== 'manual') return '"set" belongs to a correct or manual annotation';
    const problem = correctionProblem(a['set']);
    if (problem) return `"set" ${problem}`;
  }
  if (a['decision'] === 'manual' && a['label'] === undefined) return 'a manual annotation needs a "label"';
  if (a['decision'] === 'correct' && a['label'] === undefined && a['set'] === undefined) return 'a correct annotation needs a "label" or a "set"';
  if (a['about'] !== undefined && !['figure', 'money', 'entity'].includes(a['about'] as string)) return '"about" must be figure, money or entity';
  if (a['note'] !== undefined && typeof a['note'] !== 'string') return '"note" must be a string';
  if (a['rule'] !== undefined && !RULES.includes(a['rule'] as RuleId)) return `"rule" must be one of ${RULES.join(', ')}`;
  if (a['fingerprint'] !== undefined && typeof a['fingerprint'] !== 'string') return '"fingerprint" must be a string';
  if (a['decision'] === 'dismiss' && (a['rule'] === undefined || typeof a['fingerprint'] !== 'string' || a['fingerprint'] === '')) {
    return 'a dismiss annotation needs the finding\'s "rule" and "fingerprint"';
  }
  return undefined;
}

function isLabel(l: unknown): l is Label {
  if (!isObject(l)) return false;
  if (l['kind'] === 'entity') return typeof l['type'] === 'string' && l['type'] in ENTITY_LABELS;
  if (l['kind'] === 'figure') return typeof l['metric'] === 'string' && l['metric'] in METRIC_LABELS;
  if (l['kind'] === 'free') return typeof l['label'] === 'string' && l['label'] !== '';
  return false;
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function isOffset(x: unknown): boolean {
  return typeof x === 'number' && Number.isInteger(x) && x >= 0;
}

/**
 * The file's text: stable key order and two-space indentation, so diffs stay readable. Version 1
 * unless an annotation sets attributes (`set`), so that a TIP Lens that reads only version 1
 * reads what it can and refuses, by the version, what it cannot.
 */
export function serializeAnnotationFile(file: AnnotationFile): string {
  const version = file.annotations.some((a) => a.set) ? SCHEMA_VERSION : 1;
  return JSON.stringify({ schemaVersion: version, document: file.document, annotations: file.annotations }, null, 2) + '\n';
}

/** The default schema: DOMAIN.md's entity types and metrics, and a free "note" label. */
export function defaultSchema(): AnnotationSchema {
  const entities = Object.entries(ENTITY_LABELS).map(([type, title]) => ({
    id: `entity:${type}`, label: { kind: 'entity' as const, type: type as EntityType }, title: `Entity: ${title}`,
  }));
  const figures = Object.entries(METRIC_LABELS).map(([metric, title]) => ({
    id: `figure:${metric}`, label: { kind: 'figure' as const, metric: metric as Metric }, title: `Figure: ${title}`,
  }));
  return { labels: [...entities, ...figures, { id: 'free:note', label: { kind: 'free', label: 'note' }, title: 'Note' }] };
}

/** A workspace schema file (`.tip-lens/schema.json`): `{ "labels": [ { id, label, title, description?, color? } ] }`. */
export function parseSchema(json: string): { ok: true; schema: AnnotationSchema } | { ok: false; error: string } {
  let data: unknown;
  try {
    data = JSON.parse(json.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { ok: false, error: `not valid JSON: ${(e as Error).message}` };
  }
  if (!isObject(data) || !Array.isArray(data['labels'])) return { ok: false, error: '"labels" must be an array' };
  const labels = [];
  for (const [i, l] of (data['labels'] as unknown[]).entries()) {
    if (!isObject(l) || typeof l['id'] !== 'string' || typeof l['title'] !== 'string' || !isLabel(l['label'])) {
      return { ok: false, error: `label ${i + 1}: needs id, title and a label ({ kind: entity|figure|free, ... })` };
    }
    if (l['color'] !== undefined && (typeof l['color'] !== 'string' || !/^#[0-9a-fA-F]{3,8}$/.test(l['color']))) return { ok: false, error: `label ${i + 1}: color must be #rgb or #rrggbb` };
    labels.push(l as unknown as AnnotationSchema['labels'][number]);
  }
  return { ok: true, schema: { labels } };
}
