#!/usr/bin/env node
/**
 * `npm run bench`: how fast and how lean the engine is, as ratios against baselines measured
 * in the same run (machines are noisy; medians of several runs after warm-up). Prints ONE
 * JSON object on stdout; progress goes to stderr.
 *
 * It measures the compiled engine in out/src/core (what `npm run compile` makes with tsc):
 *
 * - coldVsCompromise: a cold `analyze(seed)` (no paragraph cache) / a plain compromise pass
 *   over the same text (people, places, organizations, numbers).
 * - incrementalVsCold: `Analyzer.analyze` after a one-letter edit inside a word of the
 *   PROTECTION section (a fresh Analyzer primed on the original each run, the edit moving
 *   from run to run) / the cold time.
 * - perMbLargeVsSmall: time per MB of a ~4.5 MB report of ~200 varied narratives / time per
 *   MB of a ~45 KB document of two such narratives, both without cache.
 * - peakHeapMb: the peak of V8's used heap while analyzing the 4.5 MB report, in a child
 *   process (`--expose-gc --trace-gc`): the used heap just before every GC of the analysis
 *   (heap use only grows between two GCs) and after it; 1 MB = 2^20 bytes.
 * - maxBlockedMs: the longest the event loop is held while the 4.5 MB report is analyzed
 *   with the engine's `analyzeAsync` (time slices), in a child process, measured with a
 *   1 ms interval drift probe and `perf_hooks.monitorEventLoopDelay`. The same is measured
 *   for analysis in a worker thread (scripts/bench-worker.js), under baselines.
 *
 * The documents are generated deterministically (seeded) from the seed narrative and ours:
 * paragraphs shuffled within their sections and mixed between narratives, numbers and
 * country names changed, so that paragraphs are not identical.
 *
 * Internal: `node scripts/bench.js --phase NAME DIR` runs one measurement in a child.
 */
'use strict';
const { execFileSync, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const ENGINE = path.join(ROOT, 'out', 'src', 'core', 'analyze.js');
// The real seed when the corpus is there (../shared/corpus or $TIP_LENS_CORPUS), else a narrative of ours.
const CORPUS_SEED = path.resolve(process.env.TIP_LENS_CORPUS || path.join(ROOT, '..', 'shared', 'corpus'), 'mali-2020.txt');
const SEED_FILE = fs.existsSync(CORPUS_SEED) ? CORPUS_SEED : path.join(ROOT, 'samples', 'veldora-2023.tip.txt');
const OURS = ['samples/veldora-2022.tip.txt', 'samples/veldora-2023.tip.txt', 'test/fixtures/narratives/zembla-2011.txt',
  'test/fixtures/narratives/ostravia-2021.txt', 'test/fixtures/narratives/lunaria-2024.txt'];

const TARGETS = { coldVsCompromise: 0.35, incrementalVsCold: 0.05, perMbLargeVsSmall: 1.25, peakHeapMb: 300, maxBlockedMs: 50 };
const LARGE_CHARS = 4.5e6;
const SMALL_NARRATIVES = 2;
const MIB = 1024 * 1024;

const log = (...a) => process.stderr.write(`bench: ${a.join(' ')}\n`);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const round = (x, digits = 4) => (Number.isFinite(x) ? Number(x.toPrecision(digits)) : x);
const gc = () => (typeof global.gc === 'function' ? global.gc() : undefined);

// ---------------------------------------------------------------------------------------
// Deterministic documents

function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const int = (r, n) => Math.floor(r() * n);
const pick = (r, xs) => xs[int(r, xs.length)];
function shuffle(r, xs) {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = int(r, i + 1);
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

const SECTION_ORDER = ['summary', 'recommendations', 'prosecution', 'protection', 'prevention', 'profile'];
const HEADINGS = {
  recommendations: 'PRIORITIZED RECOMMENDATIONS:', prosecution: 'PROSECUTION', protection: 'PROTECTION',
  prevention: 'PREVENTION', profile: 'TRAFFICKING PROFILE',
};

/** A narrative's country and its paragraphs by section, read with simple rules of our own. */
function parseNarrative(text) {
  const sections = Object.fromEntries(SECTION_ORDER.map((k) => [k, []]));
  let country = '';
  let current = 'summary';
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/^\uFEFF/, '').trim();
    if (!line) continue;
    const title = /^\d{4} Trafficking in Persons Report:\s*(.+)$/.exec(line);
    if (title) {
      country = title[1];
      continue;
    }
    const tier = /^([A-Z][^:]{1,60}):\s+(Tier\b.*|Special Case)$/.exec(line);
    if (tier && line.length < 100) {
      if (!country) country = tier[1].charAt(0) + tier[1].slice(1).toLowerCase();
      continue;
    }
    const h = line.toUpperCase().replace(/:$/, '');
    if (line.length < 60 && (h === 'PRIORITIZED RECOMMENDATIONS' || h.startsWith('RECOMMENDATIONS FOR'))) current = 'recommendations';
    else if (h === 'PROSECUTION') current = 'prosecution';
    else if (h === 'PROTECTION') current = 'protection';
    else if (h === 'PREVENTION') current = 'prevention';
    else if (h === 'TRAFFICKING PROFILE') current = 'profile';
    else sections[current].push(line);
  }
  return { country, sections };
}

