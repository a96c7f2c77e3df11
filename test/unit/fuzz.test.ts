/**
 * Fuzzing `analyze`: it never throws, and every span it returns lies inside the text, with
 * `text` equal to the slice it spans. No case is timed against the clock (the bench measures
 * time); a hang is caught by mocha's timeout, quadratic work by the growth ratios below. Deterministic: the
 * PRNG seed is in every failure message; rerun with TIP_LENS_FUZZ_SEED=<seed> to reproduce,
 * or set another seed to explore.
 *
 * The adversarial inputs also check growth: analyze on 4n characters must take less than
 * 12 times what it takes on n (linear work gives about 4; quadratic about 16), measured in
 * the same run, so no absolute time is asserted. TIP_LENS_FUZZ_VERBOSE=1 prints the ratios.
 */
import * as assert from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../src/core/analyze';
import type { Analysis } from '../../src/core/model';
import { blocks } from '../../src/core/structure';
import { seedPath } from '../support/corpus';

const ROOT = path.resolve(__dirname, '..', '..', '..');
/** A whole narrative: the real seed when the corpus is there, else our Veldora 2023. */
const WHOLE_FILE = seedPath() ?? path.join(ROOT, 'samples', 'veldora-2023.tip.txt');
const OURS = ['samples/veldora-2022.tip.txt', 'samples/veldora-2023.tip.txt', 'test/fixtures/narratives/zembla-2011.txt',
  'test/fixtures/narratives/ostravia-2021.txt', 'test/fixtures/narratives/lunaria-2024.txt'];

const SEED = process.env.TIP_LENS_FUZZ_SEED ? Number(process.env.TIP_LENS_FUZZ_SEED) : 0x71b1e25;
/** TIP_LENS_FUZZ_VERBOSE=1 prints each growth ratio, for whoever tunes the engine. */
const VERBOSE = process.env.TIP_LENS_FUZZ_VERBOSE === '1';
/** time(4n) / time(n) must stay below this: linear is ~4, quadratic ~16. */
const GROWTH_BOUND = 12;

// ---------------------------------------------------------------------------------------
// A seeded PRNG (mulberry32)

type Rng = () => number;

function prng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const int = (r: Rng, n: number): number => Math.floor(r() * n);
const pick = <T>(r: Rng, xs: readonly T[]): T => xs[int(r, xs.length)]!;

// ---------------------------------------------------------------------------------------
// Generators

/** Code points from every kind of trouble: controls, BOM, combining marks, RTL, astral, lone surrogates. */
function randomUnicode(r: Rng, length: number): string {
  let s = '';
  while (s.length < length) {
    const k = r();
    if (k < 0.35) s += String.fromCharCode(32 + int(r, 95));
    else if (k < 0.45) s += pick(r, [' ', '\n', '\r\n', '\r', '\t', '\u00a0', '\u2028', '\u000b', '\u0000', '\ufeff']);
    else if (k < 0.6) s += pick(r, ['$', '(', ')', ',', '.', '-', '–', '’', "'", '%', '€', '£', '₦', '0', '1', '5', '9', '2019', '1,305']);
    else if (k < 0.75) s += String.fromCharCode(0xa0 + int(r, 0x2000));
    else if (k < 0.82) s += String.fromCodePoint(0x10000 + int(r, 0x10ffff - 0x10000));
    else if (k < 0.87) s += String.fromCharCode(0xd800 + int(r, 0x800)); // a lone surrogate
    else if (k < 0.92) s += pick(r, ['\u0301', '\u0300', '\u200f', '\u202e', '\u200b', '\ufffd', '\u0130', 'ß', 'ﬁ', 'İ']);
    else s += pick(r, TOKENS);
  }
  return s;
}

function randomBytes(r: Rng, length: number): string {
  const b = Buffer.alloc(length);
  for (let i = 0; i < length; i++) b[i] = int(r, 256);
  return b.toString('utf8');
}

