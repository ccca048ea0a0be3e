// Other readings: zhuyin above the words instead of pinyin, and a card's
// word and sentence read aloud in a Chinese voice, with no button where
// the system has none.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launchBrowser, watchErrors, screenshot, readArticle } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

const TEXT = '银行的利率很重要。\n\n他说，明年的经济增长会更快一些。';
const TRADITIONAL = '銀行的利率很重要。\n\n他說，明年的經濟增長會更快一些。';
const BOPOMOFO = /[\u3105-\u312F]/;


// A system voice list with a Chinese voice, and a record of what is spoken
// instead of sound (headless Chromium has no voices of its own).
const FAKE_VOICES = () => {
  window.__spoken = [];
  const synthesis = window.speechSynthesis;
  synthesis.getVoices = () => [{ lang: 'en-US', name: 'English' }, { lang: 'zh-CN', name: 'Chinese' }];
  synthesis.speak = (u) => window.__spoken.push({ text: u.text, lang: u.lang });
  synthesis.cancel = () => {};
};

test('zhuyin can be chosen instead of pinyin, and either turned off', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = watchErrors(page);
  await page.goto(server.url);
  await readArticle(page, TEXT);
  const ruby = () => page.$$eval('#reader [data-py]', (els) => els.map((el) => el.dataset.py));
  await page.click('#zhuyin-toggle');
  await page.waitForFunction(() => document.querySelectorAll('#reader [data-py]').length > 3);
  const zhuyin = await ruby();
  assert.ok(zhuyin.every((r) => BOPOMOFO.test(r)), `all zhuyin: ${zhuyin}`);
  assert.ok(zhuyin.includes('ㄧㄣˊ ㄏㄤˊ'), `银行 as ㄧㄣˊ ㄏㄤˊ: ${zhuyin}`);
  assert.equal(await page.getAttribute('#zhuyin-toggle', 'aria-pressed'), 'true');
  assert.equal(await page.getAttribute('#pinyin-toggle', 'aria-pressed'), 'false');
  await screenshot(page, 'zhuyin');
  // Pinyin instead.
  await page.click('#pinyin-toggle');
  await page.waitForFunction(() => [...document.querySelectorAll('#reader [data-py]')].some((el) => el.dataset.py === 'yínháng'));
  assert.ok((await ruby()).every((r) => !BOPOMOFO.test(r)));
  assert.equal(await page.getAttribute('#zhuyin-toggle', 'aria-pressed'), 'false');
  // The same button again: no reading at all.
  await page.click('#pinyin-toggle');
  await page.waitForFunction(() => document.querySelectorAll('#reader [data-py]').length === 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test('without a Chinese voice a card has no Listen button', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.addInitScript(() => {
    window.speechSynthesis.getVoices = () => [{ lang: 'en-US', name: 'English' }];
  });
  await page.goto(server.url);
  await readArticle(page, TEXT);
  await page.click('#reader .w');
  await page.waitForSelector('#card');
  assert.equal(await page.$('#card .card-listen'), null);
  await page.close();
});

test('Listen reads the word, then its sentence, in a mainland or Taiwanese voice', async () => {
  for (const [text, lang, word] of [[TEXT, 'zh-CN', '银行'], [TRADITIONAL, 'zh-TW', '銀行']]) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors = watchErrors(page);
    await page.addInitScript(FAKE_VOICES);
    await page.goto(server.url);
    await readArticle(page, text);
    await page.click('#reader .w');
    await page.waitForSelector('#card .card-listen');
    await page.click('#card .card-listen');
    const spoken = await page.evaluate(() => window.__spoken);
    assert.equal(spoken.length, 2, JSON.stringify(spoken));
    assert.equal(spoken[0].text, word);
    assert.ok(spoken[1].text.startsWith(word) && spoken[1].text.includes('重要'), `the sentence: ${spoken[1].text}`);
    assert.ok(spoken.every((s) => s.lang === lang), JSON.stringify(spoken));
    assert.deepEqual(errors, []);
    await page.close();
  }
});
