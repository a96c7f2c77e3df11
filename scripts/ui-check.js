// Checks in the real workbench (the DOM that the integration tests cannot reach) that the Report
// view is drawn with its items: the welcome content before a report is open, then for
// samples/veldora-2023.tip.txt its groups (Report, Figures, Money, Entities), the meta, a section,
// an entity with its mention count, a filter typed in the input box, and a click on a figure
// that selects its text in the editor. Then a decision from a hover, with the mouse and the
// keyboard: Reject clicked in the hover shows at once in the open hover, Ctrl+Z pressed right
// after it undoes it, and Ctrl+Z after typing still undoes the typing. Then the timeline (a
// webview: an iframe in an iframe, reached through Playwright's frames) on the Corvania series of
// test/fixtures/timeline/: opened from the Report view's title bar, one chart a metric with its
// marks counted, the tier band, the convictions table and its sorting, a point's tooltip and the
// sentence a click opens, a chart saved as PNG and a table as CSV through the save dialog; and
// Compare Countries picked from the palette, its bars counted.
//
//   node scripts/ui-check.js        (after `npm run compile`; uses scripts/vscode-host.js)
//
// Prints one line per check and a last line `ui: N passed, N failed`; exits 1 on any failure, and
// then keeps a screenshot of the workbench in the temporary folder it names.
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const host = require('./vscode-host');

const ROOT = host.ROOT;
const SAMPLE = 'veldora-2023.tip.txt';
const TIMEOUT_MS = 15_000;

const results = [];

/** Runs one check; a failure is recorded with its message, and the next checks still run. */
async function check(name, fn) {
  try {
    await fn();
    results.push({ name, ok: true });
    console.log(`  ✔ ${name}`);
  } catch (e) {
    const message = (e instanceof Error ? e.message : String(e)).split('\n')[0];
    results.push({ name, ok: false, message });
    console.log(`  ✘ ${name}\n      ${message}`);
  }
}

/** A regular expression that matches exactly `text`. */
const exactly = (text) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

