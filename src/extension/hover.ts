import * as vscode from 'vscode';
import { uriName } from './convert';
import { glossaryEntry } from '../core/glossary';
import { convert, formatRate, isReportRate, judgeConversion, lastYearsRates, PEGS, type Rate, type RateChoice, ratesForAmount, reportRates, type ReportRate, statedRates, userRates, type UserRate } from '../core/currency';
import { lastYearsAmount, ofLastYearsPeriod } from '../core/lastYear';
import { ENTITY_LABELS, figureValue, formatNumber, METRIC_LABELS, SECTION_LABELS } from '../core/labels';
import type { Analysis, Entity, Figure, Meta, Mention, Money, NarrativeInfo, Period, Span } from '../core/model';
import type { Hit } from '../core/query';
import type { AnalysisService, Report } from './analysisService';
import { annotationHover } from './annotations/hover';
import { annotationsAt } from './annotations/items';
import { ANNOTATION_COMMANDS } from './annotations/protocol';
import { schemaFor } from './annotations/schemaStore';
import { LANGUAGE_ID } from './detection';
import type { WorkspaceIndex } from './workspaceIndex';
import { DEFAULT_TOLERANCE } from '../core/checks/conversionRate';
import { checkOptions, rangeInText } from './diagnostics';
import type { PreviousDocument, PreviousYear } from './previousYear';
import { TIMELINE_METRICS } from '../core/timeline/model';
import { SHOW_TIMELINE } from './timeline/protocol';

/**
 * How far beyond the range its own rounding allows a stated conversion's rate may be from the
 * document's other conversions and still agree with them (a fraction: 0.02 is 2%).
 */
/** The tolerance the consistency check uses (`tipLens.check.conversionTolerance`), so hover and Problems agree. */
function tolerance(uri: vscode.Uri): number {
  return checkOptions(uri).conversionTolerance ?? DEFAULT_TOLERANCE;
}
/** At most this many links in one list of a hover; the rest are counted. */
/** At most this many links in a list of a hover. */
const MAX_LINKS = 8;
/** Lines of other reports in a figure's hover: the same value, then other values; the rest behind a link. */
const SHOWN_MATCHES = 3;
const SHOWN_OTHERS = 2;
/** Find All References at a place of a report (its URI, line and character), for a hover's link. */
export const SHOW_MENTIONS = 'tipLens.showMentionsAt';
/** The only command a hover links to: open the settings at the rate table. */
const OPEN_SETTINGS = 'workbench.action.openSettings';

/**
 * Hovers on TIP reports: for money, the amount in the user's target currencies and the rate
 * used, and whether a stated conversion agrees with the report's others; for a figure, what it
 * counts and where else the report and the workspace state the same quantity; for an entity,
 * its type, long form, definition and mentions. Everything comes from the service's analysis
 * and the workspace index: a hover does binary searches, never a scan of the text.
 */
export function registerHovers(context: vscode.ExtensionContext, service: AnalysisService, workspace: WorkspaceIndex, previousYear: PreviousYear): void {
  context.subscriptions.push(
    vscode.languages.registerHoverProvider({ language: LANGUAGE_ID }, new TipHoverProvider(service, workspace, previousYear)),
    // A hover's "and N more": every mention in the References view.
    vscode.commands.registerCommand(SHOW_MENTIONS, async (uri: string, line: number, character: number) => {
      const target = vscode.Uri.parse(uri);
      const position = new vscode.Position(line, character);
      const locations = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', target, position);
      await vscode.commands.executeCommand('editor.action.showReferences', target, position, locations);
      return locations;
    }),
  );
}

class TipHoverProvider implements vscode.HoverProvider {
  constructor(private readonly service: AnalysisService, private readonly workspace: WorkspaceIndex, private readonly previousYear: PreviousYear) {}

