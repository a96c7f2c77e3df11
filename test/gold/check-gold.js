#!/usr/bin/env node
/**
 * Checks the hand-labelled gold files in this folder against the rules of docs/ANNOTATION.md:
 * every span's text equals document.slice(start, end) (UTF-16 offsets, as Node reads the file),
 * every label is in the allowed vocabulary, and no two items overlap where the rules forbid it.
 *
 *   node test/gold/check-gold.js                  # every test/gold/*.gold.json
 *   node test/gold/check-gold.js path/to/x.gold.json ...
 *   node test/gold/check-gold.js --real [test/real/labels/x.gold.json ...]   # real narratives
 *
 * Exits 1 and lists the problems when any file fails.
 */
'use strict';
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');

const REPO = path.resolve(__dirname, '..', '..');
/** Where the texts of real narratives are collected (git-ignored; see test/real/README.md). */
const REAL_TEXTS = process.env.TIP_LENS_REAL_TEXTS ? path.resolve(process.env.TIP_LENS_REAL_TEXTS) : path.join(REPO, 'test', 'real', 'texts');
const SECTIONS = ['summary', 'recommendations', 'prosecution', 'protection', 'prevention', 'profile'];

const TIERS = ['Tier 1', 'Tier 2', 'Tier 2 Watch List', 'Tier 3', 'Special Case'];
const TIER_CHANGES = ['upgraded', 'downgraded', 'remained'];
const QUALIFIERS = ['at least', 'more than', 'approximately', 'fewer than', 'at most', 'up to'];
const TIME_UNITS = ['years', 'months', 'days', 'weeks'];
// The vocabularies are the engine's model, not a copy of it: derived from the compiled labels
// (`npx tsc -p .` makes them), whose keys are exactly the model's metrics and entity types.
const compiled = (file) => {
  const full = path.join(REPO, 'out', ...file.split('/'));
  if (!fs.existsSync(full)) throw new Error(`${path.relative(process.cwd(), full)} is missing: run \`npx tsc -p .\` first`);
  return require(full);
};
const LABELS = compiled('src/core/labels.js');
/** Where a gold file's document is: the scorer's answer (the seed's through the corpus folder). */
const { goldDocument } = compiled('test/support/score.js');
const METRICS = Object.keys(LABELS.METRIC_LABELS);
const ENTITY_TYPES = Object.keys(LABELS.ENTITY_LABELS);
const FIGURE_KEYS = ['start', 'end', 'text', 'value', 'max', 'qualifier', 'metric', 'period', 'unit'];
const MONEY_KEYS = ['start', 'end', 'text', 'value', 'max', 'currency', 'conversion'];
const CONVERSION_KEYS = ['start', 'end', 'text', 'value', 'max', 'currency'];
const ENTITY_KEYS = ['name', 'type', 'acronym', 'mentions'];
const MENTION_KEYS = ['start', 'end', 'text'];

