/** Words for the model's codes, as a researcher would say them. */
import type { EntityType, Figure, Metric, Period, SectionKind } from './model';

export const METRIC_LABELS: Record<Metric, string> = {
  investigations: 'investigations',
  prosecutions: 'prosecutions',
  defendants: 'defendants prosecuted',
  convictions: 'convictions',
  acquittals: 'acquittals',
  arrests: 'arrests',
  'victims-identified': 'victims identified',
  'potential-victims': 'potential victims',
  'victims-referred': 'victims referred',
  'victims-assisted': 'victims assisted',
  'victims-sheltered': 'victims sheltered',
  repatriated: 'persons repatriated',
  'victims-estimated': 'victims (estimate)',
  'child-soldiers': 'children in armed groups',
  'officials-trained': 'officials trained',
  sentence: 'sentence imposed',
  penalty: 'penalty prescribed by law',
  age: 'age',
  percentage: 'percentage',
  other: 'other count',
};

/** Metric groups, for highlight colours and the tree. */
export type MetricGroup = 'law-enforcement' | 'victims' | 'children' | 'training' | 'terms' | 'other';

export const METRIC_GROUP: Record<Metric, MetricGroup> = {
  investigations: 'law-enforcement', prosecutions: 'law-enforcement', defendants: 'law-enforcement',
  convictions: 'law-enforcement', acquittals: 'law-enforcement', arrests: 'law-enforcement',
  'victims-identified': 'victims', 'potential-victims': 'victims', 'victims-referred': 'victims',
  'victims-assisted': 'victims', 'victims-sheltered': 'victims', repatriated: 'victims', 'victims-estimated': 'victims',
  'child-soldiers': 'children', 'officials-trained': 'training',
  sentence: 'terms', penalty: 'terms', age: 'terms', percentage: 'other', other: 'other',
};

export const ENTITY_LABELS: Record<EntityType, string> = {
  organization: 'organization',
  'government-body': 'government body',
  'armed-group': 'armed group',
  'international-organization': 'international organization',
  ngo: 'NGO',
  country: 'country',
  region: 'region',
  city: 'city',
  nationality: 'nationality',
  law: 'law',
  plan: 'plan or policy',
};

/** Entity types, for highlight colours. */
export type EntityGroup = 'actors' | 'armed' | 'places' | 'people' | 'instruments';

export const ENTITY_GROUP: Record<EntityType, EntityGroup> = {
  organization: 'actors', 'government-body': 'actors', 'international-organization': 'actors', ngo: 'actors',
  'armed-group': 'armed', country: 'places', region: 'places', city: 'places', nationality: 'people',
  law: 'instruments', plan: 'instruments',
};

export const SECTION_LABELS: Record<SectionKind, string> = {
  title: 'Title',
  tier: 'Tier',
  summary: 'Summary',
  recommendations: 'Recommendations',
  prosecution: 'Prosecution',
  protection: 'Protection',
  prevention: 'Prevention',
  profile: 'Trafficking profile',
  other: 'Other',
};

export function periodLabel(p: Period): string {
  if (p === 'current') return 'current period';
  if (p === 'previous') return 'previous period';
  if (p === 'unspecified') return 'no period stated';
  return p;
}

/** `1305` -> `1,305`, `581.3953` -> `581.4`: en-US grouping, at most two decimals (without `toLocaleString`, which is slow). */
export function formatNumber(v: number): string {
  if (!Number.isFinite(v) || Math.abs(v) >= 1e15) return v.toLocaleString('en-US', { maximumFractionDigits: 2 });
  const negative = v < 0;
  const rounded = Math.round(Math.abs(v) * 100) / 100;
  const [int, frac] = String(rounded).split('.') as [string, string | undefined];
  if (int.includes('e')) return (negative ? '-' : '') + String(rounded);
  let grouped = '';
  for (let i = int.length; i > 0; i -= 3) grouped = int.slice(Math.max(0, i - 3), i) + (grouped ? ',' + grouped : '');
  return (negative ? '-' : '') + grouped + (frac ? '.' + frac : '');
}

/** `at least 40` / `five to 10 years` as numbers: `at least 40`, `5-10 years`. */
export function figureValue(f: Figure): string {
  const v = f.max !== undefined ? `${formatNumber(f.value)}-${formatNumber(f.max)}` : formatNumber(f.value);
  const unit = f.unit === 'percent' ? '%' : f.unit ? ` ${f.unit}` : '';
  return `${f.qualifier ? f.qualifier + ' ' : ''}${v}${unit}`;
}

/** `40 new cases - investigations - current period`: what a figure is, in one line. */
export function figureLabel(f: Figure): string {
  const what = f.counts ? `${f.text} ${f.counts}` : f.text;
  const qualified = f.qualifier && !what.startsWith(f.qualifier) ? `${f.qualifier} ${what}` : what;
  return `${qualified} - ${METRIC_LABELS[f.metric]} - ${periodLabel(f.period)}`;
}

/** `1 figure`, `1,305 figures`: a count and its noun. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatNumber(n)} ${n === 1 ? one : many}`;
}

/** The last part of a `/`-separated path (a URI's path, say): `/a/b/mali.tip` -> `mali.tip`. */
export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `2026-12-03T16:40:12.345Z` -> `3 December 2026, 16:40 UTC`; a text that is no date stays as it is. */
export function readableDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${d.getUTCDate()} ${MONTH_NAMES[d.getUTCMonth()]} ${d.getUTCFullYear()}, ${two(d.getUTCHours())}:${two(d.getUTCMinutes())} UTC`;
}
