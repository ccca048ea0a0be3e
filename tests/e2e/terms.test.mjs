// The open term lexicon: it arrives after the first highlights with the
// name model, and the article on screen is read again with the terms the
// curated glossary lacks; their cards are the dictionary's and say where the
// word list comes from. A damaged lexicon is a notice; curated terms stay.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launchBrowser, watchErrors, screenshot, holdDownload } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

// 资产负债率 and 配售 are in the open lexicon, not in the glossary;
// 耐心资本 is a curated term.
const TEXT = '分析师认为，这家公司的现金流充裕，可转债配售完成后资产负债率将明显下降。\n\n'
  + '他还说，更多耐心资本正在投向早期科技企业，这对创业者来说是个好消息。今天的天气很好，大家都很高兴，晚上一起去吃饭。';

const terms = (page) => page.$$eval('#reader mark[data-kind="term"]', (els) => els.map((el) => el.textContent));

test('terms the glossary lacks appear once the lexicon arrives, with a dictionary card', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = watchErrors(page);
  const release = await holdDownload(page, '**/terms.lex');
  await page.goto(server.url);
  await page.waitForFunction(() => document.documentElement.dataset.engine === 'ready');
  await page.fill('#paste-text', TEXT);
  await page.click('#read');
  await page.waitForSelector('#reader[data-progress="complete"]');
  const first = await terms(page);
  assert.ok(first.includes('耐心资本'), `curated term first: ${first}`);
  assert.ok(!first.includes('资产负债率'), 'no open term before the lexicon arrives');
  release();
  await page.waitForFunction(() => document.documentElement.dataset.termsLexicon === 'ready');
  await page.waitForFunction(() => [...document.querySelectorAll('#reader mark[data-kind="term"]')].some((m) => m.textContent === '资产负债率'));
  const now = await terms(page);
  assert.ok(now.includes('耐心资本'), 'the curated term stays');
  await page.locator('#reader mark[data-kind="term"]', { hasText: /^资产负债率$/ }).first().click();
  await page.waitForSelector('#card');
  await page.waitForFunction(() => !document.querySelector('#card').textContent.includes('loading dictionary'));
  const card = await page.textContent('#card');
  assert.match(card, /open word lists/);
  assert.match(card, /ratio|liabilit/i, `the CC-CEDICT gloss: ${card}`);
  await screenshot(page, 'open-term-card');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a damaged term lexicon is a notice, and curated terms stay', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = watchErrors(page);
  await page.route('**/terms.lex', (route) => route.fulfill({ status: 200, contentType: 'application/octet-stream', body: Buffer.from('DDTERMS\0 truncated') }));
  await page.goto(server.url);
  await page.waitForFunction(() => document.documentElement.dataset.engine === 'ready');
  await page.fill('#paste-text', TEXT);
  await page.click('#read');
  await page.waitForSelector('#reader mark[data-kind="term"]');
  await page.waitForFunction(() => document.documentElement.dataset.termsLexicon === 'failed');
  assert.match(await page.textContent('#notice'), /only the terms of dudong's own glossary/i);
  const shown = await terms(page);
  assert.ok(shown.includes('耐心资本'), `curated terms still highlighted: ${shown}`);
  assert.ok(!shown.includes('资产负债率'));
  assert.deepEqual(errors, []);
  await page.close();
});
