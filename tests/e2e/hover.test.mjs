// Hovering as readers expect (WCAG 1.4.13): a card opened by the mouse
// stays while the pointer is on its word or on the card and closes once it
// has left both; a click pins it; no card opens under a pointer that did not
// move; only what the reader adds ("+ Anki", or a pinned card) goes to the
// Anki export.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, serveDist, launchBrowser, watchErrors, screenshot, namesSettled, readArticle, holdDownload } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

const SPUN = join(ROOT, 'tests/fixtures/spun.txt');

/** Reads `text` and waits until it has been read with the name model too:
 *  that second reading replaces the article's elements, and a pointer
 *  moved onto a word just then rests on the new word without moving, which
 *  by design opens nothing. */
async function open(page, text) {
  await readArticle(page, text, { url: server.url, names: true });
  await page.waitForSelector('#reader mark');
}

/** Moves the mouse to a spot of the page that is neither the article nor a card. */
async function moveAway(page) {
  const box = await page.locator('.masthead h1').boundingBox();
  await page.mouse.move(box.x + 5, box.y + 5, { steps: 4 });
}

async function ankiCount(page) {
  return Number((await page.textContent('#anki-export')).match(/\((\d+)\)/)[1]);
}

test('a hover card stays while the pointer is on the word or the card, and closes when it leaves both', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = watchErrors(page);
  await open(page, await readFile(SPUN, 'utf8'));
  const term = page.locator('#reader mark[data-kind="term"]', { hasText: '耐烦资源' }).first();

  // Word → away: the card closes.
  await term.hover();
  await page.waitForSelector('#card[data-pinned="false"]');
  await moveAway(page);
  await page.waitForSelector('#card', { state: 'detached' });

  // Word → card: it stays while the pointer is on it (past the grace delay).
  await term.hover();
  await page.waitForSelector('#card');
  await page.locator('#card .card-kind').hover();
  await page.waitForTimeout(800);
  assert.equal(await page.locator('#card').count(), 1, 'the card stays while hovered');
  // Card → away: it closes.
  await moveAway(page);
  await page.waitForSelector('#card', { state: 'detached' });

  // A click pins the card: leaving no longer closes it, Escape does.
  await term.hover();
  await page.waitForSelector('#card');
  await term.click();
  await page.waitForSelector('#card[data-pinned="true"]');
  await moveAway(page);
  await page.waitForTimeout(800);
  assert.equal(await page.locator('#card').count(), 1, 'a pinned card stays');
  await page.keyboard.press('Escape');
  await page.waitForSelector('#card', { state: 'detached' });
  assert.deepEqual(errors, []);
  await page.close();
});

test('no card opens under a pointer that did not move when the article appears', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = watchErrors(page);
  const text = await readFile(SPUN, 'utf8');
  await open(page, text);
  // Where a highlighted word will be when the same text is read again.
  const target = page.locator('#reader mark[data-kind="spin"]').nth(2);
  const box = await target.boundingBox();
  const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
  await page.getByRole('button', { name: /Edit text/ }).click();
  await page.waitForSelector('#paste-text');
  // The mouse goes there and rests; Read is pressed from the keyboard.
  await page.mouse.move(x, y, { steps: 5 });
  await page.focus('#read');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#reader mark');
  const under = await page.evaluate(([px, py]) => document.elementFromPoint(px, py)?.closest('#reader .w, #reader mark') != null, [x, y]);
  assert.ok(under, 'the resting pointer is over a word of the article');
  // Well past the hover delay: nothing opened, nothing was added.
  await page.waitForTimeout(1200);
  assert.equal(await page.locator('#card').count(), 0, 'no card under a resting pointer');
  assert.equal(await ankiCount(page), 0);
  // A real move over the same word does open its card.
  await page.mouse.move(x + 2, y, { steps: 2 });
  await page.waitForSelector('#card');
  assert.deepEqual(errors, []);
  await page.close();
});

