// A shared link reopens the same article, highlights, marks and open card in
// a fresh browser profile; damaged links say so and lose nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { ROOT, serveDist, launchBrowser, watchErrors, screenshot, gotoPasteArea, holdDownload, namesSettled } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

const NOTE = '看这里 <img src=x onerror=alert(1)>';

async function view(page) {
  return page.evaluate(() => ({
    marks: [...document.querySelectorAll('#reader mark[data-kind]')].map((m) => `${m.dataset.start}-${m.dataset.end}-${m.dataset.kind}`),
    marked: [...document.querySelectorAll('#reader .w.marked')].map((w) => `${w.dataset.start}-${w.dataset.end}`),
    text: [...document.querySelectorAll('#reader .w')].map((w) => w.textContent).join(''),
    classes: document.querySelector('#reader').className,
    card: document.querySelector('#card')?.textContent ?? null,
    title: document.querySelector('#reader .w.marked')?.title ?? null,
  }));
}

/** Selects the article's chars start..end (word elements carry their offsets). */
async function select(page, start, end) {
  await page.evaluate(([s, e]) => {
    const words = [...document.querySelectorAll('#reader .w')];
    const first = words.find((w) => Number(w.dataset.start) <= s && s < Number(w.dataset.end));
    const last = words.find((w) => Number(w.dataset.start) < e && e <= Number(w.dataset.end));
    const range = document.createRange();
    range.setStart(first.firstChild, s - Number(first.dataset.start));
    range.setEnd(last.firstChild, e - Number(last.dataset.start));
    const sel = window.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
  }, [start, end]);
}

test('a link made in one profile opens identically in another', async () => {
  const text = await readFile(join(ROOT, 'tests/fixtures/spun.txt'), 'utf8');
  const sender = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await sender.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = await sender.newPage();
  const errors = watchErrors(page);
  await page.goto(server.url);
  await page.fill('#paste-text', text);
  await page.click('#read');
  await page.waitForSelector('#reader mark');
  // Both profiles compare the full engine's reading, not the first phase's.
  await namesSettled(page);
  await page.locator('#panel section[data-kind="figure"] input[type=checkbox]').uncheck();
  await select(page, 10, 20);
  await page.locator('#reader').dispatchEvent('pointerup');
  await page.fill('#mark-note', NOTE);
  await page.click('#mark');
  await page.waitForSelector('#reader .w.marked');
  assert.match(await page.textContent('#panel .mark-list'), /看这里/, 'the mark and its note are listed in the panel');
  await page.locator('#reader mark[data-kind="term"]', { hasText: '耐烦资源' }).click();
  await page.waitForSelector('#card');
  await page.click('#share');
  await page.waitForSelector('#notice');
  const notice = await page.textContent('#notice');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(notice, new RegExp(`Link copied: ${link.length.toLocaleString('en-US')} characters`));
  assert.ok(link.startsWith(server.url + '#'), link.slice(0, 80));
  const before = await view(page);
  assert.equal(before.title, NOTE);
  assert.deepEqual(errors, []);

  const reader = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const other = await reader.newPage();
  let dialogs = 0;
  other.on('dialog', async (d) => { dialogs++; await d.dismiss(); });
  await other.goto(link);
  await other.waitForSelector('#reader .w.marked');
  await other.waitForSelector('#card');
  await namesSettled(other);
  const after = await view(other);
  assert.deepEqual(after.marks, before.marks, 'the same highlights');
  assert.deepEqual(after.marked, before.marked, 'the same marks');
  assert.equal(after.text, before.text);
  assert.match(after.classes, /hide-figure/);
  assert.equal(after.title, NOTE, 'the note is text, never HTML');
  assert.match(after.card, /耐心资本/);
  assert.equal(dialogs, 0);
  await screenshot(other, 'shared-link-opened');
  await sender.close();
  await reader.close();
});

