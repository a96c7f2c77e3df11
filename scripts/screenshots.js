// README screenshots taken from the real workbench (scripts/vscode-host.js) with the extension
// loaded, on a temporary copy of samples/:
//
//   media/screenshots/report-tree.png   the Report view beside samples/veldora-2023.tip.txt
//   media/screenshots/money-hover.png   the hover over an amount of money in the report
//   media/screenshots/highlights.png    the highlights of entities, figures and money in the editor
//   media/screenshots/timeline.png      the timeline of the fictional Corvania (test/fixtures/timeline/)
//                                       beside its 2022 narrative: the convictions chart with its
//                                       disagreement, a point's sentence in the tooltip and selected
//
//   node scripts/screenshots.js [report-tree|money-hover|highlights|timeline ...]   (after `npm run compile`)
//
// Each picture is the 1400x900 workbench. A picture whose feature does not show (no hover
// appears, for instance) is skipped with a message and the others are still taken; the exit
// code is 1 then, so that a skipped picture is not mistaken for a fresh one.
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const host = require('./vscode-host');

const ROOT = host.ROOT;
const OUT = path.join(ROOT, 'media', 'screenshots');
const SAMPLE = 'veldora-2023.tip.txt';
const VIEWPORT = { width: 1400, height: 900 };
const TIMEOUT_MS = 15_000;
/** Settings that make the pictures about the report: no minimap, no start-up noise. */
const SETTINGS = {
  'editor.minimap.enabled': false,
  'workbench.tips.enabled': false,
  'extensions.ignoreRecommendations': true,
};

const exactly = (text) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** One workbench per picture, so that each starts from the same state, on a copy of `folder` (the samples). */
async function withWorkbench(fn, folder = path.join(ROOT, 'samples')) {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'tip-lens-shots-'));
  const removeWorkspace = host.onCleanup(() => fs.rmSync(workspace, { recursive: true, force: true }));
  fs.cpSync(folder, workspace, { recursive: true });
  const wb = await host.openWorkbench({ workspace, settings: SETTINGS, viewport: VIEWPORT });
  try {
    return await fn(wb.page);
  } finally {
    await wb.close();
    await removeWorkspace();
  }
}

async function openSample(page, name = SAMPLE) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: TIMEOUT_MS });
  await input.fill(name);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ state: 'visible', timeout: TIMEOUT_MS });
  await page.keyboard.press('Enter');
  await page.locator('.part.editor .tab', { hasText: name }).waitFor({ state: 'visible', timeout: TIMEOUT_MS });
  await page.locator('.part.editor .view-lines').first().waitFor({ state: 'visible', timeout: TIMEOUT_MS });
}

/** Puts the cursor on a 1-based line (Go to Line). */
async function goToLine(page, line) {
  await page.locator('.part.editor .view-lines').first().click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: TIMEOUT_MS });
  await input.fill(`:${line}`);
  await page.keyboard.press('Enter');
  await sleep(300);
}

/**
 * Scrolls the editor until the view line that matches `text` is at its top; `direction` says
 * which way to look (-1 up, 1 down) while that line is not drawn.
 */
async function scrollLineToTop(page, text, direction) {
  const editor = page.locator('.part.editor .monaco-editor').first();
  const box = await editor.boundingBox();
  await page.mouse.move(box.x + 30, box.y + box.height / 2); // over the gutter: no hover
  for (let i = 0; i < 60; i++) {
    const line = page.locator('.part.editor .view-line', { hasText: text }).first();
    const b = (await line.count()) > 0 ? await line.boundingBox() : null;
    if (b && b.y >= box.y - 2 && b.y < box.y + 30) return;
    await page.mouse.wheel(0, b ? b.y - box.y : direction * 200);
    await sleep(80);
  }
  throw new Error(`could not bring the line ${text} to the top of the editor`);
}

