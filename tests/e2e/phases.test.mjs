// The engine in two phases: the first reading comes from the core of
// jieba's dictionary (embedded in the worker); jieba's full dictionary
// arrives with the models and the article is read again in place, cut as
// the CLI cuts it. A damaged dictionary download is a notice, and phase one
// goes on.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, serveDist, launchBrowser, watchErrors, readerWords, checkOffsets, readArticle, holdDownload, namesSettled, screenshot } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

// 王海涛 is not in the core dictionary's ranking: phase one cuts 王 / 海涛
// (jieba's HMM), the full dictionary keeps 王海涛 whole.
const NAME_LINE = '昨天，王海涛在云溪镇会见了蓝湾动力公司的代表。';
const TEXT = `${NAME_LINE}\n\n今年以来，各地经济运行总体平稳，市场预期逐步改善，企业信心有所增强。`;

/** The CLI's cut of `text` as word boundaries (char offsets), and its spans' edges. */
async function cliBoundaries(text) {
  const dir = await mkdtemp(join(tmpdir(), 'dudong-phases-'));
  try {
    const file = join(dir, 'text.txt');
    await writeFile(file, text);
    const cli = join(ROOT, 'target/release/dudong');
    const words = execFileSync(cli, ['segment', file], { encoding: 'utf8' }).split('\n');
    // One word a line; white space (a word of its own in the reader) is left out.
    const chars = Array.from(text);
    const cuts = new Set([0]);
    let at = 0;
    for (const w of words.filter(Boolean)) {
      while (at < chars.length && /\s/.test(chars[at])) at++;
      cuts.add(at);
      const len = Array.from(w).length;
      if (chars.slice(at, at + len).join('') !== w) throw new Error(`the CLI's word ${w} is not the text at ${at}`);
      at += len;
      cuts.add(at);
    }
    const spans = JSON.parse(execFileSync(cli, ['annotate', '--json', file], { encoding: 'utf8' })).spans;
    for (const s of spans) { cuts.add(s.start); cuts.add(s.end); }
    return { cuts, total: at };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

test('the first reading comes from the core dictionary; the full one replaces it in place', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = watchErrors(page);
  const release = await holdDownload(page, '**/jieba-dict.bin');
  await readArticle(page, TEXT, { url: server.url });
  const first = await readerWords(page);
  checkOffsets(assert, TEXT, first);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.dictionary), undefined, 'phase one');
  assert.ok(first.some((w) => w.start === 4 && w.text === '海涛'), 'phase one cuts 王 / 海涛');
  assert.ok((await page.$$('#reader mark[data-kind="place"]')).length >= 1, 'the curated layer works in phase one');
  release();
  await page.waitForFunction(() => document.documentElement.dataset.dictionary === 'ready');
  await namesSettled(page);
  const words = await readerWords(page);
  checkOffsets(assert, TEXT, words);
  assert.ok(words.some((w) => w.start === 3 && w.end === 6), '王海涛 whole with the full dictionary');
  const { cuts, total } = await cliBoundaries(TEXT);
  assert.equal(total, Array.from(TEXT).length, 'the CLI cut covers the text');
  for (const w of words) {
    assert.ok(cuts.has(w.start) && cuts.has(w.end), `word ${w.start}..${w.end} (${w.text}) is cut where the CLI cuts`);
  }
  await screenshot(page, 'phase-two-reading');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a damaged full dictionary is a notice, and phase one goes on', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = watchErrors(page);
  await page.route('**/jieba-dict.bin', (route) => route.fulfill({ status: 200, contentType: 'application/octet-stream', body: Buffer.from('not a dictionary') }));
  await readArticle(page, TEXT, { url: server.url });
  await page.waitForFunction(() => document.documentElement.dataset.dictionary === 'failed');
  assert.match(await page.textContent('#notice'), /rare words may be cut in two.*damaged/);
  // The models that did arrive are in use: the article is read again with them.
  await namesSettled(page);
  const words = await readerWords(page);
  checkOffsets(assert, TEXT, words);
  assert.ok(words.some((w) => w.start === 4 && w.text === '海涛'), 'still cut with the core dictionary');
  assert.ok((await page.$$('#reader mark[data-kind="place"]')).length >= 1, 'curated places still highlighted');
  // Phase one goes on answering new texts.
  await readArticle(page, '阿里巴巴在杭州发布了新模型。');
  assert.ok((await page.$$('#reader mark[data-kind="org"]')).length >= 1, 'a new text is read');
  assert.deepEqual(errors, []);
  await page.close();
});