  async provideHover(doc: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    const report = await this.service.report(doc, token);
    if (!report || token.isCancellationRequested) return undefined;
    const offset = doc.offsetAt(position);
    let hit = report.index.at(offset);
    // `at` includes the end, as a cursor does; a hover names the character under the pointer.
    if (hit && offset === spanOf(hit).end && spanOf(hit).end > spanOf(hit).start) hit = undefined;
    // The researcher's annotations on the text under the pointer (notes, labels, rejected items).
    const own = annotationsAt(report, offset);
    if (!hit && own.length === 0) return glossaryHover(doc, position);
    const span = hit ? spanOf(hit) : own[0]!.span!;
    const md = new vscode.MarkdownString('', true);
    md.isTrusted = { enabledCommands: [OPEN_SETTINGS, SHOW_MENTIONS, SHOW_TIMELINE, ...ANNOTATION_COMMANDS] };
    const ctx: Context = { doc, report, workspace: this.workspace, previousYear: this.previousYear, md };
    switch (hit?.kind) {
      case 'money':
        await moneyHover(ctx, hit.money);
        if (token.isCancellationRequested) return undefined;
        break;
      case 'figure':
        figureHover(ctx, hit.figure);
        break;
      case 'entity':
        entityHover(ctx, hit.entity, hit.mention);
        break;
      default:
        break;
    }
    const decisions = annotationHover(doc, report, hit, own, schemaFor(doc.uri));
    // A rule between the engine's part and the researcher's, on a line of its own (after a
    // paragraph that may not end in a line break, `---` would be read as text).
    if (decisions) md.appendMarkdown(`${hit ? '\n\n---\n\n' : ''}${decisions}\n\n`);
    return new vscode.Hover(md, range(doc, span));
  }
}

