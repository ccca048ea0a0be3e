// A spun text is shown as such: a banner that counts the swapped words as
// the panel does, and "Read as original", which shows the likely originals
// in place (marked, each card still naming the spun word) and back.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, serveDist, launchBrowser, watchErrors, screenshot, readerWords, checkOffsets, readArticle } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

async function open(page, text, { names = false } = {}) {
  await readArticle(page, text, { url: server.url, names });
  await page.waitForSelector('#reader mark');
}

const readerText = (page) => page.$eval('#reader', (r) => r.textContent);

test('Read as original swaps in the likely originals and back, for a short spun text', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = watchErrors(page);
  const text = '我们经由过程这种体式格局孕育发生了新的设法主意，小我私家也能参与其中。';
  await open(page, text);
  assert.match(await page.textContent('#spun-banner'), /This text looks machine-spun: 5 swapped words/);
  assert.equal(await page.getAttribute('#read-original', 'aria-pressed'), 'false');
  assert.equal(await readerText(page), text);

  await page.click('#read-original');
  await page.waitForSelector('#reader[data-view="original"]');
  assert.equal(await page.getAttribute('#read-original', 'aria-pressed'), 'true');
  assert.equal(await readerText(page), '我们通过这种方式产生了新的想法，个人也能参与其中。');
  const swapped = await page.$$eval('#reader .w.orig', (els) => els.map((e) => [e.textContent, e.dataset.spun]));
  assert.deepEqual(swapped, [['通过', '经由过程'], ['方式', '体式格局'], ['产生', '孕育发生'], ['想法', '设法主意'], ['个人', '小我私家']]);
  // Marked in a way of its own: the original's underline is not the spin's wavy one.
  const style = await page.$eval('#reader .w.orig', (e) => getComputedStyle(e).textDecorationStyle);
  assert.equal(style, 'double');
  // Its card still shows the spun word it replaced.
  await page.locator('#reader .w.orig', { hasText: '方式' }).click();
  await page.waitForSelector('#card');
  const card = await page.textContent('#card');
  assert.match(card, /体式格局/);
  assert.match(card, /likely\s*方式/);
  await screenshot(page, 'read-as-original');
  await page.keyboard.press('Escape');

  // Back: the text as pasted, word for word.
  await page.click('#read-original');
  await page.waitForSelector('#reader[data-view="pasted"]');
  assert.equal(await readerText(page), text);
  assert.equal(await page.locator('#reader .w.orig').count(), 0);
  checkOffsets(assert, text, await readerWords(page));
  assert.deepEqual(errors, []);
  await page.close();
});

test('the spun fixture: the banner, the summary and the panel count distinct swapped words with their places', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const text = await readFile(join(ROOT, 'tests/fixtures/spun.txt'), 'utf8');
  // The full engine's reading (phase two): the core dictionary cuts some
  // spun words otherwise, and a spin that would cut a word is not one.
  await open(page, text, { names: true });
  await page.waitForSelector('#panel section[data-kind="spin"] .group-count');
  const group = page.locator('#panel section[data-kind="spin"] .group-count');
  const items = Number(await group.getAttribute('data-items'));
  const mentions = Number(await group.getAttribute('data-count'));
  assert.ok(items > 5, `${items} distinct swapped words`);
  const said = mentions > items ? `${items} swapped words (${mentions} places)` : `${items} swapped words`;
  assert.ok((await page.textContent('#spun-banner')).includes(`This text looks machine-spun: ${said}`));
  assert.ok((await page.textContent('#summary')).includes(said), await page.textContent('#summary'));
  assert.equal((await group.textContent()).trim(), said.replace(' swapped words', ''));
  // Every spun stretch (the spun terms with them) reads as its original.
  const pasted = await readerText(page);
  await page.click('#read-original');
  await page.waitForSelector('#reader[data-view="original"]');
  const shown = await readerText(page);
  for (const [spun, original] of [['首创人', '创始人'], ['乐成', '成功'], ['耐烦资源', '耐心资本'], ['财产链', '产业链'], ['掉队', '落后']]) {
    assert.ok(!shown.includes(spun) && shown.includes(original), `${spun} → ${original}`);
  }
  await page.click('#read-original');
  await page.waitForSelector('#reader[data-view="pasted"]');
  assert.equal(await readerText(page), pasted, 'toggling back restores the text as pasted');
  checkOffsets(assert, text, await readerWords(page));
  await page.close();
});

test('a text that is not spun has no banner', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await open(page, await readFile(join(ROOT, 'tests/fixtures/normal.txt'), 'utf8'));
  assert.equal(await page.locator('#spun-banner').count(), 0);
  assert.doesNotMatch(await page.textContent('#summary'), /spun|swapped/);
  await page.close();
});

// Words a spinning tool wrote that the curated table does not hold: the
// spin context table (phase two) finds them, and each card shows the counts.
// The last sentence brings the snippet to the density of swaps a text needs
// to be called spun.
const BEYOND_THE_TABLE = '记者昨日得悉，这家公司的研发团队已经完成新一代产品的技术手册。'
  + '负责人介绍，这条路虽然悠远，但只要坚持下去，就一定能够走到终点。'
  + '公司不单要做好产品，还要做好服务。据了解，公司将与多家企业偕行，共同开拓海外市场。'
  + '他说，这样的机会并不多见，大家都晓得这一点。'
  + '该公司首次公然垦行股票的筹划已经乐成，将在来往所上市。';

test('spun words beyond the curated table are found in context once the table is in, with their evidence', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = watchErrors(page);
  await open(page, BEYOND_THE_TABLE, { names: true });
  await page.waitForFunction(() => document.documentElement.dataset.spinContext === 'ready');
  await page.waitForFunction(() => [...document.querySelectorAll('#reader mark[data-kind="spin"]')].some((m) => m.textContent === '悠远'));
  assert.match(await page.textContent('#spun-banner'), /looks machine-spun/);
  await page.locator('#reader mark[data-kind="spin"]', { hasText: /^不单$/ }).first().click();
  await page.waitForSelector('#card .spin-evidence');
  assert.match(await page.textContent('#card'), /most likely stands for 不但/);
  assert.match(await page.textContent('#card .spin-evidence'), /不但要.*不单要/);
  await screenshot(page, 'spin-in-context-card');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a damaged spin context table is a notice, and the curated table still works', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = watchErrors(page);
  await page.route('**/spin-lm.bin', (route) => route.fulfill({ status: 200, contentType: 'application/octet-stream', body: Buffer.from('DDSPINLM truncated') }));
  await open(page, '我们经由过程这种体式格局孕育发生了新的设法主意，小我私家也能参与其中。');
  await page.waitForFunction(() => document.documentElement.dataset.spinContext === 'failed');
  assert.match(await page.textContent('#notice'), /spun words outside dudong's own table may be missed/i);
  assert.match(await page.textContent('#spun-banner'), /5 swapped words/);
  assert.deepEqual(errors, []);
  await page.close();
});