test('hovering adds nothing to the Anki list; "+ Anki" and a pinned card do', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = watchErrors(page);
  await open(page, await readFile(SPUN, 'utf8'));
  assert.equal(await ankiCount(page), 0);
  assert.ok(await page.isDisabled('#anki-export'));
  // Three cards opened by hovering, each closed by leaving: nothing added.
  const spins = page.locator('#reader mark[data-kind="spin"]');
  for (const i of [0, 3, 6]) {
    await spins.nth(i).hover();
    await page.waitForSelector('#card');
    await moveAway(page);
    await page.waitForSelector('#card', { state: 'detached' });
  }
  assert.equal(await ankiCount(page), 0, 'hovering never adds silently');

  // "+ Anki" on a hover card adds what it explains.
  const success = page.locator('#reader mark[data-kind="spin"]', { hasText: '乐成' }).first();
  await success.hover();
  await page.waitForSelector('#card');
  await page.locator('#card-anki').click();
  await page.waitForFunction(() => document.querySelector('#card-anki')?.getAttribute('aria-pressed') === 'true');
  assert.match(await page.textContent('#card-anki'), /In Anki list/);
  assert.equal(await ankiCount(page), 1);
  await screenshot(page, 'card-anki-added');
  // Pressing it again takes it off.
  await page.locator('#card-anki').click();
  await page.waitForFunction(() => document.querySelector('#card-anki')?.getAttribute('aria-pressed') === 'false');
  assert.equal(await ankiCount(page), 0);
  await page.locator('#card-anki').click();
  assert.equal(await ankiCount(page), 1);
  await page.keyboard.press('Escape');
  await page.waitForSelector('#card', { state: 'detached' });

  // A clicked (pinned) card is added too.
  // A plain word (outside any highlight) of two Chinese characters or more.
  const plain = await page.$$eval('#reader p > .w', (els) => els.map((e) => e.textContent).find((t) => /^\p{Script=Han}{2,}$/u.test(t)));
  assert.ok(plain, 'the text has a plain word');
  const word = page.locator('#reader p > .w', { hasText: plain }).first();
  await word.click();
  await page.waitForSelector('#card[data-pinned="true"]');
  assert.equal(await page.getAttribute('#card-anki', 'aria-pressed'), 'true');
  assert.equal(await ankiCount(page), 2);
  await page.keyboard.press('Escape');

  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#anki-export')]);
  const csv = await readFile(await download.path(), 'utf8');
  const rows = csv.split('\n').filter((l) => l.startsWith('"'));
  assert.equal(rows.length, 2, csv);
  assert.match(rows[0], /^"成功"/, 'the spun word is exported as its likely original');
  assert.ok(rows[1].startsWith(`"${plain}"`), rows[1]);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a hover card stays open while the article is read again under the resting pointer', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = watchErrors(page);
  // The name model (whose arrival reads the article again) waits until the card is open.
  const release = await holdDownload(page, '**/ner.model');
  await page.goto(server.url);
  await page.fill('#paste-text', await readFile(SPUN, 'utf8'));
  await page.click('#read');
  await page.waitForSelector('#reader mark');
  const term = page.locator('#reader mark[data-kind="term"]', { hasText: '耐烦资源' }).first();
  await term.hover();
  await page.waitForSelector('#card[data-pinned="false"]');
  assert.equal(await page.getAttribute('#reader', 'data-names'), 'lists');
  release();
  await namesSettled(page);
  // Well past the grace delay: the pointer never left, so the card is still there.
  await page.waitForTimeout(800);
  assert.equal(await page.locator('#card').count(), 1, 'the card stays');
  assert.match(await page.textContent('#card'), /耐心资本/);
  // Leaving closes it as usual.
  await moveAway(page);
  await page.waitForSelector('#card', { state: 'detached' });
  assert.deepEqual(errors, []);
  await page.close();
});