/** (a) The Report view beside the sample, a figure selected in the editor. */
async function reportTree(page, file) {
  const sidebar = page.locator('.part.sidebar');
  await page.locator('.part.activitybar .action-item a[aria-label^="TIP Lens"], .part.activitybar .action-item[aria-label^="TIP Lens"]').first().click();
  const pane = sidebar.locator('.pane', { has: page.locator('.pane-header h3.title', { hasText: exactly('Report') }) });
  await pane.waitFor({ state: 'visible', timeout: TIMEOUT_MS });
  await openSample(page);
  const row = (label) => pane.locator('.monaco-list-row').filter({ has: page.locator('.label-name', { hasText: label instanceof RegExp ? label : exactly(label) }) }).first();
  const expand = async (label) => {
    const r = row(label);
    await r.waitFor({ state: 'visible', timeout: TIMEOUT_MS });
    if ((await r.getAttribute('aria-expanded')) !== 'true') await r.locator('.monaco-tl-twistie').click();
  };
  await row('Figures').waitFor({ state: 'visible', timeout: TIMEOUT_MS });
  // The other views of the container folded, the side bar wide enough for the labels.
  const others = sidebar.locator('.pane-header[aria-expanded="true"]').filter({ hasNot: page.locator('h3.title', { hasText: exactly('Report') }) });
  for (let n = await others.count(); n > 0; n--) await others.first().click();
  const sb = await sidebar.boundingBox();
  await page.mouse.move(sb.x + sb.width + 1, sb.y + 300);
  await page.mouse.down();
  await page.mouse.move(sb.x + sb.width + 200, sb.y + 300, { steps: 10 });
  await page.mouse.up();
  await expand('Prosecution');
  await expand('investigations');
  await expand('Money');
  const figure = row(/ - investigations - current period$/);
  await figure.waitFor({ state: 'visible', timeout: TIMEOUT_MS });
  await figure.locator('.label-name').click();
  await page.locator('.part.statusbar').getByText(/\(\d+ selected\)/).waitFor({ state: 'visible', timeout: TIMEOUT_MS });
  await page.mouse.move(VIEWPORT.width / 2, VIEWPORT.height - 40); // no tooltip in the picture
  await sleep(500);
  await host.screenshot(page, file);
}

/** (b) The hover over `40 million FCFA ($81,630)`: the amount converted, and the stated conversion judged. */
async function moneyHover(page, file) {
  await openSample(page);
  await page.keyboard.press('Control+B'); // the side bar closed: the editor gets the width
  await goToLine(page, 20); // an empty line: no word highlight near the amount
  const token = page.locator('.part.editor .view-line span span', { hasText: '40 million' }).first();
  await token.waitFor({ state: 'visible', timeout: TIMEOUT_MS });
  await scrollLineToTop(page, /^PROTECTION$/, -1);
  const hover = page.locator('.monaco-hover:not(.hidden)').filter({ hasText: /FCFA|XOF|USD|\$/ });
  for (let attempt = 0; attempt < 3; attempt++) {
    const b = await token.boundingBox();
    await page.mouse.move(b.x + 4, b.y + b.height / 2);
    await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 3 });
    try {
      await hover.first().waitFor({ state: 'visible', timeout: 5_000 });
      await sleep(600);
      await host.screenshot(page, file);
      return true;
    } catch {
      await page.mouse.move(5, VIEWPORT.height - 5);
      await sleep(300);
    }
  }
  return false;
}

/** (c) The highlights in the editor: the title, tier line, summary and recommendations of the sample. */
async function highlights(page, file) {
  await openSample(page);
  await page.keyboard.press('Control+B');
  await page.locator('.part.editor .view-lines').first().click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('ArrowDown'); // the cursor on an empty line: no word highlight
  const editor = await page.locator('.part.editor .monaco-editor').first().boundingBox();
  await page.mouse.move(editor.x + 30, editor.y + editor.height / 2); // over the gutter: no hover
  await sleep(800);
  await host.screenshot(page, file);
}

