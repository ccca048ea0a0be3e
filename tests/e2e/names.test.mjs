// The learned name model: it arrives after the first highlights and the
// article on screen is read again in place; a damaged model is a notice,
// and the curated highlights stay.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launchBrowser, watchErrors, readerWords, checkOffsets, screenshot, holdDownload } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

const NAME_LINE = '昨天，王海涛在云溪镇会见了蓝湾动力公司的代表。';

const people = (page) => page.$$eval('#reader mark[data-kind="person"]', (els) => els.map((el) => el.textContent));

test('names the lists do not hold appear when the model arrives, without moving the page', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = watchErrors(page);
  const release = await holdDownload(page, '**/ner.model');
  await page.goto(server.url);
  await page.waitForFunction(() => document.documentElement.dataset.engine === 'ready');
  // Enough ordinary text above the name that the reader has scrolled.
  const filler = '今年以来，各地经济运行总体平稳，市场预期逐步改善，企业信心有所增强。\n\n'.repeat(40);
  const text = filler + NAME_LINE;
  await page.fill('#paste-text', text);
  await page.click('#read');
  await page.waitForSelector('#reader[data-progress="complete"]');
  await page.waitForSelector('#panel-body[aria-busy="false"]');
  // Let the first layout settle before scrolling.
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(ok, 300)))));
  assert.deepEqual(await people(page), [], 'the curated layer alone does not know 王海涛');
  // Paragraphs far from the screen are laid out at an estimated height
  // (content-visibility) until they come near it: scroll, let the page
  // settle, and scroll to the end again.
  for (let i = 0; i < 2; i++) {
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(ok, 300)))));
  }
  const scrolled = await page.evaluate(() => window.scrollY);
  assert.ok(scrolled > 200, `the page scrolled (${scrolled})`);
  // The word in the middle of the screen, and where it is: reading again
  // must leave it there (paragraphs above may be laid out anew, and the
  // browser's scroll anchoring then moves scrollY to keep it in place).
  const anchor = () => page.evaluate(() => {
    const el = document.elementFromPoint(640, 400)?.closest('[data-start]');
    return el ? { start: el.dataset.start, top: el.getBoundingClientRect().top } : null;
  });
  const where = (start) => page.evaluate((s) => document.querySelector(`#reader [data-start="${s}"]`)?.getBoundingClientRect().top, start);
  const seen = await anchor();
  assert.ok(seen, 'a word in the middle of the screen');
  release();
  await page.waitForFunction(() => document.documentElement.dataset.namesModel === 'ready');
  await page.waitForFunction(() => [...document.querySelectorAll('#reader mark[data-kind="person"]')].some((m) => m.textContent === '王海涛'));
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
  const top = await where(seen.start);
  assert.ok(Math.abs(top - seen.top) <= 2, `reading again left the word on screen where it was (${seen.top} → ${top})`);
  checkOffsets(assert, text, await readerWords(page));
  // Its card says where the name comes from and gives no description.
  await page.click('#reader mark[data-kind="person"]');
  await page.waitForSelector('#card');
  const card = await page.textContent('#card');
  assert.match(card, /Found in this text; not in dudong's list of names/);
  await screenshot(page, 'names-model-card');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a damaged name model is a notice, and the curated highlights stay', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = watchErrors(page);
  await page.route('**/ner.model', (route) => route.fulfill({ status: 200, contentType: 'application/octet-stream', body: Buffer.from('DDNER\0\0\0 not really a model') }));
  await page.goto(server.url);
  await page.waitForFunction(() => document.documentElement.dataset.engine === 'ready');
  const text = '阿里巴巴在杭州发布了新模型。' + NAME_LINE;
  await page.fill('#paste-text', text);
  await page.click('#read');
  await page.waitForSelector('#reader mark[data-kind="org"]');
  await page.waitForFunction(() => document.documentElement.dataset.namesModel === 'failed');
  assert.match(await page.textContent('#notice'), /may be missed/);
  assert.ok((await page.$$('#reader mark[data-kind="place"]')).length >= 1, 'curated places still highlighted');
  assert.deepEqual(errors, []);
  await page.close();
});
