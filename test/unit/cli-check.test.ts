import * as assert from 'node:assert';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RULES } from '../../src/core/checks';
import { commandOf, parseCheckArgs, SARIF_SCHEMA } from '../../src/cli/check';
import { USAGE } from '../../src/cli/run';
import { cli as runCli } from '../support/cli';

const ROOT = path.resolve(__dirname, '..', '..', '..');
// Relative paths, as a user types them: the output names files as given.
const Y2023 = path.join('samples', 'veldora-2023.tip.txt');
const Y2022 = path.join('samples', 'veldora-2022.tip.txt');



/** From the repository root, so file names print as a user types them. */
const cli = (...argv: string[]) => runCli(argv, ROOT);

const text2023 = (): string => readFileSync(path.join(ROOT, Y2023), 'utf8');

interface JsonFinding {
  rule: string;
  severity: string;
  message: string;
  start: number;
  end: number;
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
  related: Array<{ file: string; message: string; startLine?: number }>;
  fixes: Array<{ title: string; edits: Array<{ start: number; end: number; newText: string }> }>;
}

interface JsonReport {
  tool: string;
  command: string;
  summary: Record<string, number>;
  files: Array<{ file: string; previous?: string; error?: string; findings?: JsonFinding[] }>;
}

describe('tip-lens check', () => {
  describe('arguments', () => {
    it('finds the command among options and their values', () => {
      assert.strictEqual(commandOf(['check', 'a.txt']), 'check');
      assert.strictEqual(commandOf(['--format', 'json', 'check', 'a.txt']), 'check');
      assert.strictEqual(commandOf(['--previous', 'check', 'analyze']), 'analyze');
      assert.strictEqual(commandOf(['analyze', 'check']), 'analyze');
      assert.strictEqual(commandOf(['-h']), undefined);
    });

    it('reads --previous and --format in both spellings', () => {
      const a = parseCheckArgs(['check', 'a.txt', '--previous=b.txt', '-f', 'sarif', 'c.txt']);
      assert.deepStrictEqual(a, { files: ['a.txt', 'c.txt'], format: 'sarif', showDismissed: false, help: false, version: false, previous: 'b.txt' });
      assert.strictEqual(parseCheckArgs(['check', '--format=json', 'a']).format, 'json');
      assert.strictEqual(parseCheckArgs(['check', 'a']).format, 'text');
      // `check` as a FILE after the command is a file.
      assert.deepStrictEqual(parseCheckArgs(['check', '--', 'check']).files, ['check']);
    });
  });

  describe('text', () => {
    it('reports each planted inconsistency of the sample, with last year for the previous period', async () => {
      const r = await cli('check', Y2023, '--previous', Y2022);
      assert.strictEqual(r.code, 1, r.err);
      assert.strictEqual(r.err, '');
      const lines = r.out.split('\n');
      const at = (rule: string, line: number): string[] => lines.filter((l) => l.startsWith(`${Y2023}:${line}:`) && l.endsWith(`[${rule}]`));
      assert.strictEqual(at('repeated-figure', 23).length + at('repeated-figure', 5).length, 1, r.out); // P1
      assert.strictEqual(at('breakdown-sum', 21).length, 1, r.out); // P2
      assert.strictEqual(at('conversion-rate', 21).length, 1, r.out); // P3
      assert.strictEqual(at('previous-period', 15).length, 1, r.out); // P4
      assert.ok(at('tier', 3).length + at('tier', 5).length >= 1, r.out); // P5
      assert.strictEqual(at('trend-claim', 21).length, 1, r.out); // P6
      assert.strictEqual(at('acronym', 5).length + at('acronym', 9).length >= 1, true, r.out); // P7
      assert.strictEqual(at('number-style', 15).length, 2, r.out); // P8, P9
      // Severity and message in the form editors' problem matchers read.
      assert.match(r.out, new RegExp(`^${Y2023.replace(/[.\\/]/g, '\\$&')}:21:\\d+: error: .*127.*\\[breakdown-sum\\]$`, 'm'));
      // The previous-period finding points into last year's file.
      const i = lines.findIndex((l) => l.endsWith('[previous-period]'));
      assert.ok(lines[i + 1]!.trimStart().startsWith(`${Y2022}:15:`), lines[i + 1]);
      assert.match(lines.at(-2)!, /^\d+ findings in 1 file \(\d+ errors?, \d+ warnings?, \d+ hints?\)$/);
    });

    it('without last year, no previous-period finding', async () => {
      const r = await cli('check', Y2023);
      assert.strictEqual(r.code, 1);
      assert.ok(!r.out.includes('[previous-period]'), r.out);
      assert.ok(r.out.includes('[breakdown-sum]'));
    });

    it('another FILE of the same country and the year before serves as last year', async () => {
      const r = await cli('check', Y2022, Y2023);
      assert.strictEqual(r.code, 1);
      assert.strictEqual(r.out.split('\n').filter((l) => l.endsWith('[previous-period]')).length, 1, r.out);
      assert.match(r.out, /in 2 files/);
    });

    it('last year on its own raises no findings, and exits 0', async () => {
      const r = await cli('check', Y2022);
      assert.deepStrictEqual(r, { code: 0, out: 'no findings in 1 file\n', err: '' });
    });

    it('exits 0 when the findings are warnings and hints only', async () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'tip-lens-check-'));
      try {
        // The two planted errors corrected: the breakdown and the tier line.
        const fixed = text2023().replace('(68 women and 52 men)', '(75 women and 52 men)').replace('VELDORA: Tier 2 Watch List', 'VELDORA: Tier 2');
        const file = path.join(dir, 'veldora-2023.tip.txt');
        writeFileSync(file, fixed);
        const r = await cli('check', file, '--previous', Y2022);
        assert.strictEqual(r.code, 0, r.out);
        assert.ok(!/: error: /.test(r.out), r.out);
        assert.ok(r.out.includes('[number-style]'), r.out);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('a --previous of another country is ignored with a warning', async () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'tip-lens-check-'));
      try {
        const other = path.join(dir, 'other.tip.txt');
        writeFileSync(other, readFileSync(path.join(ROOT, Y2022), 'utf8').replace(/Veldora/g, 'Ostrava').replace(/VELDORA/g, 'OSTRAVA'));
        const r = await cli('check', Y2023, '--previous', other);
        assert.match(r.err, /is not the year before for the same country; ignored/);
        assert.ok(!r.out.includes('[previous-period]'));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe('json', () => {
    it('one document: findings with offsets, 1-based positions, related places and fixes', async () => {
      const r = await cli('check', Y2023, '--previous', Y2022, '--format', 'json');
      assert.strictEqual(r.code, 1);
      const doc = JSON.parse(r.out) as JsonReport;
      assert.strictEqual(doc.tool, 'tip-lens');
      assert.strictEqual(doc.command, 'check');
      assert.strictEqual(doc.files.length, 1);
      const file = doc.files[0]!;
      assert.strictEqual(file.file, Y2023);
      assert.strictEqual(file.previous, Y2022);
      const text = text2023();
      for (const f of file.findings!) {
        assert.ok((RULES as readonly string[]).includes(f.rule), f.rule);
        assert.ok(['error', 'warning', 'information', 'hint'].includes(f.severity));
        assert.ok(f.startLine >= 1 && f.startColumn >= 1 && f.endLine >= f.startLine);
        for (const x of f.fixes) for (const e of x.edits) assert.ok(e.start <= e.end && e.end <= text.length);
      }
      const sum = Object.values(doc.summary).reduce((a, b) => a + b, 0);
      assert.strictEqual(sum, file.findings!.length);
      // P1: the repeated figure points at the other occurrence, 58 <-> 63.
      const repeated = file.findings!.filter((f) => f.rule === 'repeated-figure');
      assert.strictEqual(repeated.length, 1);
      const values = [text.slice(repeated[0]!.start, repeated[0]!.end)];
      const other = repeated[0]!.related.find((x) => x.file === Y2023)!;
      assert.ok(other, JSON.stringify(repeated[0]));
      values.push(String(other.startLine));
      assert.ok(['58', '63'].includes(values[0]!), values[0]);
      assert.ok(['5', '23'].includes(values[1]!), values[1]);
      // P8: the number-style fix writes "seven".
      const seven = file.findings!.find((f) => f.rule === 'number-style' && text.slice(f.start, f.end) === '7');
      assert.ok(seven, 'P8 found');
      assert.strictEqual(seven.fixes[0]!.edits[0]!.newText, 'seven');
    });

    it('a file that cannot be read is listed with its error, and the exit code is 1', async () => {
      const r = await cli('check', Y2022, 'no/such/file.txt', '--format', 'json');
      assert.strictEqual(r.code, 1);
      const doc = JSON.parse(r.out) as JsonReport;
      assert.deepStrictEqual(doc.files.map((f) => f.file), [Y2022, 'no/such/file.txt']);
      assert.strictEqual(doc.files[1]!.error, 'no such file');
      assert.match(r.err, /no\/such\/file\.txt: no such file/);
    });
  });

  describe('sarif', () => {
    interface Region { startLine: number; startColumn: number; endLine: number; endColumn: number }
    interface Location { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region?: Region }; message?: { text: string }; id?: number }
    interface Sarif {
      $schema: string;
      version: string;
      runs: Array<{
        columnKind: string;
        tool: { driver: { name: string; version: string; rules: Array<{ id: string; shortDescription: { text: string }; helpUri: string; defaultConfiguration: { level: string } }> } };
        results: Array<{ ruleId: string; ruleIndex: number; level: string; message: { text: string }; locations: Location[]; relatedLocations?: Location[] }>;
      }>;
    }

    let sarif: Sarif;
    let code: number;
    before(async () => {
      const r = await cli('check', Y2023, '--previous', Y2022, '--format', 'sarif');
      code = r.code;
      sarif = JSON.parse(r.out) as Sarif;
    });

    it('has the required top-level fields of SARIF 2.1.0', () => {
      assert.strictEqual(code, 1);
      assert.strictEqual(sarif.$schema, SARIF_SCHEMA);
      assert.strictEqual(sarif.version, '2.1.0');
      assert.strictEqual(sarif.runs.length, 1);
      assert.strictEqual(sarif.runs[0]!.tool.driver.name, 'tip-lens');
      assert.strictEqual(typeof sarif.runs[0]!.tool.driver.version, 'string');
      assert.strictEqual(sarif.runs[0]!.columnKind, 'utf16CodeUnits');
    });

    it('describes every rule, with a helpUri to its documentation', () => {
      const rules = sarif.runs[0]!.tool.driver.rules;
      assert.deepStrictEqual(rules.map((r) => r.id), [...RULES]);
      for (const r of rules) {
        assert.ok(r.shortDescription.text.length > 10);
        assert.ok(r.helpUri.endsWith(`docs/rules/${r.id}.md`), r.helpUri);
        assert.ok(existsSync(fileURLToPath(r.helpUri)), r.helpUri);
        assert.ok(['error', 'warning', 'note'].includes(r.defaultConfiguration.level));
      }
    });

    it('results name their rule, level, message and a region that holds the flagged text', () => {
      const run0 = sarif.runs[0]!;
      const lines = text2023().split('\n');
      const slice = (reg: Region): string => {
        assert.strictEqual(reg.startLine, reg.endLine);
        return lines[reg.startLine - 1]!.slice(reg.startColumn - 1, reg.endColumn - 1);
      };
      assert.ok(run0.results.length >= 9, String(run0.results.length));
      for (const res of run0.results) {
        assert.strictEqual(run0.tool.driver.rules[res.ruleIndex]!.id, res.ruleId);
        assert.ok(['error', 'warning', 'note'].includes(res.level), res.level);
        assert.ok(res.message.text.length > 0);
        assert.strictEqual(res.locations.length, 1);
        const loc = res.locations[0]!.physicalLocation;
        assert.strictEqual(loc.artifactLocation.uri, 'samples/veldora-2023.tip.txt');
        assert.strictEqual(loc.artifactLocation.uriBaseId, '%SRCROOT%');
        for (const k of ['startLine', 'startColumn', 'endLine', 'endColumn'] as const) assert.ok(Number.isInteger(loc.region![k]) && loc.region![k] >= 1);
      }
      const styles = run0.results.filter((r) => r.ruleId === 'number-style').map((r) => slice(r.locations[0]!.physicalLocation.region!));
      assert.deepStrictEqual(styles.sort(), ['7', 'fifteen']);
      const breakdown = run0.results.find((r) => r.ruleId === 'breakdown-sum')!;
      assert.strictEqual(breakdown.level, 'error');
    });

    it('related locations point at the other occurrence and at last year', () => {
      const results = sarif.runs[0]!.results;
      const repeated = results.find((r) => r.ruleId === 'repeated-figure')!;
      const rel = repeated.relatedLocations!;
      assert.ok(rel.some((l) => l.physicalLocation.artifactLocation.uri === 'samples/veldora-2023.tip.txt' && [5, 23].includes(l.physicalLocation.region!.startLine)));
      for (const l of rel) assert.ok(l.message!.text.length > 0 && Number.isInteger(l.id));
      const previous = results.find((r) => r.ruleId === 'previous-period')!;
      const last = previous.relatedLocations!.find((l) => l.physicalLocation.artifactLocation.uri === 'samples/veldora-2022.tip.txt');
      assert.ok(last, JSON.stringify(previous.relatedLocations));
      assert.strictEqual(last.physicalLocation.region!.startLine, 15);
    });
  });

  describe('exit code 2 on bad usage', () => {
    const cases: Array<[string, string[], RegExp]> = [
      ['no FILE', ['check'], /check needs at least one FILE/],
      ['an unknown format', ['check', Y2023, '--format', 'csv'], /unknown format 'csv' for check/],
      ['--previous without a FILE', ['check', Y2023, '--previous'], /--previous needs a FILE/],
      ['--previous twice', ['check', Y2023, '--previous', Y2022, '--previous', Y2022], /more than once/],
      ['an unreadable --previous', ['check', Y2023, '--previous', 'no/such/file.txt'], /--previous no\/such\/file\.txt: no such file/],
      ['an unknown option', ['check', Y2023, '--strict'], /unknown option '--strict'/],
    ];
    for (const [what, argv, message] of cases) {
      it(what, async () => {
        const r = await cli(...argv);
        assert.strictEqual(r.code, 2);
        assert.strictEqual(r.out, '');
        assert.match(r.err, message);
        assert.ok(r.err.endsWith(USAGE));
      });
    }

    it('check --help prints the usage and exits 0', async () => {
      assert.deepStrictEqual(await cli('check', '--help'), { code: 0, out: USAGE, err: '' });
    });

    it('the usage names check', () => {
      assert.match(USAGE, /tip-lens check FILE\.\.\. \[--previous FILE\] \[--format text\|json\|sarif\]/);
    });
  });
});