const COUNTRIES = [
  'Niger', 'Senegal', 'Guinea', 'Ghana', 'Togo', 'Benin', 'Chad', 'Gabon', 'Cameroon', 'Mauritania', 'Liberia', 'Nigeria',
  'Kenya', 'Uganda', 'Tanzania', 'Zambia', 'Malawi', 'Mozambique', 'Angola', 'Namibia', 'Botswana', 'Ethiopia', 'Sudan',
  'Egypt', 'Morocco', 'Tunisia', 'Algeria', 'Jordan', 'Lebanon', 'Oman', 'Qatar', 'Kuwait', 'Bahrain', 'Yemen', 'Iraq',
  'Nepal', 'India', 'Pakistan', 'Bangladesh', 'Burma', 'Thailand', 'Cambodia', 'Laos', 'Vietnam', 'Indonesia',
  'Philippines', 'Malaysia', 'Mongolia', 'Kazakhstan', 'Ukraine', 'Moldova', 'Romania', 'Bulgaria', 'Albania', 'Serbia',
  'Haiti', 'Honduras', 'Guatemala', 'Peru', 'Bolivia', 'Paraguay', 'Colombia', 'Ecuador', 'Jamaica', 'Belize',
];
const TIERS = ['Tier 1', 'Tier 2', 'Tier 2 Watch List', 'Tier 3'];

/** New digits of the same shape; years move together by `shift`. */
function varyNumbers(r, text, shift) {
  return text.replace(/(Tier )?(\d[\d,.]*\d|\d)/g, (m, tier) => {
    if (tier) return m;
    if (/^(19|20)\d\d$/.test(m)) return String(Number(m) + shift);
    return m.replace(/\d/g, (d, i) => (i === 0 && d !== '0' ? String(1 + int(r, 9)) : String(int(r, 10))));
  });
}

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Sentences of a paragraph in another order, now and then. */
function varySentences(r, p) {
  if (r() < 0.5) return p;
  const parts = p.split(/(?<=[.!?])\s+(?=[A-Z])/);
  return parts.length > 2 ? shuffle(r, parts).join(' ') : p;
}

function sources() {
  return [fs.readFileSync(SEED_FILE, 'utf8'), ...OURS.map((p) => fs.readFileSync(path.join(ROOT, p), 'utf8'))].map(parseNarrative);
}

/** One narrative of about `target` characters: sections from a base narrative, topped up from the others. */
function narrative(r, srcs, target) {
  const base = pick(r, srcs);
  const country = pick(r, COUNTRIES);
  const year = 2011 + int(r, 13);
  const shift = year - 2020;
  const paras = Object.fromEntries(SECTION_ORDER.map((k) => [k, base.sections[k].map((p) => ({ p, from: base.country }))]));
  let size = Object.values(paras).flat().reduce((n, x) => n + x.p.length, 0);
  for (let guard = 0; size < target && guard < 200; guard++) {
    const other = pick(r, srcs);
    const k = pick(r, SECTION_ORDER.slice(2));
    if (other.sections[k].length === 0) continue;
    const p = pick(r, other.sections[k]);
    paras[k].push({ p, from: other.country });
    size += p.length;
  }
  const out = [`${year} Trafficking in Persons Report: ${country}`, '', `${country.toUpperCase()}: ${pick(r, TIERS)}`, ''];
  for (const k of SECTION_ORDER) {
    if (paras[k].length === 0) continue;
    if (HEADINGS[k]) out.push(HEADINGS[k], '');
    const list = k === 'summary' || k === 'recommendations' ? paras[k] : shuffle(r, paras[k]);
    for (const { p, from } of list) {
      let t = from ? p.replace(new RegExp(`\\b(${escape(from)}|${escape(from.toUpperCase())})\\b`, 'g'), (m) => (m === from ? country : country.toUpperCase())) : p;
      t = varyNumbers(r, k === 'summary' ? t : varySentences(r, t), shift);
      out.push(t, '');
    }
  }
  return out.join('\n');
}