/** `NGOs`, `SOPs`: a common abbreviation that names no one, with what it stands for. */
function glossaryHover(doc: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
  const range = doc.getWordRangeAtPosition(position, /[A-Z]{2,6}(?:s|’s|'s)?\b/);
  const entry = range ? glossaryEntry(doc.getText(range)) : undefined;
  if (!range || !entry) return undefined;
  return new vscode.Hover(new vscode.MarkdownString(`**${entry.abbreviation}**: ${esc(entry.meaning)} (a common abbreviation, not a named body)`), range);
}

interface Context {
  readonly doc: vscode.TextDocument;
  readonly report: Report;
  readonly workspace: WorkspaceIndex;
  readonly previousYear: PreviousYear;
  readonly md: vscode.MarkdownString;
}

function spanOf(hit: Hit): Span {
  if (hit.kind === 'money') return hit.inConversion && hit.money.conversion ? hit.money.conversion : hit.money;
  if (hit.kind === 'figure') return hit.figure;
  return hit.mention;
}

// ---------------------------------------------------------------------------------------------
// Money

/**
 * An amount in the user's currencies at one named rate: the report's (the median of its stated
 * conversions), or last year's report's for an amount of last year's period when last year's
 * narrative is in the workspace; what last year's narrative stated for such an amount; and its
 * stated conversion judged at that same rate, as the conversion-rate rule judges it.
 */
async function moneyHover({ doc, report, previousYear, md }: Context, money: Money): Promise<void> {
  const config = vscode.workspace.getConfiguration('tipLens', doc.uri);
  const targets = [...new Set((config.get<string[]>('currency.targets') ?? []).filter((t) => /^[A-Z]{3}$/.test(t)))];
  const meta = report.index.narrativeAt(money.start)?.meta ?? report.analysis.meta;
  const previous = ofLastYearsPeriod(money.period, meta.year) ? await previousYear.find(doc, report.analysis) : undefined;
  const lastYear = previous ? lastYearsRates(previous.analysis, meta) : undefined;
  const choice = ratesForAmount(money, meta.year, narrativeRates(report, money, meta), lastYear);
  const rates: Rate[] = [...choice.rates, ...PEGS, ...userRates(config.get<UserRate[]>('currency.rates'))];

  md.appendMarkdown(`**${esc(money.text)}**${money.conversion ? ` (${esc(money.conversion.text)})` : ''}: `);
  md.appendMarkdown(`${amount(money.value, money.max, money.currency)}\n\n`);

  const lines: string[] = [];
  for (const target of targets) {
    if (target === money.currency) {
      lines.push(`- **${target}**: the amount is in ${target}`);
      continue;
    }
    const c = convert(money, target, rates);
    if (c) {
      lines.push(`- **${target}** ≈ ${amount(c.value, c.max, target)}, ${c.rates.map(describeRate).join('; then ')}`);
    } else {
      // Suggest the pair that joins the target to a currency the amount already converts to.
      const via = ['USD', 'EUR'].find((p) => p !== target && (p === money.currency || convert(money, p, rates)));
      const pair = `${via ?? money.currency}/${target}`;
      const settings = `command:${OPEN_SETTINGS}?${encodeURIComponent(JSON.stringify('tipLens.currency.rates'))}`;
      lines.push(
        `- **${target}**: no rate known (this report states none, no fixed peg applies, your table has none). ` +
          `[Add one](${settings}) to \`tipLens.currency.rates\`: \`{ "pair": "${pair}", "rate": …, "asOf": "YYYY-MM-DD" }\``,
      );
    }
  }
  if (lines.length > 0) md.appendMarkdown(lines.join('\n') + '\n\n');
  if (choice.lastYears) lastYearsNote(md, report, money, meta, choice, previous && lastYear ? previous : undefined);

  const conv = money.conversion;
  const stated = conv ? statedRates([money])[0] : undefined;
  if (!conv || !stated) return;
  const check = judgeConversion(stated, choice, tolerance(report.document.uri));
  const per = `${money.currency} per ${conv.currency}`;
  md.appendMarkdown(
    `**Stated conversion** ${esc(conv.text)}: implies ${rate(stated.rate)} ${per}; ` +
      `rounded to the nearest ${formatNumber(conv.precision)} ${conv.currency}, it allows ${rate(stated.low)} to ${rate(stated.high)}.\n\n`,
  );
  const r = check.reference;
  if (!r || check.rate === undefined) {
    const scope = report.analysis.narratives.length > 1 ? 'narrative' : 'report';
    md.appendMarkdown(`The only conversion of ${money.currency} to ${conv.currency} in this ${scope}, so the report's rate: nothing to compare it with.`);
    return;
  }
  const named = `${r.name}, ${rate(check.rate)} ${per} (${esc(r.detail)})`;
  if (check.lastYearUnknown) {
    md.appendMarkdown(`Not judged: last year's rate, at which an amount of last year is converted, is unknown. It is ${percent(check.deviation)} from ${named}.`);
  } else if (check.agrees) {
    md.appendMarkdown(`$(check) Agrees within its rounding with ${named}.`);
  } else {
    md.appendMarkdown(
      `$(warning) Does not agree with ${named}: ${percent(check.deviation)} away, ` +
        `outside the range its rounding allows (with ${percent(tolerance(report.document.uri))} leeway). ` +
        `At ${rate(check.rate)}, ${esc(money.text)} would be about ${amount(money.value / check.rate, money.max !== undefined ? money.max / check.rate : undefined, conv.currency)}.`,
    );
  }
}

/**
 * For an amount of last year's period: which rate it is converted at and why, and what last
 * year's narrative (`previous`, when in the workspace) stated for it.
 */
function lastYearsNote(md: vscode.MarkdownString, report: Report, money: Money, meta: Meta, choice: RateChoice, previous: PreviousDocument | undefined): void {
  const period = money.period === 'previous' ? 'the previous reporting period' : money.period;
  const last = meta.year ? `${meta.country ? `${meta.country} ` : ''}${meta.year - 1}` : undefined;
  if (!previous) {
    md.appendMarkdown(
      `An amount of ${period}: converted at the report's rate; last year's rate is unknown ` +
        `(${last ? `last year's narrative, ${esc(last)}, is` : "last year's narrative is"} not in the workspace).\n\n`,
    );
    return;
  }
  const label = reportLabel(previous.analysis.meta.country, previous.analysis.meta.year, previous.uri);
  const link = (s: Span): string => there(previous.uri, rangeInText(previous.lines, s));
  const narrative = `[${esc(label)}](${link({ start: 0, end: 0 })}) (${esc(uriName(previous.uri))})`;
  md.appendMarkdown(
    choice.lastYears === 'used'
      ? `An amount of ${period}: converted at last year's report's rate, from last year's narrative ${narrative}.\n\n`
      : `An amount of ${period}: converted at the report's rate; last year's narrative ${narrative} states no conversion of ${money.currency}.\n\n`,
  );
  const found = lastYearsAmount({ text: report.text, analysis: report.analysis }, money, { text: previous.text, analysis: previous.analysis });
  if (!found) {
    md.appendMarkdown(`**Last year's narrative** states no amount in ${money.currency} like it.\n\n`);
    return;
  }
  const m = found.match;
  const theirs = `[${esc(m.text)}${m.conversion ? ` (${esc(m.conversion.text)})` : ''}](${link(m)}) (${lineCol(undefined, rangeInText(previous.lines, m).start)})`;
  md.appendMarkdown(
    found.same
      ? `**Last year's narrative** stated the same amount: ${theirs}.\n\n`
      : `**Last year's narrative** stated ${theirs} for what reads as the same thing, not ${esc(money.text)}.\n\n`,
  );
}

/** `at the report's rate: 604.84 XOF per USD, the median of its 7 stated conversions`, `at the fixed peg of ...`, `at your rate ...`. */
function describeRate(r: Rate): string {
  switch (r.source) {
    case 'document':
      return `at ${isReportRate(r) ? r.name : "the report's rate"}: ${rate(r.value)} ${r.quote} per ${r.base}, ${esc(r.detail)}`;
    case 'peg':
      return `at the fixed peg of ${r.value} ${r.quote} per ${r.base}: ${esc(r.detail)}`;
    case 'user':
      return `at your rate ${r.base}/${r.quote} ${r.value}${r.asOf ? ` as of ${esc(r.asOf)}` : ' (no date given)'}, from \`tipLens.currency.rates\``;
  }
}

/** The report's own rates per narrative (null: the whole document, when it holds one narrative), made once per analysis. */
const caches = new WeakMap<Analysis, Map<NarrativeInfo | null, ReportRate[]>>();

/**
 * The report's rates where `money` stands: from its narrative's stated conversions (a whole report
 * holds many countries, each with its own), made on the first hover that needs them.
 */
function narrativeRates(report: Report, money: Money, meta: Meta): ReportRate[] {
  const analysis = report.analysis;
  let cache = caches.get(analysis);
  if (!cache) caches.set(analysis, (cache = new Map()));
  const narrative = analysis.narratives.length > 1 ? report.index.narrativeAt(money.start) ?? null : null;
  let rates = cache.get(narrative);
  if (!rates) {
    const scoped = narrative ? analysis.money.filter((m) => m.start >= narrative.start && m.start < narrative.end) : analysis.money;
    rates = reportRates(scoped, { year: meta.year });
    cache.set(narrative, rates);
  }
  return rates;
}

// ---------------------------------------------------------------------------------------------
// Figures

function figureHover({ doc, report, workspace, md }: Context, f: Figure): void {
  const index = report.index;
  const meta = index.narrativeAt(f.start)?.meta;
  md.appendMarkdown(`**${esc(figureValue(f))}**${f.counts ? ` ${esc(f.counts)}` : ''}\n\n`);
  const facts = [
    `Counts: ${f.counts ? esc(f.counts) : '_not stated_'}`,
    `Metric: ${METRIC_LABELS[f.metric]}${overTheYears(doc, f, meta?.country)}`,
    `Period: ${periodText(f.period, meta?.year)}`,
    `Section: ${SECTION_LABELS[f.section]}`,
  ];
  if (f.qualifier) facts.push(`Qualifier: ${f.qualifier}`);
  if (f.unit) facts.push(`Unit: ${f.unit}`);
  md.appendMarkdown(facts.join('  \n') + '\n\n');

  const again = index.restatements(f);
  if (again.length > 0) {
    md.appendMarkdown(`**Stated again in this report**: ${links(again.map((g) => [`${SECTION_LABELS[g.section]}, ${lineCol(doc, g)}`, here(doc, g)]))}\n\n`);
  }
  const related = index.sameMetricAndPeriod(f).filter((g) => g !== f && !again.includes(g));
  if (related.length > 0) {
    md.appendMarkdown(
      `**Same metric and period in this report**: ${links(related.map((g) => [`${figureValue(g)}${g.counts ? ' ' + g.counts : ''} (${lineCol(doc, g)})`, here(doc, g)]))}\n\n`,
    );
  }

  const key = index.quantityKey(f);
  if (!key || workspace.state === 'disabled') return;
  const same = (g: Figure): boolean => g.value === f.value && g.max === f.max;
  // The index puts first the reports whose own period it is; among those, the same value first.
  const others = workspace
    .figuresFor(key, meta?.country, doc.uri)
    .sort((a, b) => Number(b.figure.period === 'current') - Number(a.figure.period === 'current') || Number(same(b.figure)) - Number(same(a.figure)));
  if (others.length > 0) {
    // Distinct lines: one per report and value; the same value first, then the other values
    // (restated differently, or parts of it), a few lines at most and the rest behind a link.
    const seen = new Set<string>();
    const distinct = others.filter((o) => {
      const k = `${o.uri.toString()}|${figureValue(o.figure)}|${o.figure.period}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
    const line = (o: (typeof others)[number]): string => {
      const g = o.figure;
      const label = `${reportLabel(o.country, o.year, o.uri)}: ${figureValue(g)}${g.counts ? ' ' + g.counts : ''}`;
      return `- [${esc(label)}](${there(o.uri, o.range)}) (${periodText(g.period, o.year)}, ${esc(uriName(o.uri))})`;
    };
    const sameValue = distinct.filter((o) => same(o.figure)).slice(0, SHOWN_MATCHES);
    const otherValues = distinct.filter((o) => !same(o.figure)).slice(0, SHOWN_OTHERS);
    const rest = distinct.length - sameValue.length - otherValues.length;
    const heading = `**The same quantity in other reports** (${METRIC_LABELS[f.metric]}, ${absoluteText(f.period, meta?.year)})`;
    const parts: string[] = [];
    if (sameValue.length > 0) parts.push(`${heading}, the same value:\n${sameValue.map(line).join('\n')}`);
    if (otherValues.length > 0) parts.push(`${sameValue.length > 0 ? 'Other values' : `${heading}, other values`} (${figureValue(f)} here; a different figure, or a part of it):\n${otherValues.map(line).join('\n')}`);
    if (rest > 0) {
      const args = encodeURIComponent(JSON.stringify([doc.uri.toString(), doc.positionAt(f.start).line, doc.positionAt(f.start).character]));
      parts.push(`[and ${rest} more: show all its mentions](command:${SHOW_MENTIONS}?${args})`);
    }
    md.appendMarkdown(parts.join('\n\n') + '\n\n');
  } else if (workspace.state === 'indexing' || workspace.state === 'waiting') {
    md.appendMarkdown(`_The workspace's other reports are still being indexed._\n\n`);
  }
}

/** ` ([over the years](…))`: the timeline of the narrative's country, at this figure's metric, when it draws that metric. */
function overTheYears(doc: vscode.TextDocument, f: Figure, country: string | undefined): string {
  if (!country || !(TIMELINE_METRICS as readonly string[]).includes(f.metric)) return '';
  return ` ([over the years](command:${SHOW_TIMELINE}?${encodeURIComponent(JSON.stringify([doc.uri.toString(), f.start, f.metric]))} "Show the timeline of ${esc(country)}"))`;
}

function periodText(p: Period, year: number | undefined): string {
  if (p === 'current') return year ? `current reporting period (${year} report)` : 'current reporting period';
  if (p === 'previous') return year ? `previous reporting period (${year - 1} report)` : 'previous reporting period';
  if (p === 'unspecified') return 'no period stated';
  return p;
}

/** The period as the workspace compares it: the reporting period of a given year's report. */
function absoluteText(p: Period, year: number | undefined): string {
  if (p === 'current' && year) return `the ${year} report's period`;
  if (p === 'previous' && year) return `the ${year - 1} report's period`;
  return periodText(p, year);
}

// ---------------------------------------------------------------------------------------------
// Entities

function entityHover({ doc, report, workspace, md }: Context, e: Entity, mention: Mention): void {
  md.appendMarkdown(`**${esc(mention.text)}**: ${ENTITY_LABELS[e.type]}\n\n`);
  const facts: string[] = [];
  if (e.acronym && e.longForm) {
    facts.push(mention.text === e.acronym ? `Acronym of _${esc(e.longForm)}_` : `Long form of **${esc(e.acronym)}**`);
  } else if (mention.text !== e.name) facts.push(`Also written _${esc(e.name)}_`);
  if (e.definition) {
    const def = e.acronym && e.longForm ? `${e.longForm} (${e.acronym})` : e.name;
    facts.push(`Defined at [${lineCol(doc, e.definition)}](${here(doc, e.definition)}): _${esc(def)}_`);
  } else if (e.acronym) facts.push('Not defined in this report');
  if (facts.length > 0) md.appendMarkdown(facts.join('  \n') + '\n\n');

  const n = e.mentions.length;
  md.appendMarkdown(
    `**${n} ${n === 1 ? 'mention' : 'mentions'} in this report**: ` +
      links(e.mentions.map((m) => [`${sectionName(report, m.start)}, ${lineCol(doc, m)}`, here(doc, m)])) + '\n\n',
  );

  if (workspace.state === 'disabled') return;
  const others = workspace.mentionsOf({ name: e.name, acronym: e.acronym }, doc.uri);
  if (others.length > 0) {
    const list = others.slice(0, MAX_LINKS).map((o) => {
      const def = o.definition ? `, defined at [${lineCol(undefined, o.definition.start)}](${there(o.uri, o.definition)})` : '';
      return `- [${esc(reportLabel(o.country, o.year, o.uri))}](${there(o.uri, o.first)}) (${esc(uriName(o.uri))}): ${o.count} ${o.count === 1 ? 'mention' : 'mentions'}${def}`;
    });
    if (others.length > MAX_LINKS) list.push(`- and ${others.length - MAX_LINKS} more`);
    md.appendMarkdown(`**In other reports**:\n${list.join('\n')}\n\n`);
  }
}

function sectionName(report: Report, offset: number): string {
  const s = report.index.sectionAt(offset);
  return s ? SECTION_LABELS[s.kind] : 'Text';
}

// ---------------------------------------------------------------------------------------------
// Links and formatting

function range(doc: vscode.TextDocument, span: Span): vscode.Range {
  return new vscode.Range(doc.positionAt(span.start), doc.positionAt(span.end));
}

/**
 * A link that opens `uri` with `r` selected: the selection fragment (`#L12,5-L12,9`, 1-based)
 * that VS Code's opener reads, as `vscode.open` and markdown links use it.
 */
function there(uri: vscode.Uri, r: vscode.Range): string {
  const fragment = `L${r.start.line + 1},${r.start.character + 1}-L${r.end.line + 1},${r.end.character + 1}`;
  return uri.with({ fragment }).toString();
}

function here(doc: vscode.TextDocument, span: Span): string {
  return there(doc.uri, range(doc, span));
}

function lineCol(doc: vscode.TextDocument | undefined, at: Span | vscode.Position): string {
  const p = at instanceof vscode.Position ? at : doc!.positionAt(at.start);
  return `Ln ${p.line + 1}, Col ${p.character + 1}`;
}

/** `[a](...) · [b](...) · and 3 more`. */
function links(items: ReadonlyArray<readonly [string, string]>): string {
  const shown = items.slice(0, MAX_LINKS).map(([label, target]) => `[${esc(label)}](${target})`);
  if (items.length > MAX_LINKS) shown.push(`and ${items.length - MAX_LINKS} more`);
  return shown.join(' · ');
}

function reportLabel(country: string | undefined, year: number | undefined, uri: vscode.Uri): string {
  const label = [country, year].filter((x) => x !== undefined).join(' ');
  return label || uriName(uri);
}

/** `343,640 USD`, `860 to 3,440 USD`: whole units from 100 up, cents below. */
function amount(value: number, max: number | undefined, currency: string): string {
  const f = (v: number): string => v.toLocaleString('en-US', { maximumFractionDigits: Math.abs(v) >= 100 ? 0 : 2 });
  return `${f(value)}${max !== undefined ? ` to ${f(max)}` : ''} ${currency}`;
}

/** A rate as every view shows it (core/currency.ts): `582.00`, `0.3845`. */
const rate = formatRate;

function percent(fraction: number): string {
  return `${(Math.abs(fraction) * 100).toLocaleString('en-US', { maximumFractionDigits: 1 })}%`;
}

/**
 * Text from the report, safe in markdown: the characters that could open emphasis, code, a link
 * or HTML, and `$(` (a theme icon) are escaped; the rest is left as written.
 */
function esc(text: string): string {
  return text.replace(/[\\`*_[\]<>|~]|\$(?=\()/g, '\\$&');
}
