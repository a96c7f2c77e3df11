import * as assert from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../src/core/analyze';
import { check, previousReport, RULES, type Finding } from '../../src/core/checks';
import { corpusSuite, seedText } from '../support/corpus';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const read = (p: string): string => readFileSync(path.resolve(ROOT, p), 'utf8');
const V23 = read('samples/veldora-2023.tip.txt');
const V22 = read('samples/veldora-2022.tip.txt');
const previous = previousReport('samples/veldora-2022.tip.txt', analyze(V22));

/** Applies a finding's first fix to the text, as an editor would. */
function applyFix(text: string, f: Finding, which = 0): string {
  const edits = [...f.fixes[which]!.edits].sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of edits) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

const line = (text: string, offset: number): number => text.slice(0, offset).split('\n').length;
const summary = (text: string, fs: readonly Finding[]): string[] => fs.map((f) => `${f.rule} L${line(text, f.start)} ${text.slice(f.start, f.end)}`);

describe('consistency check: the planted sample (samples/PLANTED.md)', () => {
  const findings = check({ text: V23, previous });
  const got = summary(V23, findings);

  // Each planted inconsistency of PLANTED.md, as rule, line and the text flagged.
  const PLANTED: Record<string, string> = {
    P1: 'repeated-figure L23 63',
    P2: 'breakdown-sum L21 127',
    P3: 'conversion-rate L21 $81,630',
    P4: 'previous-period L15 22',
    P5: 'tier L5 remained on Tier 2',
    'P5 (against 2022)': 'tier L3 Tier 2 Watch List',
    P6: 'trend-claim L21 an increase from 344',
    P7: 'acronym L5 OCPM',
    P8: 'number-style L15 7',
    P9: 'number-style L15 fifteen',
  };
  for (const [id, expected] of Object.entries(PLANTED)) {
    it(`finds ${id}: ${expected}`, () => assert.ok(got.includes(expected), got.join('\n')));
  }

  it('flags nothing else: no look-alike (L1-L12) is reported', () => {
    assert.deepStrictEqual([...got].sort(), Object.values(PLANTED).sort());
  });

  it('without last year, the previous-period rule is silent and the tier rule keeps to this report', () => {
    const alone = summary(V23, check({ text: V23 }));
    assert.ok(!alone.some((s) => s.startsWith('previous-period')));
    assert.ok(alone.includes('tier L5 remained on Tier 2') && !alone.includes('tier L3 Tier 2 Watch List'));
  });

  it('points at the other occurrence, also in last year\'s narrative', () => {
    const p1 = findings.find((f) => f.rule === 'repeated-figure')!;
    assert.strictEqual(V23.slice(p1.related[0]!.start, p1.related[0]!.end), '58');
    const p4 = findings.find((f) => f.rule === 'previous-period')!;
    assert.strictEqual(p4.related[0]!.document, 'samples/veldora-2022.tip.txt');
    assert.strictEqual(V22.slice(p4.related[0]!.start, p4.related[0]!.end), '26');
  });

  it('quick fixes: take the other value, restate the conversion, fix the number style, swap the trend word', () => {
    const fixed = (rule: string) => applyFix(V23, findings.find((f) => f.rule === rule)!);
    // P1's fix takes the summary's 58 in PROTECTION: the unedited sample says 63 there.
    assert.ok(V23.includes('UNICEF, officials identified 63 children') && !V23.includes('UNICEF, officials identified 58 children'));
    assert.ok(fixed('repeated-figure').includes('UNICEF, officials identified 58 children associated with armed groups'));
    assert.ok(!fixed('repeated-figure').includes('63 children'));
    assert.ok(fixed('conversion-rate').includes('40 million FCFA ($66,130)'), "restated at the report's rate (604.84 per dollar, the median), rounded to tens as stated");
    assert.ok(fixed('previous-period').includes('compared with 26 investigations during the previous reporting period'));
    assert.ok(fixed('trend-claim').includes('a decrease from 344 victims'));
    const seven = findings.find((f) => f.rule === 'number-style' && V23.slice(f.start, f.end) === '7')!;
    assert.ok(applyFix(V23, seven).includes('the removal of seven victims'));
    // The acronym fix defines it at first use and leaves the acronym alone at the old definition.
    const acr = applyFix(V23, findings.find((f) => f.rule === 'acronym')!);
    assert.strictEqual(acr.split('Central Office for the Protection of Minors (OCPM)').length - 1, 1);
    assert.ok(acr.indexOf('Central Office for the Protection of Minors (OCPM)') < acr.indexOf('OCPM opened an office'));
    // Fixed text checks clean for that rule.
    for (const rule of ['conversion-rate', 'previous-period', 'trend-claim', 'acronym'] as const) {
      const after = check({ text: fixed(rule), previous, options: { rules: [rule] } });
      assert.strictEqual(after.length, 0, `${rule} still finds: ${summary(fixed(rule), after).join('; ')}`);
    }
  });

  it('2022, which has nothing planted, checks clean', () => {
    assert.deepStrictEqual(summary(V22, check({ text: V22 })), []);
  });
});

