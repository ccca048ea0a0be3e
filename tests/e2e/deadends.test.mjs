// No card is a dead end: every Han word of the project's fixtures, opened
// by a click, gets a card that explains it (a dictionary entry, its parts
// with their glosses, or its highlight's own card), never just "not in the
// dictionary".
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveDist, launchBrowser, watchErrors, ROOT, namesSettled } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

const FIXTURES = join(ROOT, 'tests', 'fixtures');
const HAN = /\p{Script=Han}/u;

test('every Han word of the fixtures opens a card that explains it', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = watchErrors(page);
  await page.goto(server.url);
  await page.waitForFunction(() => document.documentElement.dataset.engine === 'ready');
  const seen = new Set();
  const deadEnds = [];
  let opened = 0;
  const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.txt')).sort();
  assert.ok(files.length >= 5, `fixtures: ${files}`);
  for (const file of files) {
    const text = readFileSync(join(FIXTURES, file), 'utf8');
    await page.fill('#paste-text', text);
    await page.click('#read');
    await page.waitForSelector('#reader[data-progress="complete"]');
    // The words of the full engine: the first article is read again once
    // jieba's full dictionary and the models arrive (phase two), which
    // would take the words of the first reading away under the clicks.
    await namesSettled(page);
    const words = await page.$$eval('#reader .w', (els) => els.map((el) => ({ start: el.dataset.start, text: el.textContent })));
    for (const { start, text: word } of words) {
      if (!HAN.test(word) || seen.has(word)) continue;
      seen.add(word);
      await page.click(`#reader .w[data-start="${start}"]`);
      // The first card loads the dictionary: wait until it has.
      const card = await page.waitForFunction(() => {
        const el = document.querySelector('#card');
        return el && !el.textContent.includes('loading dictionary') ? el.textContent : null;
      }, null, { timeout: 15000 }).then((h) => h.jsonValue());
      opened += 1;
      if (card.includes('not in the dictionary') || card.trim().length < word.length + 4) deadEnds.push(`${file}: ${word}`);
      await page.keyboard.press('Escape');
      await page.waitForFunction(() => !document.querySelector('#card'));
    }
    await page.click('text=← Edit text');
  }
  assert.ok(opened > 300, `opened ${opened} cards`);
  assert.deepEqual(deadEnds, [], `${deadEnds.length} dead ends of ${opened} cards`);
  assert.deepEqual(errors, []);
  await page.close();
});