function documents() {
  const srcs = sources();
  const r = prng(20200601);
  const large = [];
  let n = 0;
  while (n < LARGE_CHARS) {
    const t = narrative(r, srcs, 19000 + int(r, 7000));
    large.push(t);
    n += t.length + 1;
  }
  const r2 = prng(45);
  const small = [];
  for (let i = 0; i < SMALL_NARRATIVES; i++) small.push(narrative(r2, srcs, 22500));
  return { large: large.join('\n'), largeNarratives: large.length, small: small.join('\n'), smallNarratives: small.length };
}

// ---------------------------------------------------------------------------------------
// Phases, each in its own child process

/**
 * Cold, compromise, incremental and per-MB timings. Other work on the machine comes and
 * goes, so the things compared are measured in alternation, each after a GC, and medians
 * are taken.
 */
function phaseTiming(dir) {
  const { analyze, Analyzer } = require(ENGINE);
  const nlp = require('compromise');
  const seed = fs.readFileSync(SEED_FILE, 'utf8');
  const small = fs.readFileSync(path.join(dir, 'small.txt'), 'utf8');
  const large = fs.readFileSync(path.join(dir, 'large.txt'), 'utf8');
  const time = (f) => {
    gc();
    const t0 = performance.now();
    f();
    return performance.now() - t0;
  };
  const pass = () => {
    const d = nlp(seed);
    d.people().out('array');
    d.places().out('array');
    d.organizations().out('array');
    d.numbers().out('array');
  };

  // One-letter edits inside words of the PROTECTION section, a different place every run.
  const from = seed.indexOf('\nPROTECTION\n');
  const to = seed.indexOf('\nPREVENTION\n');
  if (from < 0 || to < from) throw new Error('the seed has no PROTECTION section');
  const places = [];
  const word = /[A-Za-z]{4,}/g;
  word.lastIndex = from + 12;
  for (let m = word.exec(seed); m && m.index < to; m = word.exec(seed)) places.push(m.index + (m[0].length >> 1));
  const r = prng(7);
  /** A fresh Analyzer primed on the seed; the timed analysis is of the edited text. */
  const incrementalRun = () => {
    const at = places[int(r, places.length)];
    const edited = seed.slice(0, at) + 'x' + seed.slice(at);
    const a = new Analyzer();
    a.analyze(seed);
    return time(() => a.analyze(edited));
  };

  for (let i = 0; i < 30; i++) analyze(seed);
  for (let i = 0; i < 2; i++) pass();
  for (let i = 0; i < 10; i++) incrementalRun();
  const cold = [];
  const compromise = [];
  const incremental = [];
  for (let round = 0; round < 21; round++) {
    cold.push(time(() => analyze(seed)));
    incremental.push(incrementalRun());
    if (round % 3 === 0) compromise.push(time(pass));
  }

  for (let i = 0; i < 5; i++) analyze(small);
  analyze(large); // warm-up at this size: heap spaces grow to what it needs
  const smallRuns = [];
  const largeRuns = [];
  for (let round = 0; round < 3; round++) {
    for (let i = 0; i < 5; i++) smallRuns.push(time(() => analyze(small)));
    largeRuns.push(time(() => analyze(large)));
  }

  return {
    cold: median(cold), compromise: median(compromise), incremental: median(incremental),
    small: median(smallRuns), large: median(largeRuns),
    runs: { cold: cold.length, compromise: compromise.length, incremental: incremental.length, small: smallRuns.length, large: largeRuns.length },
  };
}

/** Peak used heap while analyzing the large document; the parent reads the --trace-gc lines around the markers. */
function phaseHeap(dir) {
  const { analyze } = require(ENGINE);
  analyze(fs.readFileSync(path.join(dir, 'small.txt'), 'utf8')); // loads the modules and the gazetteer
  const large = fs.readFileSync(path.join(dir, 'large.txt'), 'utf8');
  gc();
  gc();
  const before = process.memoryUsage().heapUsed;
  process.stdout.write('\nBENCH-HEAP-START\n');
  const result = analyze(large);
  process.stdout.write('\nBENCH-HEAP-END\n');
  const after = process.memoryUsage().heapUsed;
  const figures = result.figures.length;
  return { before, after, figures, maxRss: process.resourceUsage().maxRSS * 1024 };
}