function checkFile(file) {
  const errors = [];
  const err = (where, msg) => errors.push(`${where}: ${msg}`);
  let gold;
  try {
    gold = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    return { errors: [`cannot read JSON: ${e.message}`], counts: null };
  }
  // A real narrative's labels (test/real/labels) also carry its source and its breakdowns; its text
  // lives outside git, in REAL_TEXTS, and may be an excerpt without a title or tier line.
  const real = 'source' in gold;
  exactKeys(gold, real ? ['document', 'source', 'meta', 'figures', 'money', 'entities', 'breakdowns'] : ['document', 'meta', 'figures', 'money', 'entities'], 'top level', err);
  if (typeof gold.document !== 'string') return { errors: errors.concat('document must be a path string'), counts: null };
  const docPath = real ? path.resolve(REAL_TEXTS, gold.document) : goldDocument(gold);
  let doc;
  try {
    doc = fs.readFileSync(docPath, 'utf8');
  } catch (e) {
    return { errors: errors.concat(`cannot read document ${gold.document}: ${e.message}`), counts: null };
  }
  if (real) {
    const src = gold.source || {};
    exactKeys(src, ['url', 'query', 'sha256'], 'source', err);
    if (!/^https?:\/\//.test(src.url || '')) err('source', 'url must be an http(s) address');
    if (typeof src.query !== 'string' || !src.query) err('source', 'query must be the search that finds the text');
    const sha = crypto.createHash('sha256').update(fs.readFileSync(docPath)).digest('hex');
    if (src.sha256 !== sha) err('source', `sha256 ${src.sha256} but the text's is ${sha}`);
  }

  // meta
  const meta = gold.meta || {};
  exactKeys(meta, real ? ['country', 'year', 'tier', 'tierChange', 'sections', 'hardBreaks'] : ['country', 'year', 'tier', 'tierChange'], 'meta', err);
  if (typeof meta.country !== 'string' || !meta.country) err('meta', 'country must be a non-empty string');
  else if (!real && !doc.includes(meta.country)) err('meta', `country "${meta.country}" does not occur in the document`);
  if (!Number.isInteger(meta.year) || meta.year < 2000 || meta.year > 2100) err('meta', 'year must be a report year');
  if (!(real && meta.tier === null) && !TIERS.includes(meta.tier)) err('meta', `tier "${meta.tier}" not one of ${TIERS.join(', ')}${real ? ' or null' : ''}`);
  if (real) {
    if (!Array.isArray(meta.sections) || meta.sections.length === 0 || meta.sections.some((x) => !SECTIONS.includes(x))) err('meta', `sections must list some of ${SECTIONS.join(', ')}`);
    if (typeof meta.hardBreaks !== 'boolean') err('meta', 'hardBreaks must be true or false');
    if (doc.length < 1500) err('document', `only ${doc.length} characters; a real text needs at least 1,500`);
  }
  if (meta.tierChange !== null && !TIER_CHANGES.includes(meta.tierChange)) err('meta', `tierChange "${meta.tierChange}" not one of ${TIER_CHANGES.join(', ')} or null`);

  const occupied = []; // figure and money spans: none may overlap

  // figures
  if (!Array.isArray(gold.figures)) err('figures', 'must be an array');
  (gold.figures || []).forEach((f, i) => {
    const w = `figures[${i}] ${JSON.stringify(f.text)}@${f.start}`;
    exactKeys(f, FIGURE_KEYS, w, err);
    span(doc, f, w, err);
    numberRange(f, w, err);
    if (f.qualifier !== null && !QUALIFIERS.includes(f.qualifier)) err(w, `qualifier "${f.qualifier}" not allowed`);
    if (!METRICS.includes(f.metric)) err(w, `metric "${f.metric}" not allowed`);
    if (!(f.period === 'current' || f.period === 'previous' || f.period === 'unspecified' || /^(19|20)\d\d$/.test(String(f.period)) && typeof f.period === 'string')) {
      err(w, `period "${f.period}" must be current, previous, unspecified or a year as a string`);
    }
    if (['sentence', 'penalty', 'age'].includes(f.metric)) {
      if (!TIME_UNITS.includes(f.unit)) err(w, `${f.metric} needs a unit of ${TIME_UNITS.join('/')}`);
    } else if (f.metric === 'percentage') {
      if (f.unit !== 'percent') err(w, 'percentage needs unit "percent"');
    } else if (f.unit !== null) err(w, `unit must be null for metric ${f.metric}`);
    if ((f.metric === 'penalty' || f.metric === 'age') && f.period !== 'unspecified') err(w, `${f.metric} should have period "unspecified"`);
    if (/^(19|20)\d\d$/.test(f.text)) err(w, 'a year is not a figure');
    occupied.push({ start: f.start, end: f.end, w });
  });
  sorted(gold.figures || [], 'figures', err);

  // money
  if (!Array.isArray(gold.money)) err('money', 'must be an array');
  (gold.money || []).forEach((m, i) => {
    const w = `money[${i}] ${JSON.stringify(m.text)}@${m.start}`;
    exactKeys(m, MONEY_KEYS, w, err);
    span(doc, m, w, err);
    numberRange(m, w, err);
    if (!/^[A-Z]{3}$/.test(m.currency)) err(w, `currency "${m.currency}" is not an ISO 4217 code`);
    occupied.push({ start: m.start, end: m.end, w });
    if (m.conversion !== null) {
      const c = m.conversion || {};
      const cw = `${w} conversion`;
      exactKeys(c, CONVERSION_KEYS, cw, err);
      span(doc, c, cw, err);
      numberRange(c, cw, err);
      if (!/^[A-Z]{3}$/.test(c.currency)) err(cw, `currency "${c.currency}" is not an ISO 4217 code`);
      if (c.currency === m.currency) err(cw, 'converts to its own currency');
      if (c.start < m.end) err(cw, 'must follow the amount it converts');
      const between = doc.slice(m.end, c.start);
      if (!/^\s*\($/.test(between)) err(cw, `expected "(" between amount and conversion, found ${JSON.stringify(between.slice(0, 40))}`);
      if (doc[c.end] !== ')') err(cw, 'the conversion span should end just before ")"');
      occupied.push({ start: c.start, end: c.end, w: cw });
    }
  });
  sorted(gold.money || [], 'money', err);
  occupied.sort((a, b) => a.start - b.start);
  for (let i = 1; i < occupied.length; i++) {
    if (occupied[i].start < occupied[i - 1].end) err(occupied[i].w, `overlaps ${occupied[i - 1].w}`);
  }

  // entities
  if (!Array.isArray(gold.entities)) err('entities', 'must be an array');
  const mentions = [];
  const keys = new Set();
  (gold.entities || []).forEach((e, i) => {
    const w = `entities[${i}] ${JSON.stringify(e.name)}`;
    exactKeys(e, ENTITY_KEYS, w, err);
    if (!ENTITY_TYPES.includes(e.type)) err(w, `type "${e.type}" not allowed`);
    if (typeof e.name !== 'string' || !e.name) err(w, 'name must be a non-empty string');
    if (e.acronym !== null && (typeof e.acronym !== 'string' || !e.acronym)) err(w, 'acronym must be a string or null');
    const key = `${e.type}|${e.name}`;
    if (keys.has(key)) err(w, 'the same type and name appear twice; merge the mentions');
    keys.add(key);
    if (!Array.isArray(e.mentions) || e.mentions.length === 0) { err(w, 'needs at least one mention'); return; }
    e.mentions.forEach((m, j) => {
      const mw = `${w} mentions[${j}] ${JSON.stringify(m.text)}@${m.start}`;
      exactKeys(m, MENTION_KEYS, mw, err);
      span(doc, m, mw, err);
      mentions.push({ start: m.start, end: m.end, w: mw });
    });
    sorted(e.mentions, w + ' mentions', err);
    if (e.acronym && !e.mentions.some((m) => m.text === e.acronym)) err(w, `acronym ${e.acronym} has no mention of its own`);
  });
  mentions.sort((a, b) => a.start - b.start);
  for (let i = 1; i < mentions.length; i++) {
    if (mentions[i].start < mentions[i - 1].end) err(mentions[i].w, `overlaps ${mentions[i - 1].w}`);
  }

  if (real) {
    const figureAt = new Map((gold.figures || []).map((f) => [f.start, f]));
    if (!Array.isArray(gold.breakdowns)) err('breakdowns', 'must be an array');
    (gold.breakdowns || []).forEach((b, i) => {
      const w = `breakdowns[${i}]`;
      exactKeys(b, ['total', 'parts', 'complete'], w, err);
      if (!figureAt.has(b.total)) err(w, `total ${b.total} is not the start of a figure`);
      if (!Array.isArray(b.parts) || b.parts.length < 2) err(w, 'parts must list at least two figure starts');
      for (const p of b.parts || []) if (!figureAt.has(p)) err(w, `part ${p} is not the start of a figure`);
      if (typeof b.complete !== 'boolean') err(w, 'complete must be true (the parts are the whole) or false (some of it)');
    });
  }

  return {
    errors,
    counts: {
      figures: (gold.figures || []).length,
      money: (gold.money || []).length,
      conversions: (gold.money || []).filter((m) => m.conversion).length,
      entities: (gold.entities || []).length,
      mentions: mentions.length,
    },
  };
}

function exactKeys(obj, allowed, where, err) {
  if (!obj || typeof obj !== 'object' || Array.isArray(obj)) { err(where, 'must be an object'); return; }
  for (const k of allowed) if (!(k in obj)) err(where, `missing "${k}" (use null when there is none)`);
  for (const k of Object.keys(obj)) if (!allowed.includes(k)) err(where, `unknown key "${k}"`);
}

function span(doc, s, where, err) {
  if (!Number.isInteger(s.start) || !Number.isInteger(s.end) || s.start < 0 || s.end > doc.length || s.start >= s.end) {
    err(where, `bad span ${s.start}..${s.end} (document length ${doc.length})`);
    return;
  }
  const actual = doc.slice(s.start, s.end);
  if (actual !== s.text) err(where, `text ${JSON.stringify(s.text)} but document has ${JSON.stringify(actual)}`);
  if (actual !== actual.trim()) err(where, 'span has leading or trailing white space');
}

function numberRange(x, where, err) {
  if (typeof x.value !== 'number' || !Number.isFinite(x.value)) err(where, 'value must be a number');
  if (x.max !== null && (typeof x.max !== 'number' || !(x.max > x.value))) err(where, 'max must be null or a number above value');
}

function sorted(items, where, err) {
  for (let i = 1; i < items.length; i++) {
    if (items[i].start < items[i - 1].start) { err(where, `not sorted by start at index ${i}`); return; }
  }
}

function main(argv) {
  const dirFiles = (dir) => fs.readdirSync(dir).filter((f) => f.endsWith('.gold.json')).sort().map((f) => path.join(dir, f));
  const files = argv[0] === '--real'
    ? (argv.length > 1 ? argv.slice(1) : dirFiles(path.join(REPO, 'test', 'real', 'labels')))
    : argv.length ? argv : [...dirFiles(__dirname), ...dirFiles(path.join(__dirname, 'heldout'))];
  if (files.length === 0) { console.error('no gold files'); return 1; }
  let failed = 0;
  for (const file of files) {
    const { errors, counts } = checkFile(file);
    const name = path.relative(process.cwd(), file);
    if (errors.length) {
      failed++;
      console.log(`FAIL ${name}`);
      for (const e of errors) console.log('  ' + e);
    } else {
      console.log(`ok   ${name}: ${counts.figures} figures, ${counts.money} money (${counts.conversions} with conversion), ` +
        `${counts.entities} entities, ${counts.mentions} mentions`);
    }
  }
  return failed ? 1 : 0;
}

module.exports = { checkFile };
if (require.main === module) process.exitCode = main(process.argv.slice(2));