async function main() {
  for (const file of ['dist/extension.js', 'package.json', `samples/${SAMPLE}`]) {
    if (!fs.existsSync(path.join(ROOT, file))) throw new Error(`${file} is missing: run \`npm run compile\` first`);
  }
  // The samples in a temporary workspace, so that nothing the workbench writes lands in the repository.
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'tip-lens-ui-'));
  const removeWorkspace = host.onCleanup(() => fs.rmSync(workspace, { recursive: true, force: true }));
  fs.cpSync(path.join(ROOT, 'samples'), workspace, { recursive: true });
  // The timeline's fictional series, in a folder of its own.
  fs.mkdirSync(path.join(workspace, 'timeline'));
  for (const f of fs.readdirSync(path.join(ROOT, 'test', 'fixtures', 'timeline')).filter((n) => n.endsWith('.tip.txt'))) {
    fs.copyFileSync(path.join(ROOT, 'test', 'fixtures', 'timeline', f), path.join(workspace, 'timeline', f));
  }

  await host.ensureCodeServer();
  // No suggestion list while the check types in the report.
  const wb = await host.openWorkbench({ workspace, settings: { 'editor.quickSuggestions': { other: 'off', comments: 'off', strings: 'off' } } });
  const { page } = wb;
  try {
    const sidebar = page.locator('.part.sidebar');
    const pane = sidebar.locator('.pane', { has: page.locator('.pane-header h3.title', { hasText: exactly('Report') }) });
    const rows = pane.locator('.monaco-list-row');
    const row = (label) => rows.filter({ has: page.locator('.label-name', { hasText: exactly(label) }) }).first();
    const visible = (locator, what) =>
      locator.waitFor({ state: 'visible', timeout: TIMEOUT_MS }).catch(() => {
        throw new Error(`${what} is not shown`);
      });
    const gone = (locator, what) =>
      locator.waitFor({ state: 'detached', timeout: TIMEOUT_MS }).catch(() => {
        throw new Error(`${what} is still shown`);
      });
    const expand = async (label) => {
      const r = row(label);
      await visible(r, `the row "${label}"`);
      if ((await r.getAttribute('aria-expanded')) !== 'true') await r.locator('.monaco-tl-twistie').click();
    };
    const collapse = async (label) => {
      const r = row(label);
      if ((await r.getAttribute('aria-expanded')) === 'true') await r.locator('.monaco-tl-twistie').click();
    };
    const description = async (label) => (await row(label).locator('.label-description').textContent())?.trim() ?? '';

    console.log('Report view in the workbench:');
    await check('the TIP Lens container opens from the activity bar', async () => {
      await page.locator('.part.activitybar .action-item a[aria-label^="TIP Lens"], .part.activitybar .action-item[aria-label^="TIP Lens"]').first().click();
      await visible(pane.locator('.pane-header'), 'the Report view');
      // Give the Report view the height of the container: fold the other views.
      const others = sidebar.locator('.pane-header[aria-expanded="true"]').filter({ hasNot: page.locator('h3.title', { hasText: exactly('Report') }) });
      for (let n = await others.count(); n > 0; n--) await others.first().click();
    });

    await check('before a report is open, the view shows its welcome content', async () => {
      await visible(pane.getByText('Open a Trafficking in Persons report'), 'the welcome text');
      await visible(pane.getByRole('button', { name: 'Open a Report' }).or(pane.getByText('Open a Report')).first(), 'the Open a Report button');
    });

    await check(`opening ${SAMPLE} fills the view: Report, Figures, Money, Entities`, async () => {
      await page.locator('.part.editor').click({ position: { x: 200, y: 200 } }).catch(() => {});
      await page.keyboard.press('Control+P');
      const input = page.locator('.quick-input-widget input');
      await visible(input, 'Quick Open');
      await input.fill(SAMPLE);
      await visible(page.locator('.quick-input-list .monaco-list-row').first(), `${SAMPLE} in Quick Open`);
      await page.keyboard.press('Enter');
      await visible(page.locator('.part.editor .tab', { hasText: SAMPLE }), `the editor tab of ${SAMPLE}`);
      for (const label of ['Report', 'Figures', 'Money', 'Entities']) await visible(row(label), `the row "${label}"`);
      const labels = await rows.locator('.label-name').allTextContents();
      if (labels.length < 4) throw new Error(`only ${labels.length} rows: ${labels.join(', ')}`);
    });

    await check('the view says which file it shows', async () => {
      await visible(pane.locator('.pane-header .description', { hasText: SAMPLE }), `"${SAMPLE}" in the view's header`);
    });

    await check('the Report group shows Veldora, 2023 and Tier 2 Watch List', async () => {
      for (const label of ['Veldora', '2023', 'Tier 2 Watch List']) await visible(row(label), `the row "${label}"`);
      const tier = await description('Tier 2 Watch List');
      if (!/remained on Tier 2/.test(tier)) throw new Error(`the tier's description is "${tier}", not the summary's tier sentence`);
    });

    await check('Figures: sections with counts, a section opens on its metrics', async () => {
      await visible(row('Prosecution'), 'the row "Prosecution"');
      const n = await description('Figures');
      if (!/^\d+$/.test(n) || Number(n) === 0) throw new Error(`Figures' count is "${n}"`);
      await collapse('Report');
      await expand('Prosecution');
      await visible(row('investigations'), 'the metric "investigations" under Prosecution');
    });

    await check('clicking a figure selects its text in the editor', async () => {
      await expand('investigations');
      const figure = rows.filter({ has: page.locator('.label-name', { hasText: / - investigations - current period$/ }) }).first();
      await visible(figure, 'a figure of investigations');
      await figure.locator('.label-name').click();
      await visible(page.locator('.part.statusbar').getByText(/\(\d+ selected\)/), 'a selection in the editor (status bar "(N selected)")');
      await collapse('Figures');
    });

    await check('Entities: Government bodies, an entity with its acronym and mention count', async () => {
      await expand('Entities');
      await expand('Government bodies');
      const entity = row('Veldoran Armed Forces (FAV)');
      await visible(entity, 'the entity "Veldoran Armed Forces (FAV)"');
      const d = await description('Veldoran Armed Forces (FAV)');
      if (!/^\d+ mentions?$/.test(d)) throw new Error(`its description is "${d}", not a mention count`);
      await collapse('Entities');
    });

    await check('a filter typed in its input box narrows the view, and clears', async () => {
      await pane.locator('.pane-header').hover();
      await pane.locator('.pane-header a.action-label[aria-label="Filter Report..."]').click();
      const input = page.locator('.quick-input-widget input');
      await visible(input, 'the filter input box');
      await input.fill('FAV');
      await page.keyboard.press('Enter');
      await visible(pane.locator('.pane-header .description', { hasText: 'FAV' }), 'the filter in the view header');
      await gone(row('Money'), 'the Money group (no amount mentions FAV)');
      await visible(row('Veldoran Armed Forces (FAV)'), 'the entity that matches');
      await pane.locator('.pane-header').hover();
      await pane.locator('.pane-header a.action-label[aria-label="Clear Report Filter"]').click();
      await visible(row('Money'), 'the Money group after clearing');
    });

    // ---- A decision from a hover, and Ctrl+Z -------------------------------------------------
    console.log('A decision from a hover, and Ctrl+Z:');
    const annotationFile = path.join(workspace, `${SAMPLE}.annotations.json`);
    /** The decisions in the annotation file beside the sample, as `reject 14`. */
    const decisions = () => {
      try {
        return JSON.parse(fs.readFileSync(annotationFile, 'utf8')).annotations.map((a) => `${a.decision} ${a.selector[1].exact}`);
      } catch {
        return [];
      }
    };
    const until = async (what, ok) => {
      const started = Date.now();
      while (!(await ok())) {
        if (Date.now() - started > TIMEOUT_MS) throw new Error(`timed out waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    const hover = page.locator('.monaco-hover:not(.hidden)');
    const titleLine = page.locator('.part.editor .view-line', { hasText: 'Trafficking in Persons Report: Veldora' }).first();
    const title = async () => ((await titleLine.textContent()) ?? '').replace(/\u00a0/g, ' ');
    const dirty = page.locator('.part.editor .tab.dirty', { hasText: SAMPLE });
    /** The cursor to the end of a 1-based line (Go to Line, then End), then `text` typed there. */
    const typeAtEndOf = async (line, text) => {
      await page.keyboard.press('Control+G');
      const input = page.locator('.quick-input-widget input');
      await visible(input, 'Go to Line');
      await input.fill(`:${line}`);
      await page.keyboard.press('Enter');
      await page.keyboard.press('End');
      if (text) await page.keyboard.type(text);
    };
    /** Hovers the figure 14 of "convicting 14 traffickers" and clicks the hover's link `link`. */
    const decideInHover = async (link) => {
      const token = page.locator('.part.editor .view-line span span', { hasText: exactly('14') }).first();
      await visible(token, 'the figure 14 in the editor');
      const offered = hover.filter({ has: page.locator('a', { hasText: exactly(link) }) });
      for (let attempt = 0; ; attempt++) {
        const b = await token.boundingBox();
        await page.mouse.move(b.x + 1, b.y + b.height / 2);
        await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 3 });
        try {
          await offered.first().waitFor({ state: 'visible', timeout: 5_000 });
          break;
        } catch (e) {
          if (attempt === 2) throw new Error(`no hover with "${link}" over the figure 14`);
          await page.mouse.move(5, 5);
        }
      }
      await offered.first().locator('a', { hasText: exactly(link) }).click();
    };

    await check('Reject in the hover shows at once: the open hover says "rejected by you" and offers Undo Reject', async () => {
      await page.locator('.part.editor').click({ position: { x: 300, y: 300 } }).catch(() => {});
      await typeAtEndOf(3, '');
      await decideInHover('Reject');
      await until('the reject in the annotation file', () => decisions().includes('reject 14'));
      await visible(hover.filter({ hasText: 'Rejected by you: figure 14' }), 'the hover with "Rejected by you: figure 14"');
      await visible(hover.locator('a', { hasText: exactly('Undo Reject') }), 'the link Undo Reject in the open hover');
      const stale = await hover.filter({ hasText: 'found by TIP Lens' }).count();
      if (stale > 0) throw new Error('the hover still says "found by TIP Lens"');
    });

    await check('Ctrl+Z right after it undoes the Reject; the report\'s text is untouched', async () => {
      await page.keyboard.press('Control+Z');
      await until('the reject to leave the annotation file', () => !decisions().includes('reject 14'));
      if ((await dirty.count()) > 0) throw new Error('the report is modified');
    });

    await check('type, Reject, Ctrl+Z: the Reject goes and the typing stays; Ctrl+Z again takes back the typing', async () => {
      await typeAtEndOf(1, ' Q');
      await until('" Q" typed on the title line', async () => (await title()).endsWith('Veldora Q'));
      await decideInHover('Reject');
      await until('the reject in the annotation file', () => decisions().includes('reject 14'));
      await visible(hover.locator('a', { hasText: exactly('Undo Reject') }), 'Undo Reject in the open hover');
      await page.keyboard.press('Control+Z');
      await until('the reject to leave the annotation file', () => !decisions().includes('reject 14'));
      if (!(await title()).endsWith('Veldora Q')) throw new Error(`the typing was undone too: "${await title()}"`);
      await page.keyboard.press('Control+Z');
      await until('the typing to be undone', async () => (await title()).endsWith('Veldora'));
      if (decisions().length > 0) throw new Error(`decisions left: ${decisions().join(', ')}`);
    });

    await check('Reject, then type: Ctrl+Z takes back the typing, not the Reject', async () => {
      await decideInHover('Reject');
      await until('the reject in the annotation file', () => decisions().includes('reject 14'));
      await typeAtEndOf(1, ' W');
      await until('" W" typed on the title line', async () => (await title()).endsWith('Veldora W'));
      await page.keyboard.press('Control+Z');
      await until('the typing to be undone', async () => (await title()).endsWith('Veldora'));
      await new Promise((r) => setTimeout(r, 500));
      if (!decisions().includes('reject 14')) throw new Error('Ctrl+Z undid the Reject, not the typing');
    });

    // ---- The timeline ------------------------------------------------------------------------
    console.log('The timeline (a webview):');
    /** The webview frame whose page holds `selector` with `text` (webviews are an iframe in an iframe). */
    const webview = async (selector, text) => {
      const started = Date.now();
      for (;;) {
        for (const f of page.frames()) {
          if (f === page.mainFrame()) continue;
          if ((await f.locator(selector, { hasText: text }).count().catch(() => 0)) > 0) return f;
        }
        if (Date.now() - started > TIMEOUT_MS * 2) throw new Error(`no webview shows ${selector} "${text}"`);
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    const quickOpen = async (name) => {
      await page.keyboard.press('Control+P');
      const input = page.locator('.quick-input-widget input');
      await visible(input, 'Quick Open');
      await input.fill(name);
      const found = page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first();
      await visible(found, `${name} in Quick Open`);
      await found.click();
      await visible(page.locator('.part.editor .tab.active', { hasText: name }).first(), `the editor tab of ${name}`);
    };
    /** Accepts the save dialog (VS Code's own, in the browser) at the name it offers; resolves to the path it offered. */
    const acceptSave = async (name) => {
      const input = page.locator('.quick-input-widget input');
      await visible(input, 'the save dialog');
      await until(`the save dialog to offer ${name}`, async () => (await input.inputValue()).endsWith(name));
      const offered = await input.inputValue();
      await page.keyboard.press('Enter');
      return offered;
    };
    let tl;
    // What the Corvania series states (test/fixtures/timeline/README.md): own narrative's figures and next year's restatements per chart.
    const MARKS = {
      investigations: [5, 5], prosecutions: [5, 5], 'defendants prosecuted': [5, 5], convictions: [5, 5], acquittals: [5, 4],
      'victims identified': [5, 5], 'victims assisted': [5, 5], 'victims referred': [5, 5], 'officials trained': [5, 5], 'anti-trafficking budget (USD)': [5, 5],
    };
    const section = (label) => tl.locator('section.metric', { has: tl.locator('h2', { hasText: exactly(label) }) });
    const marks = (label, mark) => section(label).locator(`g[aria-description="${mark}"] > *`);

    await check('Show Timeline in the Report view\'s title bar opens the country of the active report in a webview', async () => {
      await quickOpen('corvania-2022.tip.txt');
      await visible(row('Corvania'), 'the Report view on Corvania');
      await pane.locator('.pane-header').hover();
      await pane.locator('.pane-header a.action-label[aria-label="Show Timeline"]').click();
      await visible(page.locator('.part.editor .tab', { hasText: 'Timeline: Corvania' }), 'the tab "Timeline: Corvania"');
      tl = await webview('h1', 'Corvania over the years');
      await visible(tl.locator('.sub', { hasText: 'from 5 narratives' }), 'the header "from 5 narratives"');
    });

    await check('one chart a metric, its marks counted: a dot a source, a line, a ring on the one disagreement', async () => {
      const got = [];
      for (const [label, [own, restated]] of Object.entries(MARKS)) {
        const s = section(label);
        await s.scrollIntoViewIfNeeded();
        await visible(s.locator('.plot[data-drawn="true"] svg'), `the chart of ${label}`);
        const counts = [await marks(label, 'own narrative').count(), await marks(label, 'restatement').count(),
          await marks(label, 'own narrative line').count(), await marks(label, 'disagreement').count()];
        const want = [own, restated, 1, label === 'convictions' ? 1 : 0];
        if (counts.join() !== want.join()) got.push(`${label}: ${counts.join('/')} (want ${want.join('/')})`);
      }
      if (got.length > 0) throw new Error(`own/restated/line/ring marks: ${got.join('; ')}`);
      const tiers = tl.locator('section.tier g[aria-description="tier"] rect');
      await visible(tiers.first(), 'the tier band');
      if ((await tiers.count()) !== 5) throw new Error(`${await tiers.count()} tier cells, not 5`);
    });

    const table = () => section('convictions').locator('table');
    const cells = async () => (await table().locator('tbody tr').all()).reduce(async (acc, tr) => [...(await acc), (await tr.locator('th, td').allTextContents()).map((t) => t.trim())], Promise.resolve([]));
    await check('the convictions table holds both sources of each year, the disagreement marked', async () => {
      await visible(table().locator('caption', { hasText: 'Corvania: convictions, by data year' }), 'the table\'s caption');
      const want = [['2017', '', '', '4', ''], ['2018', '2019', '6', '6', ''], ['2019', '2020', '9', '9', ''], ['2020', '2021', '12', '14', '12 ≠ 14'], ['2021', '2022', '15', '15', ''], ['2022', '2023', '18', '', '']];
      const got = await cells();
      if (JSON.stringify(got) !== JSON.stringify(want)) throw new Error(`rows ${JSON.stringify(got)}`);
      if ((await table().locator('th[scope="col"]').count()) !== 5 || (await table().locator('th[scope="row"]').count()) !== 6) throw new Error('headers without their scope');
      await visible(section('convictions').locator('.finding', { hasText: "14 convictions in the previous reporting period, but last year's narrative stated 12 traffickers." }), 'the check\'s finding under the table');
    });

    await check('clicking a header sorts the table, aria-sort says how', async () => {
      const header = table().locator('th[scope="col"]', { hasText: 'Own narrative' });
      await header.locator('button').click();
      if ((await header.getAttribute('aria-sort')) !== 'ascending') throw new Error(`aria-sort is ${await header.getAttribute('aria-sort')} after one click`);
      await header.locator('button').click();
      if ((await header.getAttribute('aria-sort')) !== 'descending') throw new Error(`aria-sort is ${await header.getAttribute('aria-sort')} after two clicks`);
      const years = (await cells()).map((r) => r[0]).join(',');
      if (years !== '2022,2021,2020,2019,2018,2017') throw new Error(`years by own narrative, descending: ${years}`);
      if ((await table().locator('th[scope="col"]', { hasText: 'Data year' }).getAttribute('aria-sort')) !== 'none') throw new Error('the year column still says it sorts');
    });

    const restated2020 = () => marks('convictions', 'restatement').nth(3);
    await check('hovering a point shows the sentence it came from', async () => {
      await section('convictions').scrollIntoViewIfNeeded();
      await restated2020().hover();
      const tip = tl.locator('#tooltip');
      await visible(tip, 'the tooltip');
      const text = await tip.textContent();
      if (!/convictions, 2020, restated by the 2022 narrative: 14 convictions/.test(text) || !/an increase from 14 convictions in the previous reporting period/.test(text)) throw new Error(`the tooltip says "${text}"`);
    });

    await check('clicking it opens that sentence in the editor, selected', async () => {
      await restated2020().click();
      await visible(page.locator('.part.editor .tab.active', { hasText: 'corvania-2022.tip.txt' }).first(), 'corvania-2022.tip.txt active');
      await visible(page.locator('.part.statusbar').getByText(/\(\d+ selected\)/), 'a selection in the editor (status bar "(N selected)")');
      const n = Number(/\((\d+) selected\)/.exec(await page.locator('.part.statusbar').getByText(/\(\d+ selected\)/).first().textContent())[1]);
      if (n < 80) throw new Error(`only ${n} characters selected: not the sentence`);
    });

    await check('a chart saved as PNG (drawn on a canvas in the webview) and its table as CSV', async () => {
      await page.locator('.part.editor .tab', { hasText: 'Timeline: Corvania' }).click();
      tl = await webview('h1', 'Corvania over the years');
      await section('convictions').locator('.chart button', { hasText: exactly('PNG') }).click();
      const png = await acceptSave('corvania-convictions.png');
      await until(`${png} written`, () => fs.existsSync(png) && fs.statSync(png).size > 1000);
      const bytes = fs.readFileSync(png);
      if (bytes.subarray(0, 8).toString('hex') !== '89504e470d0a1a0a') throw new Error(`${png} is not a PNG`);
      const width = bytes.readUInt32BE(16);
      if (width < 560) throw new Error(`the PNG is ${width} pixels wide: not drawn at twice the chart's size`);
      await visible(page.locator('.notifications-toasts', { hasText: 'exported Corvania convictions' }), 'the message that says where it went');
      await section('convictions').locator('.table-wrap button', { hasText: exactly('CSV') }).click();
      const csv = await acceptSave('corvania-convictions.csv');
      await until(`${csv} written`, () => fs.existsSync(csv));
      const lines = fs.readFileSync(csv, 'utf8').split('\r\n');
      if (lines[0] !== "Data year,Report,Own narrative,Next year's restatement,Disagree" || !lines.includes('2020,2021,12,14,12 ≠ 14')) throw new Error(`the CSV reads ${JSON.stringify(lines.slice(0, 3))}`);
    });

    await check('Compare Countries from the palette: a metric, the active report\'s data year by default; bars and a table', async () => {
      await quickOpen('corvania-2022.tip.txt');
      // The keys go to the workbench, not to the webview clicked before: focus the report's text first.
      await page.locator('.part.editor .tab.active', { hasText: 'corvania-2022.tip.txt' }).first().click();
      await page.keyboard.press('Control+Shift+P');
      const input = page.locator('.quick-input-widget input');
      await visible(input, 'the command palette');
      await input.fill('>TIP Lens: Compare Countries');
      await visible(page.locator('.quick-input-list .monaco-list-row', { hasText: 'Compare Countries' }).first(), 'the command in the palette');
      await page.keyboard.press('Enter');
      await until('the metric picker', async () => (await page.locator('.quick-input-list .monaco-list-row', { hasText: 'victims identified' }).count()) > 0);
      await visible(input, 'the metric picker\'s input');
      await input.fill('convictions');
      await page.keyboard.press('Enter');
      const year = page.locator('.quick-input-list .monaco-list-row.focused', { hasText: "the active report's data year" });
      await visible(year, 'the active report\'s data year, chosen by default');
      if (!(await year.textContent()).includes('2021')) throw new Error(`the year offered first is ${await year.textContent()}`);
      await page.keyboard.press('Enter');
      const cmp = await webview('h1', 'convictions in 2021, by country');
      const bars = cmp.locator('g[aria-description="value"] rect');
      await visible(bars.first(), 'the bars');
      if ((await bars.count()) !== 2) throw new Error(`${await bars.count()} bars, not 2 (Corvania and Veldora)`);
      const first = (await cmp.locator('table tbody tr').first().locator('th, td').allTextContents()).slice(0, 2).join(' ');
      if (first !== 'Corvania 15') throw new Error(`the first row is "${first}"`);
    });
  } finally {
    if (results.some((r) => !r.ok)) {
      const shot = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tip-lens-ui-fail-')), 'workbench.png');
      await host.screenshot(page, shot).catch(() => {});
      console.log(`(screenshot of the workbench at the end: ${shot})`);
    }
    await wb.close();
    await removeWorkspace();
  }
}

main()
  .catch((e) => {
    results.push({ name: 'running the check', ok: false, message: e instanceof Error ? e.message : String(e) });
    console.error(e instanceof Error ? e.message : e);
  })
  .then(async () => {
    await host.stopAll();
    const failed = results.filter((r) => !r.ok);
    for (const f of failed) console.log(`FAILED ${f.name}: ${f.message}`);
    console.log(`ui: ${results.length - failed.length} passed, ${failed.length} failed`);
    process.exit(failed.length > 0 || results.length === 0 ? 1 : 0);
  });