/** Words, numbers and marks of narratives, to drive the engine down its real paths. */
const TOKENS = [
  'the', 'government', 'identified', 'investigated', 'prosecuted', 'convicted', 'acquitted', 'sentenced', 'assisted',
  'referred', 'repatriated', 'trained', 'victims', 'potential', 'trafficking', 'cases', 'defendants', 'traffickers',
  'children', 'girls', 'boys', 'women', 'men', 'officials', 'involving', 'compared', 'with', 'during', 'previous',
  'reporting', 'period', 'in', 'of', 'those', 'including', 'at', 'least', 'more', 'than', 'approximately', 'between',
  'and', 'to', 'years', 'months', 'years’', 'old', 'ages', 'imprisonment', 'penalties', 'prescribed', 'fines', 'percent',
  'one', 'two', 'five', 'eight', 'nine', 'ten', 'twenty-one', 'hundred', 'thousand', 'million', 'billion',
  '0', '1', '5', '10', '17', '40', '106', '215', '1,305', '500,000', '2,000,000', '3.5', '2019', '2020', '2012-023',
  '2018-2022', '14/2015', '1,00,000', '999999999999999999999999',
  '$', 'US$', '$860', '$3,440', '€', 'EUR', 'FCFA', '(FCFA)', 'CFA', 'francs', 'West', 'African', 'dirhams', 'AED',
  '(', ')', ',', '.', ';', ':', '-', '–', '’s', '"', '“', '”', '%', 'No.', 'U.S.', 'Law', 'Decree', 'Article',
  'Mali', 'Malian', 'Malians', 'Côte', 'd’Ivoire', 'Niger', 'Nigerian', 'Gao', 'Bamako', 'Veldora', 'ECOWAS', 'IOM',
  'UNICEF', 'NGOs', 'FAMa', '(FAMa)', 'RAFY', '(RAFY)', 'Ministry', 'Justice', 'National', 'Police', 'Brigade',
  'Plan', 'of', 'Action', '(NPA)', 'Network', 'for', 'Fodé', 'Tier', '2', 'Watch', 'List', 'Tier 2 Watch List',
  'Special Case', 'downgraded', 'upgraded', 'remained', 'on', 'In', 'October', 'January',
  '\nPROSECUTION\n', '\nPROTECTION\n', '\nPREVENTION\n', '\nTRAFFICKING PROFILE\n', '\nPRIORITIZED RECOMMENDATIONS:\n',
  '\nMALI: Tier 2 Watch List\n', '\n2020 Trafficking in Persons Report: Mali\n', '\nRecommendations for Mali:\n',
  '\n', '\r\n', '\n\n',
];

function tokenSoup(r: Rng, length: number): string {
  let s = '';
  while (s.length < length) {
    const t = pick(r, TOKENS);
    const sep = r() < 0.08 ? pick(r, ['. ', ', ', '; ', '', '\n']) : ' ';
    s += t + sep;
  }
  return s;
}

function narratives(): string[] {
  const seed = seedPath();
  return [...(seed ? [readFileSync(seed, 'utf8')] : []), ...OURS.map((p) => readFileSync(path.join(ROOT, p), 'utf8'))];
}

/** A narrative cut, spliced and scribbled on: deletions, insertions, duplications, replaced characters. */
function mutate(r: Rng, text: string): string {
  let s = text;
  const edits = 1 + int(r, 12);
  for (let e = 0; e < edits; e++) {
    const at = int(r, s.length + 1);
    const len = int(r, 200);
    const k = r();
    if (k < 0.3) s = s.slice(0, at) + s.slice(at + len);
    else if (k < 0.55) s = s.slice(0, at) + tokenSoup(r, int(r, 120)) + s.slice(at);
    else if (k < 0.7) s = s.slice(0, at) + s.slice(at, at + len).repeat(1 + int(r, 4)) + s.slice(at);
    else if (k < 0.85) s = s.slice(0, at) + randomUnicode(r, int(r, 30)) + s.slice(at + int(r, 30));
    else s = s.replace(/\n/g, pick(r, ['\r\n', ' ', '\n\n', '\n']));
  }
  return s;
}

// ---------------------------------------------------------------------------------------
// Invariants

function show(input: string): string {
  const head = JSON.stringify(input.slice(0, 240));
  return `${input.length} chars: ${head}${input.length > 240 ? '…' : ''}`;
}

