// The library: articles read are kept with their title, date and marks;
// reopened, renamed, deleted (with undo), exported and imported back; bad
// files and a full storage are named and change nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { serveDist, launchBrowser, watchErrors, shot, readArticle } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

const A = '合肥的耐心资本\n\n2024年11月，安徽省合肥市公布了一组数据。蔚来汽车把中国总部留在了合肥。';
const B = '深圳的新能源汽车。\n\n华为在深圳发布了新手机，销量增长了12.5%。';

async function read(page, text) {
  await readArticle(page, text);
}

/** Selects word elements first..last of the article and marks them. */
async function markWords(page, first, last, note = '') {
  // The note first: typing moves the browser's selection into the note field.
  if (note) await page.fill('#mark-note', note);
  await page.evaluate(([first, last]) => {
    const words = [...document.querySelectorAll('#reader .w')];
    const range = document.createRange();
    range.setStart(words[first].firstChild, 0);
    range.setEnd(words[last].firstChild, words[last].firstChild.length);
    getSelection().removeAllRanges();
    getSelection().addRange(range);
  }, [first, last]);
  await page.click('#mark');
  await page.waitForSelector('#reader .w.marked');
}

async function toList(page) {
  await page.getByRole('button', { name: /Edit text/ }).click();
  await page.waitForSelector('#library');
}

const titles = (page) => page.$$eval('#library .library-item .open', (els) => els.map((e) => e.textContent));
const item = (page, title) => page.locator('#library .library-item', { has: page.locator('.open', { hasText: title }) });

