import * as assert from 'node:assert';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyze } from '../../src/core/analyze';
import { decode } from '../../src/cli/input';
import { LineIndex } from '../../src/cli/format';
import { parseArgs, USAGE } from '../../src/cli/run';
import { cli as runCli, parseCsv } from '../support/cli';
import { corpusSuite, seedPath } from '../support/corpus';

const ROOT = path.resolve(__dirname, '..', '..', '..');
/** A whole narrative of ours; the real seed is read in its own suite below, when it is there. */
const NARRATIVE = path.join(ROOT, 'samples', 'veldora-2023.tip.txt');
const SAMPLE = path.join(ROOT, 'samples', 'veldora-2022.tip.txt');
const CRLF = path.join(ROOT, 'test', 'fixtures', 'narratives', 'zembla-2011.txt');




const cli = (...argv: string[]) => runCli(argv);

function asObjects(records: string[][]): Array<Record<string, string>> {
  const [header, ...body] = records;
  assert.ok(header);
  return body.map((r) => {
    assert.strictEqual(r.length, header.length, `every record has ${header.length} fields`);
    return Object.fromEntries(header.map((h, i) => [h, r[i]!]));
  });
}

/** The text at a 1-based line and column. */
function at(text: string, line: number, column: number, length: number): string {
  const l = text.split('\n')[line - 1] ?? '';
  return l.slice(column - 1, column - 1 + length);
}

