/**
 * tier: the tier line, the summary's "upgraded to / downgraded to / remained on" sentence and
 * the previous year's tier must tell one story.
 */
import { fold } from '../gazetteer';
import type { Tier } from '../model';
import type { Finding, Rule } from './types';

/** Higher is better: Tier 1 above Tier 2, above the Watch List, above Tier 3. */
const RANK: Record<Tier, number> = { 'Tier 1': 4, 'Tier 2': 3, 'Tier 2 Watch List': 2, 'Tier 3': 1, 'Special Case': 0 };

export const tierRule: Rule = (ctx) => {
  const out: Finding[] = [];
  const prev = ctx.previous?.meta.tier;
  for (const n of ctx.analysis.narratives) {
    const { tier, tierSpan, tierChange } = n.meta;
    if (tier && tierSpan && tierChange && tierChange.tier !== tier) {
      out.push({
        rule: 'tier', severity: 'error', start: tierChange.start, end: tierChange.end,
        message: `The summary says "${tierChange.text}", but the tier line says ${tier}.`,
        related: [{ start: tierSpan.start, end: tierSpan.end, message: `The tier line: ${tier}.` }],
        fixes: [{ title: `Say "${tierChange.change} ${tierChange.change === 'remained' ? 'on' : 'to'} ${tier}"`, edits: [{ start: tierChange.start, end: tierChange.end, newText: tierChange.text.replace(/Tier\s+2\s+Watch\s+List|Tier\s+[123]|Special\s+Case/, tier) }] }],
      });
    }
    if (!prev || prev === 'Special Case' || !ctx.previous) continue;
    // Last year's tier speaks only of its own country (a whole report holds many).
    const theirs = ctx.previous.meta.country;
    if (n.meta.country && theirs && fold(n.meta.country) !== fold(theirs)) continue;
    const span = ctx.previous.meta.tierSpan ?? { start: 0, end: 0 };
    const prevPlace = { start: span.start, end: span.end, document: ctx.previous.document, message: `Last year's narrative: ${prev}.` };
    // The summary's sentence against last year's tier.
    if (tierChange && tierChange.tier !== 'Special Case') {
      const expected = tierChange.change === 'remained' ? RANK[tierChange.tier] === RANK[prev]
        : tierChange.change === 'upgraded' ? RANK[tierChange.tier] > RANK[prev] : RANK[tierChange.tier] < RANK[prev];
      if (!expected) {
        out.push({
          rule: 'tier', severity: 'error', start: tierChange.start, end: tierChange.end,
          message: `The summary says "${tierChange.text}", but last year's narrative put the country on ${prev}.`,
          related: [prevPlace], fixes: [],
        });
      }
    }
    // The tier line against last year's tier, when the summary states no change that explains it.
    if (tier && tierSpan && tier !== 'Special Case' && tier !== prev) {
      const explained = tierChange && tierChange.tier === tier && tierChange.change !== 'remained';
      if (!explained) {
        const moved = RANK[tier] > RANK[prev] ? 'an upgrade' : 'a downgrade';
        out.push({
          rule: 'tier', severity: 'error', start: tierSpan.start, end: tierSpan.end,
          message: `The tier line says ${tier}; last year's narrative said ${prev}: that is ${moved}, which the summary does not state.`,
          related: [prevPlace], fixes: [],
        });
      }
    }
  }
  return out;
};