test('a damaged link says what is wrong and keeps the reader draft', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(server.url);
  await page.fill('#paste-text', '我自己的草稿');
  await page.waitForTimeout(800);
  const sample = await readFile(join(ROOT, 'crates/engine/src/knowledge/sample.txt'), 'utf8');
  await page.click('#read').catch(() => {});
  // Make a real link, then damage it in several ways.
  await gotoPasteArea(page, server.url);
  await page.fill('#paste-text', sample);
  await page.click('#read');
  await page.waitForSelector('#reader .w');
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.click('#share');
  await page.waitForSelector('#notice');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  const payload = link.split('#')[1];
  const damaged = [
    ['cut', link.slice(0, server.url.length + 1 + Math.floor(payload.length / 2))],
    ['flipped', link.slice(0, -10) + (link.at(-10) === 'A' ? 'B' : 'A') + link.slice(-9)],
    ['junk', `${server.url}#%%%<script>alert(1)</script>`],
  ];
  for (const [what, bad] of damaged) {
    const fresh = await browser.newContext();
    const p = await fresh.newPage();
    const errs = watchErrors(p);
    await p.goto(server.url);
    await p.fill('#paste-text', '读者的草稿');
    await p.waitForTimeout(700);
    await p.goto('about:blank');
    await p.goto(bad);
    await p.waitForSelector('.message');
    const message = await p.textContent('.message');
    assert.match(message, /link/i, `${what}: ${message}`);
    assert.equal(await p.inputValue('#paste-text'), '读者的草稿', `${what}: the draft is kept`);
    assert.equal(await p.locator('#reader').count(), 0);
    assert.deepEqual(errs, []);
    await fresh.close();
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('opening a link over a different draft offers to restore it', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url);
  await page.fill('#paste-text', '还没保存的另一篇稿子');
  await page.waitForTimeout(800);
  const link = execFileSync(join(ROOT, 'target/release/dudong'), ['share', '--base', server.url, join(ROOT, 'tests/fixtures/normal.txt')], { encoding: 'utf8' }).trim();
  await page.goto('about:blank');
  await page.goto(link);
  await page.waitForSelector('#reader .w');
  await page.click('#restore-previous');
  assert.equal(await page.inputValue('#paste-text'), '还没保存的另一篇稿子');
  await context.close();
});

test('a link shows its text before the engine answers, then its highlights in place', async () => {
  const file = join(ROOT, 'tests/fixtures/whole_page.txt');
  const text = await readFile(file, 'utf8');
  const link = execFileSync(join(ROOT, 'target/release/dudong'), ['share', '--base', server.url, file], { encoding: 'utf8' }).trim();
  // A short window, so that the article scrolls.
  const context = await browser.newContext({ viewport: { width: 375, height: 600 } });
  const page = await context.newPage();
  const errors = watchErrors(page);
  // The engine's wasm is held back: nothing can be analysed until it comes.
  const release = await holdDownload(page, '**/dudong-worker_bg.wasm');
  await page.goto(link);
  await page.waitForSelector('#reader .w');
  const words = () => page.evaluate(() => [...document.querySelectorAll('#reader .w')].map((w) => w.textContent).join(''));
  assert.equal(await words(), text.replace(/\s+/g, ''), 'the whole text is in the reading view');
  assert.equal(await page.locator('#reader mark').count(), 0, 'no highlight before the engine answered');
  assert.notEqual(await page.evaluate(() => document.documentElement.dataset.engine), 'ready');
  assert.match(await page.textContent('#summary'), /Finding/);
  // Focus first: focusing a control scrolls it into view.
  await page.focus('#more-actions');
  await page.evaluate(() => window.scrollTo(0, 300));
  assert.ok(await page.evaluate(() => window.scrollY) > 0, 'the page scrolled');
  // Where a character near the top of the window is on screen (the word
  // elements are replaced; the characters stay).
  const place = (offset) => page.evaluate((at) => {
    const w = [...document.querySelectorAll('#reader .w')].find((e) => Number(e.dataset.start) <= at && at < Number(e.dataset.end));
    const range = document.createRange();
    const from = at - Number(w.dataset.start);
    range.setStart(w.firstChild, from);
    range.setEnd(w.firstChild, from + 1);
    const r = range.getBoundingClientRect();
    return { top: Math.round(r.top), left: Math.round(r.left), focus: document.activeElement?.id };
  }, offset);
  const offset = await page.evaluate(() => {
    const w = [...document.querySelectorAll('#reader .w')].find((e) => e.getBoundingClientRect().top > 100);
    return Number(w.dataset.start);
  });
  const before = await place(offset);
  release();
  await page.waitForSelector('#reader[data-progress="complete"] mark');
  assert.deepEqual(await place(offset), before, 'the highlights arrive without moving the text or the focus');
  assert.equal(await words(), text.replace(/\s+/g, ''), 'the same text, now read');
  assert.deepEqual(errors, []);
  await context.close();
});
