// A shared link reopens the same article, highlights, marks and open card in
// a fresh browser profile; damaged links say so and lose nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, serveDist, launchBrowser, watchErrors, screenshot, gotoPasteArea, namesSettled } from './harness.mjs';

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
  const { execFileSync } = await import('node:child_process');
  const link = execFileSync(join(ROOT, 'target/release/dudong'), ['share', '--base', server.url, join(ROOT, 'tests/fixtures/normal.txt')], { encoding: 'utf8' }).trim();
  await page.goto('about:blank');
  await page.goto(link);
  await page.waitForSelector('#reader .w');
  await page.click('#restore-previous');
  assert.equal(await page.inputValue('#paste-text'), '还没保存的另一篇稿子');
  await context.close();
});