/** The webview frame whose page holds `selector` with `text` (a webview is an iframe in an iframe). */
async function webviewFrame(page, selector, text) {
  const started = Date.now();
  for (;;) {
    for (const f of page.frames()) {
      if (f !== page.mainFrame() && (await f.locator(selector, { hasText: text }).count().catch(() => 0)) > 0) return f;
    }
    if (Date.now() - started > 2 * TIMEOUT_MS) throw new Error(`no webview shows ${selector} "${text}"`);
    await sleep(100);
  }
}

/** (d) The timeline of Corvania beside its 2022 narrative: convictions, the disagreement, a point's sentence. */
async function timeline(page, file) {
  await openSample(page, 'corvania-2022.tip.txt');
  await page.keyboard.press('Control+B');
  await page.keyboard.press('Control+Shift+P');
  const input = page.locator('.quick-input-widget input');
  await input.fill('>TIP Lens: Show Timeline');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Show Timeline' }).first().waitFor({ state: 'visible', timeout: TIMEOUT_MS });
  await page.keyboard.press('Enter');
  const tl = await webviewFrame(page, 'h1', 'Corvania over the years');
  const convictions = tl.locator('section.metric', { has: tl.locator('h2', { hasText: exactly('convictions') }) });
  await convictions.locator('h2').evaluate((h) => h.scrollIntoView({ block: 'start' }));
  const point = convictions.locator('g[aria-description="restatement"] > *').nth(3);
  await point.waitFor({ state: 'visible', timeout: TIMEOUT_MS });
  await point.click(); // the sentence selected in the narrative
  await page.locator('.part.statusbar').getByText(/\(\d+ selected\)/).waitFor({ state: 'visible', timeout: TIMEOUT_MS });
  await convictions.locator('h2').evaluate((h) => h.scrollIntoView({ block: 'start' }));
  await sleep(300);
  await point.hover();
  await tl.locator('#tooltip').waitFor({ state: 'visible', timeout: TIMEOUT_MS });
  await sleep(500);
  await host.screenshot(page, file);
}

const SHOTS = {
  'report-tree': { take: reportTree, caption: 'The Report view beside a TIP report: its meta, figures by section and metric, money and entities' },
  'money-hover': { take: moneyHover, caption: 'Hovering over an amount of money: the amount converted, and the stated conversion checked against the report\'s other conversions' },
  highlights: { take: highlights, caption: 'Entities, figures and money highlighted in a TIP report, coloured by kind' },
  timeline: {
    take: timeline, folder: path.join(ROOT, 'test', 'fixtures', 'timeline'),
    caption: 'The timeline of a country beside its narrative: a chart and a table per metric, both sources of each year, the disagreement ringed with the check\'s finding',
  },
};

async function main() {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'extension.js'))) throw new Error('dist/extension.js is missing: run `npm run compile` first');
  const wanted = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(SHOTS);
  for (const name of wanted) if (!SHOTS[name]) throw new Error(`no screenshot called ${name}; there are: ${Object.keys(SHOTS).join(', ')}`);
  await host.ensureCodeServer();
  fs.mkdirSync(OUT, { recursive: true });
  let skipped = 0;
  for (const name of wanted) {
    const file = path.join(OUT, `${name}.png`);
    const ok = await withWorkbench((page) => SHOTS[name].take(page, file), SHOTS[name].folder).catch((e) => {
      console.log(`${name}: failed: ${e instanceof Error ? e.message.split('\n')[0] : e}`);
      return false;
    });
    if (ok === false) {
      skipped++;
      console.log(`${name}: skipped (what it shows did not appear); ${path.relative(ROOT, file)} left as it was`);
    } else {
      console.log(`${name}: ${path.relative(ROOT, file)} - ${SHOTS[name].caption}`);
    }
  }
  return skipped === 0 ? 0 : 1;
}

main()
  .catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    return 1;
  })
  .then(async (code) => {
    await host.stopAll();
    process.exit(code);
  });