/** Every object in the result that has `start` and `end` is a span; those with `text` quote it. */
function checkSpans(input: string, r: Analysis, where: string): void {
  const n = input.length;
  const visit = (x: unknown, at: string): void => {
    if (Array.isArray(x)) {
      x.forEach((y, i) => visit(y, `${at}[${i}]`));
      return;
    }
    if (x === null || typeof x !== 'object') return;
    const o = x as Record<string, unknown>;
    if ('start' in o || 'end' in o) {
      const { start, end } = o as { start: number; end: number };
      assert.ok(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= n,
        `${where}: ${at} spans [${String(start)}, ${String(end)}) outside [0, ${n}]`);
      if (typeof o.text === 'string') {
        assert.strictEqual(o.text, input.slice(start, end), `${where}: ${at}.text is not the text it spans`);
      }
    }
    for (const [k, v] of Object.entries(o)) if (v !== null && typeof v === 'object') visit(v, `${at}.${k}`);
  };
  visit(r, 'result');
}

function checkNumbers(r: Analysis, where: string): void {
  for (const [i, f] of r.figures.entries()) {
    assert.ok(Number.isFinite(f.value) && (f.max === undefined || Number.isFinite(f.max)), `${where}: figures[${i}] ${JSON.stringify(f.text)} has value ${f.value}`);
  }
  for (const [i, m] of r.money.entries()) {
    assert.ok(Number.isFinite(m.value) && (m.max === undefined || Number.isFinite(m.max)), `${where}: money[${i}] ${JSON.stringify(m.text)} has value ${m.value}`);
  }
}

/** Analyzes `input` and checks every invariant. */
function check(input: string, label: string): void {
  const where = `${label} (seed ${SEED}; ${show(input)})`;
  let r: Analysis;
  try {
    r = analyze(input);
  } catch (e) {
    assert.fail(`${where}: analyze threw ${e instanceof Error ? e.stack : String(e)}`);
  }
  assert.strictEqual(r.length, input.length, `${where}: result.length`);
  checkSpans(input, r, where);
  checkNumbers(r, where);
  // analyze() catches everything and returns the empty model: a text with paragraphs that
  // comes back without any means an exception inside was swallowed.
  if (r.paragraphs.length === 0) {
    assert.ok(!blocks(input).some((b) => b.role === 'paragraph'), `${where}: the empty model for a text with paragraphs (an exception was swallowed)`);
  }
}

// ---------------------------------------------------------------------------------------
// Growth: time(4n) / time(n)

const rep = (unit: string, size: number): string => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

/**
 * The least CPU time (ms) of `runs` analyses. CPU time, not wall time: other processes on a
 * shared machine delay this one without adding to its CPU time, so the ratio stays honest.
 */
function bestOf(runs: number, text: string): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = process.cpuUsage();
    analyze(text);
    const d = process.cpuUsage(t0);
    best = Math.min(best, (d.user + d.system) / 1000);
  }
  return best;
}

function growth(make: (size: number) => string, n: number): { small: number; large: number; ratio: number } {
  const a = make(n);
  const b = make(4 * n);
  check(a, 'growth input n'); // also warms up
  let small = bestOf(3, a);
  let large = bestOf(2, b);
  let ratio = large / Math.max(small, 0.5);
  // A shared machine can stall one run for tens of milliseconds: measure once more before
  // concluding. Quadratic work fails both times; a stall rarely strikes twice.
  if (ratio >= GROWTH_BOUND) {
    small = Math.min(small, bestOf(5, a));
    large = Math.min(large, bestOf(5, b));
    ratio = large / Math.max(small, 0.5);
  }
  if (VERBOSE) console.log(`      ${n} chars: ${small.toFixed(1)} ms, ${4 * n} chars: ${large.toFixed(1)} ms, ratio ${ratio.toFixed(1)}`);
  return { small, large, ratio };
}

interface Adversary {
  readonly name: string;
  readonly make: (size: number) => string;
  /** Characters for the small run: enough for several milliseconds of work. */
  readonly n: number;
}

