// Nothing the reader had is lost: the draft survives a reload, and a crash
// shows a message with the text ready to copy instead of a dead page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launchBrowser } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

const DRAFT = '我的草稿：<b>不是HTML</b>，还有一行。\n第二行 😀';

test('the draft is saved as the reader types and comes back after a reload', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url);
  await page.fill('#paste-text', DRAFT);
  await page.waitForTimeout(800);
  await page.reload();
  await page.waitForSelector('#paste-text');
  await page.waitForFunction((t) => document.querySelector('#paste-text').value === t, DRAFT);
  assert.match(await page.textContent('.message'), /from last time/);
  await context.close();
});

test('a crash shows the reader their text instead of a frozen page', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(server.url);
  await page.fill('#paste-text', DRAFT);
  await page.waitForTimeout(800);
  await page.goto(`${server.url}?selftest=panic`);
  await page.waitForSelector('#crash', { timeout: 10000 });
  assert.match(await page.textContent('#crash h2'), /went wrong/);
  assert.equal(await page.inputValue('#crash textarea'), DRAFT, 'the text is there to copy, as text');
  assert.equal(await page.locator('#crash b').count(), 0);
  await context.close();
});
