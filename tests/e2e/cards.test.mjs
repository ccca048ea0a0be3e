// Cards by mouse, touch and keyboard; inside the viewport; the panel's
// counts agree with the CLI's spans.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, serveDist, launchBrowser, watchErrors, screenshot, namesSettled, readArticle } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

const SPUN = join(ROOT, 'tests/fixtures/spun.txt');

// The full engine's reading: a tap on a first-phase highlight that phase two
// renumbers or drops would race the re-read.
async function open(page, text) {
  await readArticle(page, text, { url: server.url, names: true });
  await page.waitForSelector('#reader mark');
}

async function cardInsideViewport(page) {
  const box = await page.locator('#card').boundingBox();
  const vp = page.viewportSize();
  assert.ok(box, 'the card is shown');
  assert.ok(box.x >= 0 && box.y >= 0, `card at ${box.x},${box.y}`);
  assert.ok(box.x + box.width <= vp.width + 0.5, `card right edge ${box.x + box.width} > ${vp.width}`);
  assert.ok(box.y + box.height <= vp.height + 0.5, `card bottom ${box.y + box.height} > ${vp.height}`);
}

test('hovering a spun term opens its card after a short delay, and Escape closes it', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = watchErrors(page);
  await open(page, await readFile(SPUN, 'utf8'));
  const term = page.locator('#reader mark[data-kind="term"]', { hasText: '耐烦资源' }).first();
  await term.hover();
  await page.waitForSelector('#card', { timeout: 3000 });
  const card = await page.textContent('#card');
  assert.match(card, /耐心资本/);
  assert.match(card, /machine-spun/);
  await cardInsideViewport(page);
  // The pointer can move onto the card without closing it.
  await page.locator('#card').hover();
  await page.waitForTimeout(500);
  assert.equal(await page.locator('#card').count(), 1);
  await screenshot(page, 'card-desktop');
  await page.keyboard.press('Escape');
  await page.waitForSelector('#card', { state: 'detached' });
  assert.deepEqual(errors, []);
  await page.close();
});

