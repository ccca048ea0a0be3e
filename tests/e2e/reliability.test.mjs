// Nothing the reader had is lost: the draft survives a reload, and a crash
// shows a message with the text ready to copy instead of a dead page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
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

test('marks and the view come back after a reload', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url);
  await page.click('#sample');
  await page.waitForSelector('#reader mark');
  await page.evaluate(() => {
    const words = [...document.querySelectorAll('#reader .w')].slice(3, 6);
    const range = document.createRange();
    range.setStartBefore(words[0].firstChild);
    range.setStart(words[0].firstChild, 0);
    range.setEnd(words[2].firstChild, words[2].firstChild.length);
    getSelection().removeAllRanges();
    getSelection().addRange(range);
  });
  await page.click('#mark');
  await page.waitForSelector('#reader .w.marked');
  await page.locator('#panel section[data-kind="place"] input[type=checkbox]').uncheck();
  const marked = await page.$$eval('#reader .w.marked', (els) => els.map((e) => e.dataset.start));
  await page.waitForTimeout(300);
  await page.reload();
  await page.waitForSelector('#reader .w.marked');
  assert.deepEqual(await page.$$eval('#reader .w.marked', (els) => els.map((e) => e.dataset.start)), marked);
  assert.match(await page.getAttribute('#reader', 'class'), /hide-place/);
  await context.close();
});

test('bad input has a clear outcome and exact offsets in the browser', async () => {
  const { checkOffsets } = await import('./harness.mjs');
  const cases = [
    ['CRLF and lone CR', '第一行\r\n第二行\r第三行'],
    ['right-to-left', 'مرحبا بالعالم 与 עברית 混排'],
    ['emoji and combining marks', '👨‍👩‍👧 e\u0301 🇨🇳 中文'],
    ['controls', '控制\u0007字符\u200b零宽\u202e反向'],
    ['traditional', '臺灣的半導體產業鏈舉足輕重。'],
    ['no Chinese', 'Nothing here is Chinese: 42 and 7%.'],
    ['HTML source', '<p class="x">段落</p><script>alert(1)</script>'],
    ['Markdown', '# 标题\n\n**加粗** 和 [链接](http://example.com)'],
  ];
  const page = await browser.newPage();
  let dialogs = 0;
  page.on('dialog', async (d) => { dialogs++; await d.dismiss(); });
  const { gotoPasteArea } = await import('./harness.mjs');
  for (const [what, text] of cases) {
    await gotoPasteArea(page, server.url);
    await page.fill('#paste-text', text);
    await page.click('#read');
    await page.waitForSelector('#reader .w');
    const value = text.replace(/\r\n?/g, '\n'); // a textarea's value has \n line ends
    const words = await page.$$eval('#reader .w', (els) => els.map((el) => ({ start: +el.dataset.start, end: +el.dataset.end, text: el.textContent })));
    checkOffsets(assert, value, words);
    assert.ok(words.length > 0, what);
  }
  // Past the reading view's limit: a message, and the text stays.
  await gotoPasteArea(page, server.url);
  const long = '长'.repeat(300_001);
  await page.fill('#paste-text', long);
  await page.click('#read');
  await page.waitForSelector('.message');
  assert.match(await page.textContent('.message'), /300,001 characters/);
  assert.equal((await page.inputValue('#paste-text')).length, long.length);
  assert.equal(dialogs, 0);
  await page.close();
});

test('files open as text; a 50 MB file is refused with a message and the draft stays', async () => {
  const page = await browser.newPage();
  let dialogs = 0;
  page.on('dialog', async (d) => { dialogs++; await d.dismiss(); });
  await page.goto(server.url);
  await page.fill('#paste-text', '原来的草稿');
  // Playwright hands large files over by path.
  const { mkdtemp, writeFile, rm } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const dir = await mkdtemp(join(tmpdir(), 'dudong-'));
  const big = join(dir, 'big.txt');
  await writeFile(big, Buffer.alloc(50 * 1024 * 1024, 0x61));
  await page.setInputFiles('#article-file', big);
  await rm(dir, { recursive: true, force: true }).catch(() => {});
  await page.waitForSelector('.message');
  assert.match(await page.textContent('.message'), /big\.txt is 50\.0 MB; dudong opens files up to 5 MB/);
  assert.equal(await page.inputValue('#paste-text'), '原来的草稿');
  const html = '<html><head><style>p{}</style><script>alert(1)</script></head><body><h1>标题</h1><p>第一段<b>加粗</b>。</p>' +
    '<img src=x onerror=alert(2)><p>第二段</p></body></html>';
  await page.setInputFiles('#article-file', { name: 'page.html', mimeType: 'text/html', buffer: Buffer.from(html) });
  await page.waitForFunction(() => document.querySelector('#paste-text').value.includes('第二段'));
  assert.equal(await page.inputValue('#paste-text'), '标题\n\n第一段加粗。\n\n第二段');
  await page.setInputFiles('#article-file', { name: 'note.md', mimeType: 'text/markdown', buffer: Buffer.from('# 标题\n\n**正文**') });
  await page.waitForFunction(() => document.querySelector('#paste-text').value.startsWith('# 标题'));
  assert.equal(dialogs, 0);
  await page.close();
});

test('lone surrogates from the clipboard become U+FFFD with exact offsets', async () => {
  const { checkOffsets } = await import('./harness.mjs');
  const page = await browser.newPage();
  await page.goto(server.url);
  const text = '前\uD800后\uDC00尾 😀';
  await page.fill('#paste-text', text);
  await page.click('#read');
  await page.waitForSelector('#reader .w');
  const words = await page.$$eval('#reader .w', (els) => els.map((el) => ({ start: +el.dataset.start, end: +el.dataset.end, text: el.textContent })));
  checkOffsets(assert, text.toWellFormed(), words);
  await page.close();
});
