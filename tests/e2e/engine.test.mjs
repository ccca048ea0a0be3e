// The engine in its Web Worker: the page works before the engine is ready,
// a long text shows its first screen before the rest, and an engine that
// cannot start says so without losing the reader's text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, serveDist, launchBrowser, watchErrors, readerWords, checkOffsets } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

/** Holds back the worker's wasm until `release()` is called. */
async function holdWorker(page) {
  let release;
  const gate = new Promise((ok) => { release = ok; });
  await page.route('**/dudong-worker_bg.wasm', async (route) => { await gate; await route.continue(); });
  return release;
}

test('the paste area works while the segmenter loads, and Read waits for it', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = watchErrors(page);
  const release = await holdWorker(page);
  await page.goto(server.url);
  await page.waitForSelector('#paste-text');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.engine), 'loading');
  assert.match(await page.textContent('#engine-status'), /Getting ready: you can paste already/);
  await page.fill('#paste-text', '杭州的阿里巴巴发布了新模型。');
  await page.click('#read');
  assert.match(await page.textContent('.message'), /Reading… \(dudong is still getting ready\)/);
  release();
  await page.waitForSelector('#reader .w');
  assert.equal(await page.locator('#engine-status').count(), 0, 'the indicator goes once the engine is ready');
  assert.ok(await page.evaluate(() => performance.getEntriesByName('dudong:engine-ready').length === 1));
  checkOffsets(assert, '杭州的阿里巴巴发布了新模型。', await readerWords(page));
  assert.deepEqual(errors, []);
  await page.close();
});

test('a long article shows its first screen first, then all of it', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = watchErrors(page);
  await page.goto(server.url);
  await page.waitForFunction(() => document.documentElement.dataset.engine === 'ready');
  // About 60,000 characters of the project's own fixtures.
  const parts = await Promise.all(['normal.txt', 'spun.txt', 'normal_tricky.txt'].map((f) => readFile(join(ROOT, 'tests/fixtures', f), 'utf8')));
  let text = '';
  while (Array.from(text).length < 60000) text += parts.join('\n\n') + '\n\n';
  await page.fill('#paste-text', text);
  await page.evaluate(() => {
    // Record the reader's progress states as they happen.
    window.progress = [];
    new MutationObserver(() => {
      const p = document.querySelector('#reader')?.dataset.progress;
      if (p && window.progress.at(-1) !== p) window.progress.push(p);
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-progress'] });
  });
  await page.click('#read');
  await page.waitForSelector('#reader[data-progress="complete"]', { timeout: 60000 });
  const seen = await page.evaluate(() => window.progress);
  assert.equal(seen[0], 'partial', `first the first screen (${seen})`);
  assert.equal(seen.at(-1), 'complete');
  const marks = await page.evaluate(() => ['dudong:first-screen', 'dudong:complete'].map((n) => performance.getEntriesByName(n)[0]?.startTime));
  assert.ok(marks[0] < marks[1], 'the first screen is marked before the whole');
  checkOffsets(assert, text, await readerWords(page));
  // Every paragraph is in the page (find-in-page sees the whole article).
  const paragraphs = text.split(/\n\s*\n/).filter((p) => p.trim()).length;
  assert.equal(await page.locator('#reader > p').count(), paragraphs);
  // Arrow keys still move word by word at the far end.
  await page.locator('#reader .w').last().evaluate((w) => { w.tabIndex = -1; w.focus(); });
  const last = await page.evaluate(() => document.activeElement.dataset.start);
  await page.keyboard.press('ArrowLeft');
  const before = await page.evaluate(() => document.activeElement.dataset.start);
  assert.ok(Number(before) < Number(last), `ArrowLeft moves back (${last} → ${before})`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('an engine that cannot start says so and keeps the text', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.route('**/dudong-worker_bg.wasm', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.goto(server.url);
  await page.waitForSelector('#engine-status.failed', { timeout: 20000 });
  assert.match(await page.textContent('#engine-status'), /segmenter stopped/);
  await page.fill('#paste-text', '这段文字不会丢。');
  await page.click('#read');
  await page.waitForFunction(() => /analysis stopped|segmenter stopped/.test(document.body.textContent));
  assert.equal(await page.inputValue('#paste-text'), '这段文字不会丢。');
  await page.close();
});

test("the worker asks for its wasm without waiting for its glue script", async () => {
  // The glue is held until the wasm has been asked for: a loader that asked
  // for the wasm only after the glue (one round trip more on a phone's
  // connection) would never get there, and the engine would not start.
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = watchErrors(page);
  let wasmAsked;
  const asked = new Promise((ok) => { wasmAsked = ok; });
  await page.route('**/dudong-worker_bg.wasm', async (route) => { wasmAsked(); await route.continue(); });
  await page.route('**/dudong-worker.js', async (route) => { await asked; await route.continue(); });
  await page.goto(server.url);
  await page.waitForFunction(() => document.documentElement.dataset.engine === 'ready', null, { timeout: 20000 });
  // No errors: the Content-Security-Policy allows the inline script that starts the worker.
  assert.deepEqual(errors, []);
  await page.close();
});
