import * as assert from 'node:assert';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { annotationFileFor, selectorFor } from '../../src/core/annotations';
import { check, dismissal, type Finding } from '../../src/core/checks';
import { parseCheckArgs } from '../../src/cli/check';
import { cli } from '../support/cli';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const CREATED = '2026-12-03T00:00:00Z';

interface JsonFinding { rule: string; message: string; startLine: number; annotation?: string; reason?: string }
interface JsonReport { summary: Record<string, number>; files: Array<{ file: string; findings: JsonFinding[]; dismissed?: JsonFinding[] }> }
interface SarifResult { ruleId: string; level: string; message: { text: string }; suppressions?: Array<{ kind: string; status?: string; justification?: string }> }

describe('tip-lens check: dismissed findings', () => {
  let dir: string;
  let report: string;
  let text: string;
  let p2: Finding;
  let p8: Finding;

  /** Writes the annotation file beside the report: P2 dismissed with a reason, P8 without. */
  const dismissBoth = (): void => {
    const annotations = [dismissal(text, p2, 'd-p2', CREATED, 'one adult of unknown sex'), dismissal(text, p8, 'd-p8', CREATED)];
    writeFileSync(annotationFileFor(report), JSON.stringify({ schemaVersion: 1, document: 'veldora-2023.tip.txt', annotations }, null, 2));
  };

  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'tip-lens-dismiss-'));
    report = path.join(dir, 'veldora-2023.tip.txt');
    copyFileSync(path.join(ROOT, 'samples', 'veldora-2023.tip.txt'), report);
    text = readFileSync(report, 'utf8');
    const findings = check({ text });
    p2 = findings.find((f) => f.rule === 'breakdown-sum')!;
    p8 = findings.find((f) => f.rule === 'number-style' && f.message.includes('"7"'))!;
    assert.ok(p2 && p8);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('parses --show-dismissed', () => {
    assert.strictEqual(parseCheckArgs(['check', 'a']).showDismissed, false);
    assert.strictEqual(parseCheckArgs(['check', '--show-dismissed', 'a']).showDismissed, true);
  });

  it('leaves the dismissed findings out, and says how many; the exit code follows what is left', async () => {
    const before = await cli(['check', report]);
    assert.strictEqual(before.code, 1, 'P2 and P5 are errors');
    assert.ok(before.out.includes('[breakdown-sum]'));
    dismissBoth();
    const r = await cli(['check', report]);
    assert.strictEqual(r.err, '');
    assert.ok(!r.out.includes('[breakdown-sum]'));
    assert.ok(!r.out.includes(p8.message));
    assert.ok(r.out.includes(`${report}:`));
    const lines = r.out.trimEnd().split('\n');
    assert.match(lines[lines.length - 1]!, /; 2 dismissed \(--show-dismissed lists them\)$/);
    assert.ok(!r.out.includes(': dismissed:'));
    assert.strictEqual(r.code, 1, 'the tier errors remain');
    assert.strictEqual(before.out.split('\n').filter((l) => l.startsWith(report)).length - 2, r.out.split('\n').filter((l) => l.startsWith(report)).length);
  });

  it('--show-dismissed lists a line per dismissed finding with its reason', async () => {
    dismissBoth();
    const r = await cli(['check', '--show-dismissed', report]);
    const listed = r.out.split('\n').filter((l) => l.includes(': dismissed: '));
    assert.deepStrictEqual(listed, [
      `${report}:15:1386: dismissed: ${p8.message} [number-style]`,
      `${report}:21:354: dismissed: ${p2.message} [breakdown-sum] (one adult of unknown sex)`,
    ].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })));
    assert.match(r.out.trimEnd().split('\n').pop()!, /; 2 dismissed$/);
  });

  it('a changed figure brings the finding back; an orphaned dismissal dismisses nothing', async () => {
    dismissBoth();
    // 52 men -> 50 men (P2's message changes); "the removal of 7 victims" -> "the removal of 8 victims" (P8's text goes).
    writeFileSync(report, text.replace('52 men', '50 men').replace('the removal of 7 victims', 'the removal of 8 victims'));
    const r = await cli(['check', '--show-dismissed', report]);
    assert.ok(r.out.includes('The parts of 127 add up to 118, not 127'));
    assert.ok(r.out.includes('"8"'));
    assert.ok(!r.out.includes(': dismissed: '));
    assert.ok(!r.out.includes('dismissed'));
  });

  it('json: the findings without the dismissed ones; --show-dismissed adds them apart with their reason', async () => {
    dismissBoth();
    const plain = JSON.parse((await cli(['check', '-f', 'json', report])).out) as JsonReport;
    assert.strictEqual(plain.summary['dismissed'], 2);
    assert.ok(!plain.files[0]!.findings.some((f) => f.rule === 'breakdown-sum'));
    assert.strictEqual(plain.files[0]!.dismissed, undefined);
    const shown = JSON.parse((await cli(['check', '-f', 'json', '--show-dismissed', report])).out) as JsonReport;
    assert.deepStrictEqual(shown.files[0]!.findings, plain.files[0]!.findings);
    assert.deepStrictEqual(shown.files[0]!.dismissed!.map((d) => [d.rule, d.startLine, d.annotation, d.reason]), [
      ['number-style', 15, 'd-p8', undefined],
      ['breakdown-sum', 21, 'd-p2', 'one adult of unknown sex'],
    ]);
  });

  it('sarif: --show-dismissed gives the dismissed findings as results with an external suppression', async () => {
    dismissBoth();
    type Sarif = { runs: Array<{ results: SarifResult[] }> };
    const plain = JSON.parse((await cli(['check', '-f', 'sarif', report])).out) as Sarif;
    assert.ok(plain.runs[0]!.results.every((x) => x.suppressions === undefined));
    assert.ok(!plain.runs[0]!.results.some((x) => x.ruleId === 'breakdown-sum'));
    const shown = JSON.parse((await cli(['check', '-f', 'sarif', '--show-dismissed', report])).out) as Sarif;
    assert.strictEqual(shown.runs[0]!.results.length, plain.runs[0]!.results.length + 2);
    const suppressed = shown.runs[0]!.results.filter((x) => x.suppressions);
    assert.deepStrictEqual(suppressed.map((x) => [x.ruleId, x.level, x.message.text, x.suppressions]), [
      ['number-style', 'note', p8.message, [{ kind: 'external', status: 'accepted', properties: { annotation: 'd-p8', annotationFile: annotationFileFor(report) } }]],
      ['breakdown-sum', 'error', p2.message, [{ kind: 'external', status: 'accepted', justification: 'one adult of unknown sex', properties: { annotation: 'd-p2', annotationFile: annotationFileFor(report) } }]],
    ]);
  });

  it('an annotation file that cannot be used is named on stderr and dismisses nothing', async () => {
    writeFileSync(annotationFileFor(report), '{ not json');
    const r = await cli(['check', report]);
    assert.match(r.err, /annotations\.json: warning: cannot be used \(not valid JSON/);
    assert.ok(r.out.includes('[breakdown-sum]'));
  });

  it('other annotations dismiss nothing', async () => {
    const note = { id: 'n1', decision: 'note', selector: selectorFor(text, p2.start, p2.end), note: 'look again', created: CREATED };
    writeFileSync(annotationFileFor(report), JSON.stringify({ schemaVersion: 1, document: 'veldora-2023.tip.txt', annotations: [note] }));
    const r = await cli(['check', report]);
    assert.strictEqual(r.err, '');
    assert.ok(r.out.includes('[breakdown-sum]'));
    assert.ok(!r.out.includes('dismissed'));
  });
});
