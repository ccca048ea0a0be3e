// The foundation end to end: load the sample, paste a text, read, edit again.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, serveDist, launchBrowser, watchErrors, screenshot, readerWords, checkOffsets } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

test('the sample loads into a segmented reading view', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = watchErrors(page);
  await page.goto(server.url);
  await page.click('#sample');
  await page.waitForSelector('#reader .w');
  const sample = await readFile(join(ROOT, 'crates/engine/src/knowledge/sample.txt'), 'utf8');
  const words = await readerWords(page);
  checkOffsets(assert, sample, words);
  assert.ok(words.some((w) => w.text === '合肥'), 'jieba keeps 合肥 whole');
  // Blank lines in the sample separate paragraphs.
  const paragraphs = sample.split(/\n\s*\n/).filter((p) => p.trim()).length;
  assert.equal(await page.locator('#reader p').count(), paragraphs);
  await screenshot(page, 'sample-desktop');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a pasted text is read with exact offsets and comes back intact', async () => {
  const page = await browser.newPage({ viewport: { width: 375, height: 812 } });
  const errors = watchErrors(page);
  await page.goto(server.url);
  const text = '马斯克在2月20日发布了Grok-3。😀表情👍🏽也在这里\n第二行：DeepSeek，增长70%。\n\n新段落 with English words.';
  await page.fill('#paste-text', text);
  await page.click('#read');
  await page.waitForSelector('#reader .w');
  const words = await readerWords(page);
  checkOffsets(assert, text, words);
  assert.ok(words.some((w) => w.text === 'Grok-3'));
  assert.equal(await page.locator('#reader p').count(), 2);
  assert.equal(await page.locator('#reader br').count(), 1);
  await screenshot(page, 'paste-phone');
  await page.getByRole('button', { name: /Edit text/ }).click();
  assert.equal(await page.inputValue('#paste-text'), text);
  assert.deepEqual(errors, []);
  await page.close();
});

test('reading an empty text says so and keeps the page', async () => {
  const page = await browser.newPage();
  await page.goto(server.url);
  await page.fill('#paste-text', '   ');
  await page.click('#read');
  await page.waitForSelector('.message');
  assert.match(await page.textContent('.message'), /nothing to read/);
  assert.equal(await page.locator('#reader').count(), 0);
  await page.close();
});