const ADVERSARIES: readonly Adversary[] = [
  { name: '10,000s of ( in a row', make: (s) => rep('(', s), n: 24_000 },
  { name: ') in a row', make: (s) => rep(')', s), n: 24_000 },
  { name: '$$$$', make: (s) => rep('$', s), n: 32_000 },
  { name: 'digits with commas (one giant number)', make: (s) => rep('1,', s), n: 200_000 },
  { name: '(FCFA) with nothing before', make: (s) => rep('(FCFA) ', s), n: 24_000 },
  { name: 'stray $ and parentheses', make: (s) => rep('$ ( ) $( )$ ', s), n: 32_000 },
  { name: 'capitalized words', make: (s) => rep('Ministry Of National Police Justice Brigade Network ', s), n: 48_000 },
  { name: 'Tier 2 Watch List in a paragraph', make: (s) => rep('Tier 2 Watch List ', s), n: 32_000 },
  { name: 'tier lines', make: (s) => rep('MALI: Tier 2 Watch List\n', s), n: 64_000 },
  { name: 'acronym definitions', make: (s) => rep('the Fode Network for Action (RAFY) and ', s), n: 32_000 },
  { name: 'plans with acronyms', make: (s) => rep('the 2018-2022 National Plan of Action (NPA) to Combat Trafficking and ', s), n: 32_000 },
  { name: 'law titles', make: (s) => rep('Law 2012-023 Relating to the Combat against Trafficking ', s), n: 48_000 },
  { name: 'figures in short sentences', make: (s) => rep('They identified 12 victims. ', s), n: 32_000 },
  { name: 'figures each after their verb, one sentence', make: (s) => rep('identified 12 victims and ', s), n: 32_000 },
  { name: 'initials and abbreviations', make: (s) => rep('U.S. No. ', s), n: 32_000 },
  { name: 'year spans', make: (s) => rep('2018-', s), n: 48_000 },
  { name: 'slashes', make: (s) => rep('14/', s), n: 48_000 },
  { name: 'lone surrogates', make: (s) => rep('\ud800', s), n: 32_000 },
  { name: 'a whole narrative, paragraph after paragraph', make: (s) => rep(readFileSync(WHOLE_FILE, 'utf8') + '\n', s), n: 48_000 },
  { name: 'number words in one sentence', make: (s) => rep('five ', s), n: 16_000 },
  { name: 'a chain of "1 to 1 to"', make: (s) => rep('1 to ', s), n: 16_000 },
  { name: 'a list of numbers, one sentence', make: (s) => `We saw ${rep('12, ', s)}.`, n: 16_000 },
  { name: 'period phrases in one sentence', make: (s) => `PROTECTION\n\n${rep('12 cases during the previous reporting period and ', s)}`, n: 32_000 },
  { name: 'named years in one sentence', make: (s) => `TRAFFICKING PROFILE\n\n${rep('identified 5 victims in 2019 and ', s)}`, n: 64_000 },
  { name: 'durations in one sentence', make: (s) => rep('received 5 years and ', s), n: 64_000 },
  { name: 'children in one sentence', make: (s) => rep('assisted 5 children and ', s), n: 64_000 },
  { name: 'breakdowns in one paragraph', make: (s) => rep('They identified 12 victims (five girls). ', s), n: 32_000 },
  { name: 'a whole narrative as a single line', make: (s) => rep(readFileSync(WHOLE_FILE, 'utf8').replace(/\s*\n\s*/g, ' ') + ' ', s), n: 48_000 },
  { name: 'a ministry name with commas', make: (s) => rep('Ministry of Justice, Women, Children, and the Family, ', s), n: 32_000 },
  { name: 'many short narratives', make: (s) => rep('MALI: Tier 2\nSome text 5 victims.\n', s), n: 128_000 },
];

// ---------------------------------------------------------------------------------------