/** Longest event-loop block: analyzeAsync on this thread, then analyze in a worker thread. */
async function phaseBlocked(dir) {
  const { monitorEventLoopDelay } = require('node:perf_hooks');
  const { Worker } = require('node:worker_threads');
  const { analyzeAsync, analyze } = require(ENGINE);
  const large = fs.readFileSync(path.join(dir, 'large.txt'), 'utf8');
  analyze(fs.readFileSync(path.join(dir, 'small.txt'), 'utf8'));

  /** Runs `work` while a 1 ms interval measures how late it fires; returns the longest gap. */
  async function probe(work) {
    const h = monitorEventLoopDelay({ resolution: 1 });
    let last = performance.now();
    let max = 0;
    const tick = setInterval(() => {
      const now = performance.now();
      max = Math.max(max, now - last - 1);
      last = now;
    }, 1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    max = 0;
    last = performance.now();
    h.enable();
    const t0 = performance.now();
    const info = await work();
    const wall = performance.now() - t0;
    await new Promise((resolve) => setTimeout(resolve, 20));
    h.disable();
    clearInterval(tick);
    max = Math.max(max, performance.now() - last - 1);
    return { maxGapMs: max, loopDelayMaxMs: h.max / 1e6, wallMs: wall, ...info };
  }

  const asyncRuns = [];
  for (let i = 0; i < 2; i++) {
    asyncRuns.push(await probe(async () => {
      const r = await analyzeAsync(large);
      return { figures: r ? r.figures.length : -1 };
    }));
  }

  // A worker: the text goes over, the analysis runs there, and the result comes back (its
  // structured clone is read on this thread, which is part of what blocks).
  const worker = new Worker(path.join(__dirname, 'bench-worker.js'), { workerData: { engine: ENGINE } });
  await new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  const ask = (msg, type) => new Promise((resolve, reject) => {
    const onMessage = (m) => {
      if (m.type !== type) return;
      worker.off('message', onMessage);
      resolve(m);
    };
    worker.on('message', onMessage);
    worker.once('error', reject);
    worker.postMessage(msg);
  });
  const workerRuns = [];
  for (let i = 0; i < 2; i++) {
    let analyzed;
    const analysis = await probe(async () => {
      analyzed = await ask({ type: 'analyze', text: large }, 'analyzed');
      return {};
    });
    const receive = await probe(async () => {
      const m = await ask({ type: 'send' }, 'result');
      return { figures: m.analysis.figures.length };
    });
    workerRuns.push({ analysis, receive, workerAnalyzeMs: analyzed.ms });
  }
  await worker.terminate();
  return { asyncRuns, workerRuns };
}

// ---------------------------------------------------------------------------------------
// The parent

function child(phase, dir, flags) {
  const r = spawnSync(process.execPath, [...flags, __filename, '--phase', phase, dir], {
    cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * MIB, stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (r.status !== 0) throw new Error(`the ${phase} phase failed (exit ${r.status}): ${r.stdout.slice(-2000)}`);
  const marker = r.stdout.lastIndexOf('\nBENCH-RESULT ');
  if (marker < 0) throw new Error(`the ${phase} phase printed no result`);
  return { result: JSON.parse(r.stdout.slice(marker + 14).split('\n')[0]), stdout: r.stdout };
}

/** The largest "used before" of the GCs between the markers of --trace-gc output, in bytes. */
function peakFromTrace(stdout) {
  const start = stdout.indexOf('\nBENCH-HEAP-START\n');
  const end = stdout.indexOf('\nBENCH-HEAP-END\n');
  const window = stdout.slice(start, end);
  let peak = 0;
  let count = 0;
  // `[pid:0x...]   1234 ms: Mark-Compact 150.2 (160.3) -> 120.1 (150.0) MB, ...`
  for (const m of window.matchAll(/ms: [A-Za-z -]+?(?: \([a-z ]+\))? ([\d.]+) \(([\d.]+)\) -> ([\d.]+) \(([\d.]+)\) MB/g)) {
    peak = Math.max(peak, Number(m[1]) * MIB);
    count++;
  }
  return { peak, count };
}

function main() {
  const t0 = performance.now();
  if (!fs.existsSync(ENGINE)) throw new Error(`${path.relative(ROOT, ENGINE)} is missing: run npm run compile first`);
  if (SEED_FILE !== CORPUS_SEED) log(`no real corpus (${CORPUS_SEED}): measuring on ${path.relative(ROOT, SEED_FILE)} instead of the seed`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tip-lens-bench-'));
  try {
    log('generating the documents');
    const docs = documents();
    fs.writeFileSync(path.join(dir, 'large.txt'), docs.large);
    fs.writeFileSync(path.join(dir, 'small.txt'), docs.small);
    const largeBytes = Buffer.byteLength(docs.large);
    const smallBytes = Buffer.byteLength(docs.small);
    log(`large: ${(largeBytes / 1e6).toFixed(2)} MB, ${docs.largeNarratives} narratives; small: ${(smallBytes / 1e3).toFixed(1)} KB, ${docs.smallNarratives} narratives`);

    log('timing: cold, compromise, incremental, per MB');
    const timing = child('timing', dir, ['--expose-gc']).result;
    log('peak heap');
    const heapRun = child('heap', dir, ['--expose-gc', '--trace-gc']);
    const trace = peakFromTrace(heapRun.stdout);
    const heap = heapRun.result;
    const peak = Math.max(trace.peak, heap.after);
    log('event-loop blocking');
    const blocked = child('blocked', dir, []).result;

    const smallPerMb = timing.small / (smallBytes / 1e6);
    const largePerMb = timing.large / (largeBytes / 1e6);
    const maxAsync = Math.max(...blocked.asyncRuns.map((x) => Math.max(x.maxGapMs, x.loopDelayMaxMs)));
    const maxWorker = Math.max(...blocked.workerRuns.map((x) => Math.max(x.analysis.maxGapMs, x.analysis.loopDelayMaxMs, x.receive.maxGapMs, x.receive.loopDelayMaxMs)));
    const metric = (name, value) => ({ value: round(value), target: TARGETS[name], pass: value <= TARGETS[name] });
    let commit = '';
    try {
      commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      // not a git checkout
    }

    const out = {
      engine: 'out/src/core (tsc output of npm run compile)',
      commit,
      node: process.version,
      cpus: os.cpus().length,
      coldVsCompromise: metric('coldVsCompromise', timing.cold / timing.compromise),
      incrementalVsCold: metric('incrementalVsCold', timing.incremental / timing.cold),
      perMbLargeVsSmall: metric('perMbLargeVsSmall', largePerMb / smallPerMb),
      peakHeapMb: metric('peakHeapMb', peak / MIB),
      maxBlockedMs: metric('maxBlockedMs', maxAsync),
      baselines: {
        coldAnalyzeSeedMs: round(timing.cold),
        compromiseSeedMs: round(timing.compromise),
        incrementalSeedMs: round(timing.incremental),
        seedChars: fs.readFileSync(SEED_FILE, 'utf8').length,
        smallDoc: { bytes: smallBytes, narratives: docs.smallNarratives, ms: round(timing.small), msPerMb: round(smallPerMb) },
        largeDoc: { bytes: largeBytes, narratives: docs.largeNarratives, ms: round(timing.large), msPerMb: round(largePerMb) },
        heap: {
          beforeMb: round(heap.before / MIB), afterMb: round(heap.after / MIB), peakMb: round(peak / MIB),
          gcsDuringAnalysis: trace.count, maxRssMb: round(heap.maxRss / MIB), figures: heap.figures,
        },
        blocked: {
          api: 'analyzeAsync (default 8 ms slices) on the main thread',
          runs: blocked.asyncRuns.map((x) => ({ maxGapMs: round(x.maxGapMs), loopDelayMaxMs: round(x.loopDelayMaxMs), wallMs: round(x.wallMs) })),
          worker: {
            entry: 'scripts/bench-worker.js',
            maxBlockedMs: round(maxWorker),
            runs: blocked.workerRuns.map((x) => ({
              whileAnalyzingMs: round(Math.max(x.analysis.maxGapMs, x.analysis.loopDelayMaxMs)),
              receivingResultMs: round(Math.max(x.receive.maxGapMs, x.receive.loopDelayMaxMs)),
              workerAnalyzeMs: round(x.workerAnalyzeMs),
            })),
          },
        },
        runs: timing.runs,
      },
      seconds: round((performance.now() - t0) / 1000, 3),
    };
    process.stdout.write(JSON.stringify(out, null, 2) + '\n');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const phaseAt = process.argv.indexOf('--phase');
if (require.main !== module) {
  // required for its document generator
} else if (phaseAt >= 0) {
  const phase = process.argv[phaseAt + 1];
  const dir = process.argv[phaseAt + 2];
  const phases = { timing: phaseTiming, heap: phaseHeap, blocked: phaseBlocked };
  Promise.resolve(phases[phase](dir)).then((r) => {
    process.stdout.write(`\nBENCH-RESULT ${JSON.stringify(r)}\n`);
  }, (e) => {
    process.stderr.write(`bench: ${phase}: ${e && e.stack ? e.stack : e}\n`);
    process.exitCode = 1;
  });
} else {
  try {
    main();
  } catch (e) {
    process.stderr.write(`bench: ${e && e.message ? e.message : e}\n`);
    process.exitCode = 1;
  }
}

module.exports = { documents, parseNarrative };
