/**
 * Where a year's two sources disagree, what the check says of it: the previous-period rule run on
 * the restating narrative with the narrative it restates as last year's, the finding on the
 * restated figure. The timeline shows it beside its own words for the disagreement, so the
 * researcher sees the same finding the Problems panel gives when that narrative is open.
 */
import { check, previousReport, type Finding } from '../checks';
import type { CountrySeries, TimelineFinding, TimelineInput } from './model';

/** The previous-period findings behind the series' disagreements (none for a year the rule does not flag, such as the budget's). */
export function disagreementFindings(inputs: readonly TimelineInput[], series: CountrySeries): TimelineFinding[] {
  const byDocument = new Map(inputs.map((i) => [i.document, i] as const));
  const checked = new Map<string, Finding[]>();
  const out: TimelineFinding[] = [];
  for (const m of series.metrics) {
    for (const p of m.points) {
      if (!p.disagreement || !p.current || !p.restated) continue;
      const restating = byDocument.get(p.restated.document);
      const previous = byDocument.get(p.current.document);
      if (!restating || !previous) continue;
      const key = `${restating.document}\n${previous.document}`;
      let findings = checked.get(key);
      if (!findings) {
        findings = check({
          text: restating.text, analysis: restating.analysis,
          previous: previousReport(previous.document, previous.analysis), options: { rules: ['previous-period'] },
        });
        checked.set(key, findings);
      }
      const r = p.restated;
      const f = findings.find((x) => x.start < r.end && r.start < x.end);
      if (f) out.push({ metric: m.metric, year: p.year, message: f.message, document: restating.document, start: f.start, end: f.end });
    }
  }
  return out;
}