// The same behaviour on a narrative of ours: '2022, which has nothing planted, checks clean' above.
corpusSuite(describe, 'consistency check: the real seed narrative', () => {
  it('has no finding above information severity (it is consistent and published)', () => {
    const SEED = seedText();
    const serious = check({ text: SEED }).filter((f) => f.severity === 'error' || f.severity === 'warning');
    assert.deepStrictEqual(summary(SEED, serious), []);
  });
});

describe('consistency check: each rule on small texts of our own', () => {
  const doc = (body: string): string => `2023 Trafficking in Persons Report: Zembla\n\nZEMBLA: Tier 2\n\nThe Government of Zembla does not fully meet the minimum standards. Therefore Zembla remained on Tier 2.\n\nPROTECTION\n\n${body}\n`;
  const rules = (text: string, rule: (typeof RULES)[number]): string[] => summary(text, check({ text, options: { rules: [rule] } }));

  it('breakdown-sum: a full breakdown that does not add up; a partial one only when it exceeds', () => {
    assert.strictEqual(rules(doc('Officials identified 45 victims (20 women, 15 men and 12 children).'), 'breakdown-sum').length, 1);
    assert.strictEqual(rules(doc('Officials identified 45 victims (20 women, 13 men and 12 children).'), 'breakdown-sum').length, 0);
    assert.strictEqual(rules(doc('Officials identified 45 victims, including 20 women and 12 children.'), 'breakdown-sum').length, 0);
    assert.strictEqual(rules(doc('Officials identified 45 victims, including 30 women and 22 children.'), 'breakdown-sum').length, 1);
    // Figures of another year in parentheses compare with the total; they are no parts of it.
    assert.strictEqual(rules(doc('Officials identified nine victims; four were victims of forced labor (six victims of sex trafficking and three victims of forced labor in 2021).'), 'breakdown-sum').length, 0);
    // ... also when the total names its own year.
    assert.strictEqual(rules(doc('Police officially recognized all six victims in 2022 (five recognized by police and three by the commission in 2021).'), 'breakdown-sum').length, 0);
    // A figure right after `including` inside the parentheses is a part of a part.
    assert.strictEqual(rules(doc('Officials identified 20 victims (18 victims of forced labor, including two children, and two victims of sex trafficking).'), 'breakdown-sum').length, 0);
    // `N of whom` splits the total again; it is no item of the list before it.
    assert.strictEqual(rules(doc('The ministry referred all 40 victims to shelters, including 22 women and 18 men, 30 of whom were exploited in agriculture and ten in domestic work.'), 'breakdown-sum').length, 0);
  });

  it('conversion-rate: a conversion within its rounding is fine; the tolerance is a setting', () => {
    const text = doc('The fine was 1,000,000 FCFA ($1,700); a second fine was 500,000 FCFA ($850); a third was 100,000 FCFA ($210).');
    assert.deepStrictEqual(rules(text, 'conversion-rate').length, 1); // $210 (rounded to tens) is 476 per dollar, not about 588
    const within = doc('The fine was 1,000,000 FCFA ($1,700); a second fine was 150,000 FCFA ($260).');
    assert.strictEqual(rules(within, 'conversion-rate').length, 0);
    // Two conversions that disagree: one finding, on the second, naming the first.
    const two = doc('The fine was 1,000,000 FCFA ($1,700). A second fine was 100,000 FCFA ($210).');
    const found = check({ text: two, options: { rules: ['conversion-rate'] } });
    assert.deepStrictEqual(summary(two, found), ['conversion-rate L9 $210']);
    assert.match(found[0]!.message, /other conversion, 1,000,000 FCFA \(\$1,700\), implies 588/);
    const loose = check({ text, options: { rules: ['conversion-rate'], conversionTolerance: 0.25 } });
    assert.strictEqual(loose.length, 0);
  });

  it('trend-claim: an increase that is one, and one that is not', () => {
    assert.strictEqual(rules(doc('The government convicted 14 traffickers, an increase from nine convictions in the previous reporting period.'), 'trend-claim').length, 0);
    assert.strictEqual(rules(doc('The government convicted four traffickers, an increase from nine convictions in the previous reporting period.'), 'trend-claim').length, 1);
    assert.strictEqual(rules(doc('Courts convicted 30 traffickers, down from 21.'), 'trend-claim').length, 1);
    // A part in parentheses is not the figure compared.
    assert.strictEqual(rules(doc('Police identified 19 victims (16 women and three men), an increase from nine in 2021.'), 'trend-claim').length, 0);
    // The figure compared counts the same noun, not the one nearest the claim.
    assert.strictEqual(rules(doc('The ministry employed 140 labor inspectors in all six provinces, an increase from 120 inspectors the year before.'), 'trend-claim').length, 0);
    assert.strictEqual(rules(doc('The ministry employed 100 labor inspectors in all six provinces, an increase from 120 inspectors the year before.'), 'trend-claim').length, 1);
  });

  it('acronym: defined twice with different long forms', () => {
    const text = doc('The Anti-Trafficking Unit (ATU) investigated cases. Later the Anti-Trafficking Taskforce (ATU) met.');
    assert.ok(rules(text, 'acronym').some((s) => s.includes('Anti-Trafficking Taskforce')));
  });

  it('number-style: ages, percentages and sentence starts are exceptions', () => {
    assert.deepStrictEqual(rules(doc('Police found 3 girls aged 9 in a house; 5 percent of cases were closed. Twelve officials met.'), 'number-style'),
      ['number-style L9 3']);
  });

  it('tier: the summary against the tier line', () => {
    const text = '2023 Trafficking in Persons Report: Zembla\n\nZEMBLA: Tier 3\n\nTherefore Zembla was upgraded to Tier 2.\n';
    assert.strictEqual(rules(text, 'tier').length, 1);
  });

  it('previous-period: a figure of a named year against what last year\'s narrative stated for that year', () => {
    const narrative = (year: number, body: string): string => `${year} Trafficking in Persons Report: Zembla\n\nZEMBLA: Tier 2\n\nPROSECUTION\n\n${body}\n`;
    const last = narrative(2023, 'In 2022, police investigated 41 trafficking cases, compared with 35 investigations in 2021. Courts convicted 12 traffickers.');
    const prev = previousReport('zembla-2023.txt', analyze(last));
    const named = (body: string): string[] => {
      const text = narrative(2024, body);
      return summary(text, check({ text, previous: prev, options: { rules: ['previous-period'] } }));
    };
    // 2022 is the year last year's narrative covered: its 41 investigations, not 44.
    assert.deepStrictEqual(named('In 2023, police investigated 50 cases, compared with 44 investigations in 2022.'), ['previous-period L7 44']);
    assert.deepStrictEqual(named('In 2023, police investigated 50 cases, compared with 41 investigations in 2022.'), []);
    // Its current-period figure without a year: courts convicted 12 traffickers.
    assert.deepStrictEqual(named('In 2023, courts convicted 15 traffickers, compared with 10 convictions in 2022.'), ['previous-period L7 10']);
    // 2021, which last year's narrative named in a comparison of its own.
    assert.deepStrictEqual(named('In 2023, police investigated 50 cases, compared with 33 investigations in 2021.'), ['previous-period L7 33']);
    // This narrative's own year is not last year's to say.
    assert.deepStrictEqual(named('In 2023, police investigated 44 cases.'), []);
  });

  it('severities can be set per rule, and rules turned off', () => {
    const text = doc('Police found 3 girls.');
    assert.strictEqual(check({ text, options: { severities: { 'number-style': 'warning' } } })[0]!.severity, 'warning');
    assert.strictEqual(check({ text, options: { rules: RULES.filter((r) => r !== 'number-style') } }).length, 0);
  });
});
