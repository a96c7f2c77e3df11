// Checks in the real workbench (the DOM that the integration tests cannot reach) that the Report
// view is drawn with its items: the welcome content before a report is open, then for
// samples/veldora-2023.tip.txt its groups (Report, Figures, Money, Entities), the meta, a section,
// an entity with its mention count, a filter typed in the input box, and a click on a figure
// that selects its text in the editor.
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

  await host.ensureCodeServer();
  const wb = await host.openWorkbench({ workspace });
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
