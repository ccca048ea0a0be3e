// Whole pasted web pages (the article found, the rest dimmed and not
// counted) and traditional Chinese (read as simplified, shown as pasted).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, serveDist, launchBrowser, watchErrors, readerWords, checkOffsets, gotoPasteArea, screenshot, namesSettled } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

const fixture = (name) => readFile(join(ROOT, 'tests/fixtures', name), 'utf8');

async function read(page, text) {
  await gotoPasteArea(page, server.url);
  await page.fill('#paste-text', text);
  await page.click('#read');
  await page.waitForSelector('#reader[data-progress="complete"]');
}

test('a whole web page: the article is found, the rest dimmed and left out of the counts', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = watchErrors(page);
  const text = await fixture('whole_page.txt');
  await read(page, text);
  checkOffsets(assert, text, await readerWords(page));
  // The navigation line is outside the article, the headline inside.
  const outside = await page.$$eval('#reader .w.out', (els) => els.map((e) => e.textContent).join(''));
  assert.match(outside, /首页/, 'the menu is dimmed');
  const headline = await page.$$eval('#reader .w', (els) => els.filter((e) => e.textContent === '夜校').map((e) => e.classList.contains('out')));
  assert.ok(headline.length > 0 && headline.every((out) => !out), 'the article is not dimmed');
  const opacity = await page.$eval('#reader .w.out', (e) => getComputedStyle(e).opacity);
  assert.ok(Number(opacity) < 1, `dimmed (${opacity})`);
  // Highlights outside the article are not counted in the panel.
  const outsideMarks = await page.$$eval('#reader mark.out', (els) => els.map((e) => e.textContent));
  await page.waitForSelector('#panel-body[aria-busy="false"]');
  const panel = await page.textContent('.panel');
  for (const m of outsideMarks.filter((m) => !text.slice(text.indexOf('夜校')).includes(m))) {
    assert.ok(!panel.includes(m), `${m} (outside the article) is not in the overview`);
  }
  await screenshot(page, 'whole-page-dimmed');
  await page.click('#whole-page');
  assert.equal(await page.getAttribute('#whole-page', 'aria-pressed'), 'true');
  assert.equal(await page.$eval('#reader .w.out', (e) => getComputedStyle(e).opacity), '1');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a plain article has nothing dimmed and no whole-page switch', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await read(page, await fixture('normal.txt'));
  assert.equal(await page.locator('#reader .out').count(), 0);
  assert.equal(await page.locator('#whole-page').count(), 0);
  await page.close();
});

test('a traditional article is highlighted as its simplified form is, and shown as pasted', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = watchErrors(page);
  const simplified = await fixture('normal.txt');
  await read(page, simplified);
  // Both readings with the name model (it arrives after the first).
  await namesSettled(page);
  const want = await page.$$eval('#reader mark', (els) => els.map((e) => `${e.dataset.kind}@${e.dataset.start}-${e.dataset.end}`));
  const traditional = await fixture('normal_traditional.txt');
  await read(page, traditional);
  await namesSettled(page);
  const got = await page.$$eval('#reader mark', (els) => els.map((e) => `${e.dataset.kind}@${e.dataset.start}-${e.dataset.end}`));
  assert.deepEqual(got, want, 'the same highlights at the same places');
  // The words on screen are the reader's own characters.
  checkOffsets(assert, traditional, await readerWords(page));
  assert.match(await page.textContent('#summary'), /traditional characters, read as simplified/);
  // The panel lists the text's own characters, not the simplified copy's.
  await page.waitForSelector('#panel-body[aria-busy="false"]');
  const panel = await page.textContent('#panel');
  for (const own of ['小米集團', '比亞迪', '產業鏈']) assert.ok(panel.includes(own), `${own} in the panel: ${panel}`);
  for (const simplified of ['小米集团', '比亚迪', '产业链']) assert.ok(!panel.includes(simplified), `no ${simplified} in the panel`);
  await screenshot(page, 'traditional-desktop');
  assert.deepEqual(errors, []);
  await page.close();
});