describe('tip-lens command line', function () {
  this.timeout(20000);
  let dir: string;
  const tmp = (name: string, content: string | Buffer): string => {
    const p = path.join(dir, name);
    writeFileSync(p, content);
    return p;
  };

  before(function () {
    dir = mkdtempSync(path.join(os.tmpdir(), 'tip-lens-cli-'));
  });
  after(function () {
    rmSync(dir, { recursive: true, force: true });
  });

  describe('table', function () {
    it('prints a header and aligned figures, money and entities for a narrative', async function () {
      const r = await cli('analyze', NARRATIVE);
      assert.strictEqual(r.code, 0, r.err);
      assert.strictEqual(r.err, '');
      const lines = r.out.split('\n');
      assert.match(lines[0]!, /^== .*veldora-2023\.tip\.txt: Veldora 2023, Tier 2 Watch List .*\| \d+ figures, 9 money amounts, \d+ entities$/);
      for (const title of ['FIGURES', 'MONEY', 'ENTITIES']) assert.ok(lines.includes(title), `a ${title} block`);
      // Aligned: every row of the figures block starts its SECTION column where the header does.
      const start = lines.indexOf('FIGURES') + 1;
      const header = lines[start]!;
      const col = header.indexOf('SECTION');
      assert.ok(col > 0);
      for (let i = start + 1; lines[i]; i++) {
        assert.match(lines[i]!, /^\d+:\d+ /);
        assert.strictEqual(lines[i]![col - 1], ' ', `row ${i} is aligned`);
        assert.match(lines[i]!.slice(col), /^(summary|recommendations|prosecution|protection|prevention|profile|other|title|tier) /);
      }
      // The penalty range reads as 5-10; the money conversion is there with its implied rate.
      assert.match(r.out, /prosecution\s+penalty\s+unspecified\s+5-10\s+years\s+five to 10/);
      assert.match(r.out, /1000000-5000000\s+XOF\s+1650-8260\s+USD\s+605\.4/);
      assert.match(r.out, /organization|government-body/);
    });

    it('handles a sample and several files in one run, one header each', async function () {
      const r = await cli('analyze', NARRATIVE, SAMPLE);
      assert.strictEqual(r.code, 0, r.err);
      const headers = r.out.split('\n').filter((l) => l.startsWith('== '));
      assert.strictEqual(headers.length, 2);
      assert.match(headers[1]!, /veldora-2022\.tip\.txt: Veldora 2022, Tier 2/);
    });

    it('is the default, and says so for an empty file', async function () {
      const empty = tmp('empty.txt', '');
      const r = await cli('analyze', empty);
      assert.strictEqual(r.code, 0);
      assert.strictEqual(r.err, '');
      assert.strictEqual(r.out, `== ${empty}: empty file | 0 figures, 0 money amounts, 0 entities\n`);
    });
  });

  describe('json', function () {
    it('is one document with the file name and the analysis of each file', async function () {
      const r = await cli('analyze', '--format', 'json', NARRATIVE, SAMPLE);
      assert.strictEqual(r.code, 0, r.err);
      const doc = JSON.parse(r.out) as { tool: string; version: string; files: Array<{ file: string; analysis: unknown }> };
      assert.strictEqual(doc.tool, 'tip-lens');
      assert.strictEqual(doc.version, (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version);
      assert.deepStrictEqual(doc.files.map((f) => f.file), [NARRATIVE, SAMPLE]);
      assert.deepStrictEqual(doc.files[0]!.analysis, JSON.parse(JSON.stringify(analyze(readFileSync(NARRATIVE, 'utf8')))));
      assert.deepStrictEqual(doc.files[1]!.analysis, JSON.parse(JSON.stringify(analyze(readFileSync(SAMPLE, 'utf8')))));
    });

    it('lists a file it could not read with its error, in the same document', async function () {
      const missing = path.join(dir, 'missing.txt');
      const r = await cli('analyze', '--format=json', missing, SAMPLE);
      assert.strictEqual(r.code, 1);
      const doc = JSON.parse(r.out) as { files: Array<{ file: string; error?: string; analysis?: unknown }> };
      assert.deepStrictEqual(doc.files[0], { file: missing, error: 'no such file' });
      assert.ok(doc.files[1]!.analysis);
    });
  });

  describe('csv', function () {
    it('is RFC 4180 with a header and a kind column, one file for figures, money and entities', async function () {
      const r = await cli('analyze', '-f', 'csv', NARRATIVE, SAMPLE);
      assert.strictEqual(r.code, 0, r.err);
      const records = parseCsv(r.out);
      assert.deepStrictEqual(records[0]!.slice(0, 4), ['kind', 'file', 'line', 'column']);
      const rows = asObjects(records);
      for (const [file, p] of [[NARRATIVE, NARRATIVE], [SAMPLE, SAMPLE]] as const) {
        const a = analyze(readFileSync(p, 'utf8'));
        const mine = rows.filter((x) => x.file === file);
        assert.strictEqual(mine.filter((x) => x.kind === 'figure').length, a.figures.length);
        assert.strictEqual(mine.filter((x) => x.kind === 'money').length, a.money.length);
        assert.strictEqual(mine.filter((x) => x.kind === 'entity').length, a.entities.length);
      }
      // A quoted field with commas survives: the money range of the narrative and its conversion.
      const fcfa = rows.find((x) => x.kind === 'money' && x.text.startsWith('one million to five million'));
      assert.ok(fcfa, 'the FCFA range');
      assert.deepStrictEqual(
        [fcfa.amount, fcfa.currency, fcfa.conversion_amount, fcfa.conversion_currency, fcfa.country, fcfa.year],
        ['1000000-5000000', 'XOF', '1650-8260', 'USD', 'Veldora', '2023']);
      assert.strictEqual(fcfa.implied_rate, '605.45', 'rounded as the export and every view round a rate');
      const penalty = rows.find((x) => x.kind === 'figure' && x.text === 'five to 10');
      assert.deepStrictEqual([penalty?.value, penalty?.metric, penalty?.section], ['5-10', 'penalty', 'prosecution']);
      const cnltp = rows.find((x) => x.kind === 'entity' && x.acronym === 'CNLTP');
      assert.ok(cnltp && Number(cnltp.mentions) >= 2, 'CNLTP with its mentions');
    });

    it('counts columns in code points, as the export does, and guards text cells against formulas', async function () {
      // An astral character (two UTF-16 units, one code point) before a figure on its line.
      const file = tmp('astral.tip.txt', '2023 Trafficking in Persons Report: Veldora\n\nVELDORA: Tier 2\n\nPROTECTION\n\n\u{1F4CC} Officials identified 45 victims. =Ministry of Justice (MOJ) staff met.\n');
      const rows = asObjects(parseCsv((await cli('analyze', '--format', 'csv', file)).out));
      const f = rows.find((x) => x.kind === 'figure' && x.text === '45')!;
      assert.deepStrictEqual([f.line, f.column], ['7', String('X Officials identified '.length + 1)]);
      const exported = asObjects(parseCsv((await cli('export', '--format', 'csv', file)).out)).find((x) => x.kind === 'figure' && x.text === '45')!;
      assert.strictEqual(exported.column, f.column, 'analyze and export agree');
      // A file named like a formula, given as a relative path: its cells start with a quote.
      tmp('=SUM(A1).tip.txt', readFileSync(file, 'utf8'));
      const guarded = asObjects(parseCsv((await runCli(['analyze', '--format', 'csv', '=SUM(A1).tip.txt'], dir)).out));
      assert.ok(guarded.length > 0 && guarded.every((x) => x.file === "'=SUM(A1).tip.txt"), guarded[0]?.file);
      assert.strictEqual(guarded.find((x) => x.text === '45')?.value, '45', 'numbers are not guarded');
    });

    it('gives 1-based lines and columns that point at the text, also in a CRLF file', async function () {
      for (const file of [NARRATIVE, CRLF]) {
        const text = readFileSync(file, 'utf8');
        if (file === CRLF) assert.ok(text.includes('\r\n'), 'the fixture has CRLF line ends');
        const r = await cli('analyze', '--format', 'csv', file);
        const rows = asObjects(parseCsv(r.out));
        assert.ok(rows.length > 10);
        for (const x of rows.filter((y) => y.kind !== 'entity')) {
          assert.strictEqual(at(text, Number(x.line), Number(x.column), x.text.length), x.text, `${file} ${x.line}:${x.column}`);
        }
      }
    });
  });

  describe('files that cannot be read', function () {
    it('names a missing file on stderr in one line, goes on with the others, exits 1', async function () {
      const missing = path.join(dir, 'nope.txt');
      const r = await cli('analyze', missing, SAMPLE);
      assert.strictEqual(r.code, 1);
      assert.strictEqual(r.err, `tip-lens: ${missing}: no such file\n`);
      assert.match(r.out, /veldora-2022\.tip\.txt: Veldora 2022/);
    });

    it('refuses binary files: NUL bytes, or bytes that are not UTF-8', async function () {
      const nul = tmp('image.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
      const high = Buffer.alloc(4096);
      for (let i = 0; i < high.length; i++) high[i] = 0x80 + ((i * 37) % 128);
      const latin = tmp('latin.bin', high);
      const r = await cli('analyze', '--format', 'csv', nul, latin, NARRATIVE);
      assert.strictEqual(r.code, 1);
      const errs = r.err.split('\n').filter(Boolean);
      assert.strictEqual(errs.length, 2);
      assert.match(errs[0]!, /^tip-lens: .*image\.png: binary file \(NUL bytes\)$/);
      assert.match(errs[1]!, /^tip-lens: .*latin\.bin: binary file \(not UTF-8 text: \d+ invalid byte sequences\)$/);
      assert.ok(asObjects(parseCsv(r.out)).some((x) => x.file === NARRATIVE), 'the narrative is still analyzed');
    });

    it('reads a text with a stray Latin-1 byte, with a warning, exit 0', async function () {
      const text = readFileSync(SAMPLE);
      const p = tmp('accent.txt', Buffer.concat([text, Buffer.from(' caf\xe9\n', 'latin1')]));
      const r = await cli('analyze', p);
      assert.strictEqual(r.code, 0);
      assert.strictEqual(r.err, `tip-lens: ${p}: warning: 1 invalid UTF-8 sequence read as U+FFFD\n`);
    });

    it('refuses a directory', async function () {
      const d = path.join(dir, 'folder');
      mkdirSync(d, { recursive: true });
      const r = await cli('analyze', d);
      assert.strictEqual(r.code, 1);
      assert.strictEqual(r.err, `tip-lens: ${d}: is a directory\n`);
      assert.strictEqual(r.out, '');
    });

    it('refuses an unreadable file', async function () {
      const p = tmp('secret.txt', 'MALI: Tier 2\n');
      chmodSync(p, 0o000);
      if (process.getuid?.() !== 0) {
        const r = await cli('analyze', p);
        assert.strictEqual(r.code, 1);
        assert.strictEqual(r.err, `tip-lens: ${p}: permission denied\n`);
        return;
      }
      // Root reads everything: run the bundled command line as an unprivileged user instead.
      const bundle = path.join(ROOT, 'dist', 'cli.js');
      assert.ok(existsSync(bundle), 'dist/cli.js is missing: run `npm run build` first (npm test does)');
      const r = spawnSync(process.execPath, [bundle, 'analyze', p], { uid: 65534, gid: 65534, encoding: 'utf8' });
      assert.strictEqual(r.status, 1, r.stderr);
      assert.strictEqual(r.stderr, `tip-lens: ${p}: permission denied\n`);
    });

    it('drops a BOM, as editors do, and decodes UTF-16 with a BOM', async function () {
      const text = readFileSync(SAMPLE, 'utf8');
      const bom = tmp('bom.txt', '\ufeff' + text);
      const utf16 = tmp('utf16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
      const plain = await cli('analyze', '--format', 'json', SAMPLE);
      for (const p of [bom, utf16]) {
        const r = await cli('analyze', '--format', 'json', p);
        assert.strictEqual(r.code, 0, r.err);
        const a = (JSON.parse(r.out) as { files: Array<{ analysis: unknown }> }).files[0]!.analysis;
        assert.deepStrictEqual(a, (JSON.parse(plain.out) as { files: Array<{ analysis: unknown }> }).files[0]!.analysis);
      }
    });
  });

  describe('usage', function () {
    const bad: Array<[string, string[]]> = [
      ['no command', []],
      ['an unknown command', ['frobnicate', 'x.txt']],
      ['no files', ['analyze']],
      ['an unknown option', ['analyze', '--colour', 'x.txt']],
      ['an unknown format', ['analyze', '--format', 'xml', 'x.txt']],
      ['a format without a value', ['analyze', 'x.txt', '--format']],
    ];
    for (const [what, argv] of bad) {
      it(`prints usage and exits 2 on ${what}`, async function () {
        const r = await cli(...argv);
        assert.strictEqual(r.code, 2);
        assert.strictEqual(r.out, '');
        assert.ok(r.err.startsWith('tip-lens: '), r.err);
        assert.ok(r.err.endsWith(USAGE));
      });
    }

    it('--help prints usage on stdout and exits 0', async function () {
      for (const flag of ['--help', '-h']) {
        const r = await cli(flag);
        assert.deepStrictEqual(r, { code: 0, out: USAGE, err: '' });
      }
    });

    it('--version prints the package version', async function () {
      const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
      const r = await cli('--version');
      assert.deepStrictEqual(r, { code: 0, out: `tip-lens ${pkg.version}\n`, err: '' });
    });

    it('takes files that look like options after --, and options after files', function () {
      assert.deepStrictEqual(parseArgs(['analyze', 'a.txt', '--format=csv', '--', '-b.txt', '--help']),
        { command: 'analyze', files: ['a.txt', '-b.txt', '--help'], format: 'csv', help: false, version: false });
    });
  });

  describe('fragments: a section pasted alone', function () {
    // Our own sentences, no title line: which CFA franc, and whose narrative, the text does not say.
    const section = 'PROSECUTION\n\nA court fined one recruiter 500,000 CFA francs (FCFA) ($850). Police investigated 14 cases.\n';

    it('takes its country and year from --country and --year', async function () {
      const file = tmp('section.txt', section);
      const r = await cli('analyze', '--format', 'json', '--country', 'Cameroon', '--year', '2019', file);
      const a = (JSON.parse(r.out) as { files: Array<{ analysis: { meta: { country?: string; year?: number }; money: Array<{ currency: string }> } }> }).files[0]!.analysis;
      assert.deepStrictEqual([a.meta.country, a.meta.year, a.money[0]!.currency], ['Cameroon', 2019, 'XAF']);
    });

    it('else from its file name; a bad --year is a usage error', async function () {
      const file = tmp('senegal-2021-prosecution.txt', section);
      const r = await cli('analyze', '--format', 'csv', file);
      const money = asObjects(parseCsv(r.out)).find((x) => x.kind === 'money')!;
      assert.deepStrictEqual([money.country, money.year, money.currency], ['Senegal', '2021', 'XOF']);
      const bad = await cli('analyze', '--year', 'last', file);
      assert.strictEqual(bad.code, 2);
      assert.match(bad.err, /--year needs a report year/);
    });
  });

  describe('detect', function () {
    it('says whether each file is a narrative, and why', async function () {
      const note = tmp('note.txt', 'A note about trafficking.');
      const r = await cli('detect', NARRATIVE, note);
      assert.strictEqual(r.code, 0);
      assert.strictEqual(r.out, `${NARRATIVE}: TIP report (title line)\n${note}: not a TIP report (no tier line)\n`);
    });
  });

  describe('helpers', function () {
    it('LineIndex counts lines and columns from 1, CRLF or not', function () {
      const idx = new LineIndex('ab\r\ncd\nef');
      assert.deepStrictEqual([0, 1, 4, 5, 7, 9].map((o) => idx.position(o)), [
        { line: 1, column: 1 }, { line: 1, column: 2 }, { line: 2, column: 1 }, { line: 2, column: 2 },
        { line: 3, column: 1 }, { line: 3, column: 3 },
      ]);
    });

    it('decode tells text from binary', function () {
      assert.deepStrictEqual(decode(Buffer.from('plain')), { ok: true, text: 'plain' });
      assert.deepStrictEqual(decode(Buffer.from('\ufeffbom')), { ok: true, text: 'bom' });
      assert.strictEqual(decode(Buffer.from([0xff])).ok, false);
      assert.strictEqual(decode(Buffer.from('a\u0000b')).ok, false);
    });
  });
});

corpusSuite(describe, 'tip-lens command line: the seed', function () {
  it('prints its header: Mali 2020, Tier 2 Watch List, 3 money amounts', async function () {
    const seed = seedPath()!;
    const r = await cli('analyze', seed);
    assert.strictEqual(r.code, 0, r.err);
    assert.match(r.out.split('\n')[0]!, /^== .*mali-2020\.txt: Mali 2020, Tier 2 Watch List .*\| \d+ figures, 3 money amounts, \d+ entities$/);
  });

  it('gives 1-based lines and columns that point at its text', async function () {
    const seed = seedPath()!;
    const text = readFileSync(seed, 'utf8');
    const rows = asObjects(parseCsv((await cli('analyze', '--format', 'csv', seed)).out));
    assert.ok(rows.length > 10);
    for (const x of rows.filter((y) => y.kind !== 'entity')) assert.strictEqual(at(text, Number(x.line), Number(x.column), x.text.length), x.text);
  });
});