test('tapping opens a card that stays inside a 375 px wide screen', async () => {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await open(page, await readFile(SPUN, 'utf8'));
  const marks = page.locator('#reader mark[data-kind="spin"]');
  const n = await marks.count();
  assert.ok(n > 3);
  for (const i of [0, Math.floor(n / 2), n - 1]) {
    const spin = marks.nth(i);
    await spin.scrollIntoViewIfNeeded();
    await spin.tap();
    await page.waitForSelector('#card');
    assert.match(await page.textContent('#card'), /likely/);
    await cardInsideViewport(page);
    if (i === 0) await screenshot(page, 'card-phone');
    // Tapping the same highlight again closes its card (a toggletip).
    await spin.tap();
    await page.waitForSelector('#card', { state: 'detached' });
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('the keyboard moves between highlights and words, opens and closes cards', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await open(page, await readFile(SPUN, 'utf8'));
  // Tab reaches the first highlight.
  await page.locator('#reader').evaluate((el) => el.querySelector('mark').focus());
  const first = await page.evaluate(() => document.activeElement.dataset.span);
  assert.ok(first !== undefined, 'a highlight has focus');
  await page.keyboard.press('Tab');
  const second = await page.evaluate(() => document.activeElement.dataset.span);
  assert.notEqual(second, first, 'Tab moves to the next highlight');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#card');
  await page.keyboard.press('Escape');
  await page.waitForSelector('#card', { state: 'detached' });
  assert.equal(await page.evaluate(() => document.activeElement.dataset.span), second, 'focus returns to the highlight');
  // Arrow keys move word by word.
  await page.keyboard.press('ArrowRight');
  const w1 = await page.evaluate(() => Number(document.activeElement.dataset.start));
  await page.keyboard.press('ArrowRight');
  const w2 = await page.evaluate(() => Number(document.activeElement.dataset.start));
  assert.ok(w2 > w1, `ArrowRight moves forward (${w1} → ${w2})`);
  await page.keyboard.press('ArrowLeft');
  assert.equal(await page.evaluate(() => Number(document.activeElement.dataset.start)), w1);
  await page.keyboard.press(' ');
  await page.waitForSelector('#card');
  await page.close();
});

test("the panel's counts are the CLI's", async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await open(page, await readFile(SPUN, 'utf8'));
  await namesSettled(page);
  const cli = JSON.parse(execFileSync(join(ROOT, 'target/release/dudong'), ['annotate', '--json', SPUN], { encoding: 'utf8' })).spans;
  for (const kind of ['person', 'org', 'place', 'figure', 'term', 'spin']) {
    const expected = cli.filter((s) => s.kind === kind).length;
    const group = page.locator(`#panel section[data-kind="${kind}"] .group-count`);
    if (expected === 0) { assert.equal(await group.count(), 0); continue; }
    assert.equal(Number(await group.getAttribute('data-count')), expected, kind);
  }
  // Switching a kind off removes its highlighting.
  await page.locator('#panel section[data-kind="spin"] input[type=checkbox]').uncheck();
  assert.match(await page.getAttribute('#reader', 'class'), /hide-spin/);
  await page.close();
});

test('a plain word opens its dictionary card; pinyin shows above words; Anki export downloads', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = watchErrors(page);
  await open(page, '我们今天在杭州讨论经济。');
  const word = page.locator('#reader .w', { hasText: '经济' }).first();
  await word.click();
  await page.waitForSelector('#card');
  // The dictionary arrives after first paint; the card says so until then.
  await page.waitForFunction(() => !document.querySelector('#card').textContent.includes('loading dictionary'), null, { timeout: 20000 });
  const card = await page.textContent('#card');
  assert.match(card, /jīng jì/);
  assert.match(card, /economy/);
  await page.keyboard.press('Escape');
  await page.click('#pinyin-toggle');
  await page.waitForSelector('#reader.pinyin .w[data-py]');
  assert.equal(await word.getAttribute('data-py'), 'jīngjì');
  assert.equal(await word.textContent(), '经济', 'the word text is unchanged');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#anki-export')]);
  const path = await download.path();
  const csv = await readFile(path, 'utf8');
  assert.match(csv, /"经济","jīngjì","[^"]*economy[^"]*","我们今天在杭州讨论经济。"/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a reader glossary is imported and kept; a bad one names the line and field', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(server.url);
  const good = 'term,pinyin,en,category,zh,explain,aliases,spun,related\n' +
    '数据要素,shùjù yàosù,data as a factor of production,economy,数据是生产要素。,Data treated like land or capital.,,数据因素,\n';
  await page.setInputFiles('#glossary-file', { name: 'mine.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
  await page.waitForSelector('.import-ok');
  assert.match(await page.textContent('.import-ok'), /1 terms from mine\.csv/);
  await page.fill('#paste-text', '各地都在推进数据因素市场化。');
  await page.click('#read');
  const term = page.locator('#reader mark[data-kind="term"]', { hasText: '数据因素' });
  await term.click();
  await page.waitForSelector('#card');
  assert.match(await page.textContent('#card'), /data as a factor of production/);
  // Kept in the browser: a reload still knows the term.
  await page.reload();
  await page.waitForSelector('.import-ok');
  // A bad file: the message names the line and the field; the good glossary stays.
  const bad = good + '算力网,suànlì wǎng,compute network,tech,说明,,,,\n';
  await page.setInputFiles('#glossary-file', { name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
  await page.waitForSelector('.glossary-import .message');
  assert.match(await page.textContent('.glossary-import .message'), /bad\.csv, line 3, field `explain`/);
  await context.close();
});

test('an entity card steps through every mention and stays on screen', async () => {
  const page = await browser.newPage({ viewport: { width: 375, height: 812 }, hasTouch: true });
  await page.goto(server.url);
  await page.click('#sample');
  await page.waitForSelector('#reader mark');
  await namesSettled(page);
  const first = page.locator('#reader mark[data-kind="place"]', { hasText: '合肥' }).first();
  await first.click();
  await page.waitForSelector('#card');
  const total = Number((await page.textContent('#card')).match(/Mention 1 of (\d+)/)[1]);
  assert.ok(total >= 3, `合肥 is mentioned ${total} times`);
  for (let i = 2; i <= total; i++) {
    await page.getByRole('button', { name: 'Next →' }).click();
    await page.waitForFunction((n) => document.querySelector('#card').textContent.includes(`Mention ${n} of`), i);
    await cardInsideViewport(page);
  }
  await page.close();
});
