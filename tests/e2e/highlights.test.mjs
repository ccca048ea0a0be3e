// The engine's highlights in the browser: every kind shows with data-kind,
// the summary line is there, and the browser's spans are the CLI's spans.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, serveDist, launchBrowser, watchErrors, screenshot, readArticle } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

const KINDS = ['person', 'org', 'place', 'product', 'figure', 'term', 'spin'];

async function readText(page, text) {
  await readArticle(page, text, { url: server.url, names: true });
}

function marks(page) {
  return page.$$eval('#reader mark[data-kind]', (els) => els.map((el) => ({
    start: Number(el.dataset.start), end: Number(el.dataset.end), kind: el.dataset.kind, text: el.textContent,
  })));
}

function cliSpans(file) {
  const out = execFileSync(join(ROOT, 'target/release/dudong'), ['annotate', '--json', file], { encoding: 'utf8' });
  return JSON.parse(out).spans;
}

for (const name of ['normal', 'spun']) {
  test(`the ${name} fixture shows the CLI's spans`, async () => {
    const file = join(ROOT, 'tests/fixtures', `${name}.txt`);
    const text = await readFile(file, 'utf8');
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors = watchErrors(page);
    await readText(page, text);
    const shown = await marks(page);
    const cli = cliSpans(file);
    const key = (s) => `${s.start}-${s.end}-${s.kind}`;
    const cliKeys = new Set(cli.map(key));
    const chars = Array.from(text);
    for (const m of shown) {
      assert.ok(KINDS.includes(m.kind), m.kind);
      assert.ok(cliKeys.has(key(m)), `browser span ${key(m)} is one of the CLI's`);
      assert.equal(chars.slice(m.start, m.end).join(''), m.text);
    }
    // Only spans that cross another span's edge may be left out of the tree.
    assert.ok(shown.length >= 0.9 * cli.length, `${shown.length} of ${cli.length} spans shown`);
    const summary = await page.textContent('#summary');
    assert.match(summary, /people|person/);
    if (name === 'spun') {
      assert.match(summary, /machine-spun/);
      assert.ok(shown.some((m) => m.kind === 'spin'));
      await screenshot(page, 'spun-desktop');
    } else {
      assert.doesNotMatch(summary, /spun/);
    }
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test('the sample shows people, organisations, places, figures and terms', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(server.url);
  await page.click('#sample');
  await page.waitForSelector('#reader mark');
  const kinds = new Set((await marks(page)).map((m) => m.kind));
  for (const k of ['person', 'org', 'place', 'figure', 'term']) assert.ok(kinds.has(k), `sample shows ${k}`);
  const term = page.locator('#reader mark[data-kind="term"]', { hasText: '耐心资本' }).first();
  assert.match(await term.getAttribute('aria-label'), /patient capital/);
  await page.close();
});