describe('fuzz: analyze never throws, spans hold', function () {
  this.timeout(60_000);

  it('random Unicode strings', function () {
    const r = prng(SEED);
    for (let i = 0; i < 120; i++) check(randomUnicode(r, int(r, 3000)), `unicode #${i}`);
  });

  it('decoded random bytes', function () {
    const r = prng(SEED + 1);
    for (let i = 0; i < 80; i++) check(randomBytes(r, int(r, 4000)), `bytes #${i}`);
  });

  it('narrative words and numbers in random order', function () {
    const r = prng(SEED + 2);
    for (let i = 0; i < 150; i++) check(tokenSoup(r, int(r, 3000)), `soup #${i}`);
  });

  it('mutated narratives', function () {
    const r = prng(SEED + 3);
    const texts = narratives();
    for (let i = 0; i < 40; i++) check(mutate(r, pick(r, texts)), `mutant #${i}`);
  });

  it('edge cases: empty, CRLF, BOM, lone surrogates, huge numbers, stray marks', function () {
    const seed = readFileSync(WHOLE_FILE, 'utf8');
    const cases: string[] = [
      '', ' ', '\n', '\r\n', '\r', '\ufeff', '\ufeff\r\n', '\u0000', '\ud800', '\udc00', 'a\ud800b\udfffc', '\udc00\ud800',
      '\ufeff' + seed, seed.replace(/\n/g, '\r\n'), '\ufeff' + seed.replace(/\n/g, '\r\n'), seed.replace(/\n/g, '\r'),
      '999999999999999999999999 victims', '1e400 victims', `${'9'.repeat(400)} victims`, `$${'9'.repeat(400)}`,
      `${'9'.repeat(400)} FCFA ($${'9'.repeat(400)})`, '1,00,000 victims', '$1,00,000 (1,00,000 FCFA)', '0.0000001 victims',
      '$', '(', ')', '()', '(FCFA)', '(FCFA) ($)', '$ (', ') $', '($)', '$$$$', '$$$$ (FCFA) $$$$', 'US$', 'US$ (', '€(£)',
      ' (FCFA)', '500,000 to', '500,000 to two million', '500,000 to two million West African', '($860 to', '($860 to $',
      'between', 'between 9 and', 'five to', 'five to 10 years’ to', '18 months’ to', 'Of those', 'of those, ',
      'Tier', 'Tier 2', 'Tier 2 Watch List', 'MALI: Tier 2 Watch List', 'MALI: Tier 2 Watch List\n', ':',
      '2020 Trafficking in Persons Report: ', '2020 Trafficking in Persons Report: Mali', 'PROSECUTION', '\nPROSECUTION\n',
      'Law', 'Law 2012-', 'Law No.', 'No.', 'the (FAMa)', '(FAMa)', 'Malian armed forces (', 'National Plan of Action (NPA) to',
      'In October', 'October 2019', 'During the previous reporting period,', 'compared with',
      '(' .repeat(10_000), ')'.repeat(10_000), '$'.repeat(10_000), '1,'.repeat(50_000), `${'1,'.repeat(50_000)}000 victims`,
      'Tier 2 Watch List '.repeat(2_000), 'Ministry Of Justice '.repeat(2_000), 'MALI: Tier 2 Watch List\n'.repeat(2_000),
      'A B C D E F G H I J K L M N O P Q R S T U V W X Y Z '.repeat(400), 'ABC (ABC) '.repeat(1_000),
    ];
    cases.forEach((c, i) => check(c, `edge case #${i}`));
  });

  it('a 1 MB text: our narratives (and the seed, when there) over and over', function () {
    const all = narratives().join('\n');
    check(rep(all + '\n', 1 << 20), '1 MB of narratives');
  });

  it('a 1 MB single line of narrative words and numbers', function () {
    const r = prng(SEED + 4);
    const words = narratives().join(' ').split(/\s+/).filter(Boolean);
    let line = '';
    while (line.length < 1 << 20) line += pick(r, words) + ' ';
    check(line, '1 MB single line');
  });

  it('number words whose scales overflow still give a finite value', function () {
    check(`two million${' trillion'.repeat(30)} victims`, 'overflowing scales');
    check(`two${' million'.repeat(60)} FCFA ($5)`, 'overflowing scales, money');
  });
});

describe('fuzz: no quadratic work or catastrophic backtracking (time of 4n / time of n)', function () {
  this.timeout(120_000);

  for (const a of ADVERSARIES) {
    it(`${a.name}: grows about linearly`, function () {
      const g = growth(a.make, a.n);
      assert.ok(g.ratio < GROWTH_BOUND,
        `${a.name}: ${a.n} chars took ${g.small.toFixed(1)} ms, ${4 * a.n} chars ${g.large.toFixed(1)} ms: ratio ${g.ratio.toFixed(1)} >= ${GROWTH_BOUND}`);
    });
  }
});
