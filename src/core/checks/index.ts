/**
 * The consistency check: every rule over one report (and last year's, when known). Each rule
 * lives in its own file and is a plain function of the analysis; `check` runs the chosen ones,
 * applies the severities asked for, and returns the findings in text order.
 */
import { yieldTurn } from '../yieldTurn';
import { analyze } from '../analyze';
import type { Analysis } from '../model';
import { ReportIndex } from '../query';
import { acronymRule } from './acronym';
import { breakdownSumRule } from './breakdownSum';
import { conversionRateRule } from './conversionRate';
import { numberStyleRule } from './numberStyle';
import { previousPeriodRule } from './previousPeriod';
import { repeatedFigureRule } from './repeatedFigure';
import { tierRule } from './tier';
import { trendClaimRule } from './trendClaim';
import { DEFAULT_SEVERITY, RULES, type CheckContext, type CheckOptions, type Finding, type PreviousReport, type Rule, type RuleId } from './types';

export * from './types';
export * from './dismiss';

export const RULE_FUNCTIONS: Record<RuleId, Rule> = {
  'repeated-figure': repeatedFigureRule,
  'breakdown-sum': breakdownSumRule,
  'conversion-rate': conversionRateRule,
  'previous-period': previousPeriodRule,
  tier: tierRule,
  'trend-claim': trendClaimRule,
  acronym: acronymRule,
  'number-style': numberStyleRule,
};

export interface CheckInput {
  readonly text: string;
  /** The analysis of `text`, when the caller has it already. */
  readonly analysis?: Analysis;
  readonly previous?: PreviousReport;
  readonly options?: CheckOptions;
}

/** Runs the consistency rules. Never throws: a rule that fails is skipped. */
export function check(input: CheckInput): Finding[] {
  const analysis = input.analysis ?? analyze(input.text);
  const options = input.options ?? {};
  const ctx: CheckContext = {
    text: input.text, analysis, index: new ReportIndex(analysis), options,
    ...(input.previous ? { previous: input.previous } : {}),
  };
  const out: Finding[] = [];
  for (const rule of options.rules ?? RULES) {
    let found: Finding[];
    try {
      found = RULE_FUNCTIONS[rule](ctx);
    } catch {
      continue;
    }
    const severity = options.severities?.[rule] ?? DEFAULT_SEVERITY[rule];
    for (const f of found) out.push(f.severity === severity ? f : { ...f, severity });
  }
  return out.sort((a, b) => a.start - b.start || a.rule.localeCompare(b.rule));
}

/**
 * The same check, one rule at a time with a pause between them, so a whole report (4.5 MB)
 * never holds the caller's thread for the whole check. Resolves to undefined when aborted.
 */
export async function checkAsync(input: CheckInput & { readonly signal?: AbortSignal }): Promise<Finding[] | undefined> {
  const analysis = input.analysis ?? analyze(input.text);
  const rules = input.options?.rules ?? RULES;
  const out: Finding[] = [];
  for (const rule of rules) {
    await yieldTurn();
    if (input.signal?.aborted) return undefined;
    out.push(...check({ ...input, analysis, options: { ...input.options, rules: [rule] } }));
  }
  return out.sort((a, b) => a.start - b.start || a.rule.localeCompare(b.rule));
}

/** What a previous year's analysis gives the check. */
export function previousReport(document: string, analysis: Analysis): PreviousReport {
  return { document, meta: analysis.meta, figures: analysis.figures, money: analysis.money, narratives: analysis.narratives };
}