test('what is read is kept: reopen with marks, rename, delete and undo', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(server.url);
  await read(page, A);
  await markWords(page, 2, 3, '重点');
  await toList(page);
  await page.waitForFunction(() => /1 mark/.test(document.querySelector('#library .library-item .meta')?.textContent ?? ''));
  assert.deepEqual(await titles(page), ['合肥的耐心资本']);
  await read(page, B);
  await toList(page);
  await page.waitForFunction(() => document.querySelectorAll('#library .library-item').length === 2);
  assert.deepEqual(await titles(page), ['深圳的新能源汽车。', '合肥的耐心资本'], 'the latest read first');
  const today = new Date();
  const date = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
  assert.match(await item(page, '合肥').locator('.meta').textContent(), new RegExp(`^${date} · ${Array.from(A).length} characters · 1 mark$`));

  // Rename: Escape keeps the old title, Enter the new one; it survives a reload.
  await item(page, '合肥').locator('.rename').click();
  await page.fill('#library-title-input', '不要这个');
  await page.press('#library-title-input', 'Escape');
  await page.waitForSelector('#library-title-input', { state: 'detached' });
  await item(page, '合肥').locator('.rename').click();
  await page.fill('#library-title-input', '  我的合肥\n笔记 ');
  await page.press('#library-title-input', 'Enter');
  await page.waitForFunction(() => [...document.querySelectorAll('#library .open')].some((e) => e.textContent === '我的合肥 笔记'));
  await shot(page, 'library-desktop', { full: true });
  await page.reload();
  // A reload reopens what was being read once the engine has read it again
  // (the paste screen says "Reading…" until then: the engine is ready
  // sooner than the library's list loads); the list is on the paste screen.
  await page.waitForSelector('#reader, #paste-text');
  await page.waitForFunction(() => document.documentElement.dataset.engine === 'ready'
    && !/^Reading…/.test(document.querySelector('.message')?.textContent ?? ''), null, { timeout: 30000 });
  if (await page.locator('#reader').count()) await toList(page);
  await page.waitForSelector('#library .library-item');
  await page.waitForFunction(() => document.querySelectorAll('#library .library-item').length === 2);
  assert.deepEqual(await titles(page), ['深圳的新能源汽车。', '我的合肥 笔记']);

  // Reopen: the text and the mark come back, and it moves to the top.
  await item(page, '我的合肥').locator('.open').click();
  await page.waitForSelector('#reader .w.marked');
  assert.equal(await page.$eval('#reader', (r) => [...r.querySelectorAll('.w')].map((w) => w.textContent).join('')), A.replace(/\n/g, ''));
  assert.match(await page.textContent('#panel .mark-list'), /重点/);
  await toList(page);
  await page.waitForFunction(() => document.querySelector('#library .open')?.textContent === '我的合肥 笔记');

  // Delete, then undo: everything is back, marks included.
  await item(page, '我的合肥').locator('.delete').click();
  await page.waitForFunction(() => document.querySelectorAll('#library .library-item').length === 1);
  assert.match(await page.textContent('#library .restore'), /Deleted “我的合肥 笔记”/);
  await page.click('#library-undo');
  await page.waitForFunction(() => document.querySelectorAll('#library .library-item').length === 2);
  assert.match(await item(page, '我的合肥').locator('.meta').textContent(), /1 mark/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('export all and import back; bad files are named and change nothing', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(server.url);
  await read(page, A);
  await markWords(page, 0, 1, '"引号" <b>不是HTML</b>');
  await read(page, B);
  await toList(page);
  await page.waitForFunction(() => document.querySelectorAll('#library .library-item').length === 2);
  await page.waitForFunction(() => /1 mark/.test(document.querySelector('#library')?.textContent ?? ''));
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#library-export')]);
  assert.equal(download.suggestedFilename(), 'dudong-library.json');
  const file = await readFile(await download.path(), 'utf8');
  const exported = JSON.parse(file);
  assert.equal(exported.format, 'dudong-library');
  assert.equal(exported.version, 1);
  assert.deepEqual(exported.articles.map((a) => a.text).sort(), [A, B].sort());
  const a = exported.articles.find((x) => x.text === A);
  assert.deepEqual(a.marks.map((m) => m.note), ['"引号" <b>不是HTML</b>']);
  assert.match(await page.textContent('#library-status'), /Exported 2 articles/);

  // Bad files: each says what is wrong; the two articles stay.
  const bad = [
    ['notes.txt', 'just some notes', /notes\.txt is not a JSON file/],
    ['glossary.json', '{"terms": []}', /glossary\.json is not a dudong library: it has no "format": "dudong-library"/],
    ['newer.json', '{"format": "dudong-library", "version": 9, "articles": []}', /newer dudong \(library format 9\)/],
    ['cut.json', file.slice(0, file.length / 2), /cut\.json is not a JSON file \(EOF while parsing/],
    ['marks.json', JSON.stringify({ ...exported, articles: [exported.articles[0], { text: '短文。', marks: [{ start: 0, end: 9 }] }] }),
      /marks\.json: article 2: mark 1: it ends at 9, after the text's 3 characters/],
  ];
  for (const [name, contents, expected] of bad) {
    await page.setInputFiles('#library-import', { name, mimeType: 'application/json', buffer: Buffer.from(contents) });
    await page.waitForFunction((n) => document.querySelector('#library-status')?.textContent.includes(n), name);
    const status = await page.textContent('#library-status');
    assert.match(status, expected);
    assert.match(status, /Your library was not changed/);
    assert.equal(await page.locator('#library .library-item').count(), 2);
  }

  // Delete both, import the export: everything is back.
  for (let n = 2; n > 0; n--) {
    await page.locator('#library .library-item .delete').first().click();
    await page.waitForFunction((n) => document.querySelectorAll('#library .library-item').length === n - 1, n);
  }
  await page.setInputFiles('#library-import', { name: 'dudong-library.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  await page.waitForFunction(() => document.querySelectorAll('#library .library-item').length === 2);
  assert.match(await page.textContent('#library-status'), /Imported dudong-library\.json: 2 articles \(2 new\)/);
  // Importing the same file again adds nothing.
  await page.setInputFiles('#library-import', { name: 'again.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  await page.waitForFunction(() => /again\.json: 2 articles \(0 new, 2 already here\)/.test(document.querySelector('#library-status')?.textContent));
  await item(page, '合肥').locator('.open').click();
  await page.waitForSelector('#reader .w.marked');
  assert.match(await page.textContent('#panel .mark-list'), /"引号" <b>不是HTML<\/b>/);
  await context.close();
});

/** Deterministic text that does not compress: random common CJK characters. */
function incompressible(n) {
  let seed = 12345;
  const out = [];
  for (let i = 0; i < n; i++) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    out.push(String.fromCodePoint(0x4e00 + (seed % 8000)));
  }
  return '一篇很长的文章\n' + out.join('');
}

test('a full storage is named, the article stays open and nothing kept is lost', async () => {
  // No service worker here: its cache would count against the small quota.
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  // Room for a short article, not for a long one (the browser takes the
  // quota into account from the page's first use of storage).
  const cdp = await context.newCDPSession(page);
  const origin = new URL(server.url).origin;
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 400_000 });
  await page.goto(server.url);
  await read(page, A);
  await toList(page);
  await page.waitForFunction(() => document.querySelectorAll('#library .library-item').length === 1);
  const long = incompressible(200_000);
  await read(page, long);
  await page.waitForSelector('#library-alert', { timeout: 30000 });
  const alert = await page.textContent('#library-alert');
  assert.match(alert, /Your library is full: “一篇很长的文章” is not kept in it/);
  assert.match(alert, /Nothing else changed, and the article stays open/);
  assert.ok(await page.locator('#reader .w').count() > 1000, 'the article is still shown');
  await shot(page, 'library-full-desktop');
  await page.click('#library-alert button');
  await toList(page);
  await page.waitForSelector('#library .library-item');
  assert.deepEqual(await titles(page), ['合肥的耐心资本'], 'the article kept before is still there');
  // With room again, the same article is kept.
  await cdp.send('Storage.overrideQuotaForOrigin', { origin });
  await page.click('#read');
  // A long text is kept once all of it is read (its first part shows sooner).
  await page.waitForSelector('#reader[data-progress="complete"]', { timeout: 30000 });
  await toList(page);
  await page.waitForFunction(() => document.querySelectorAll('#library .library-item').length === 2, null, { timeout: 30000 });
  await context.close();
});
