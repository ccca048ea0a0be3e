// Comfort: light and dark themes from the system with readable contrast for
// every highlight, a text size that is kept, and a print view with a legend.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, serveDist, launchBrowser, watchErrors, shot, scrollsSideways, readArticle } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

const KINDS = ['person', 'org', 'place', 'product', 'figure', 'term', 'spin'];

/** WCAG contrast of two computed colours ("rgb(…)"). */
function contrast(a, b) {
  const lum = (css) => {
    const [r, g, b] = css.match(/[\d.]+/g).slice(0, 3).map(Number).map((v) => {
      const c = v / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

async function articleWithEveryKind() {
  const sample = await readFile(join(ROOT, 'crates/engine/src/knowledge/sample.txt'), 'utf8');
  const spun = await readFile(join(ROOT, 'tests/fixtures/spun.txt'), 'utf8');
  return `${sample}\n\n${spun}`;
}

async function read(page, text) {
  await readArticle(page, text, { url: server.url });
  await page.waitForSelector('#reader mark');
}

for (const scheme of ['light', 'dark']) {
  test(`${scheme} theme: every highlight, its pinyin and its line are readable`, async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: scheme });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await read(page, await articleWithEveryKind());
    const pageColours = await page.evaluate(() => [getComputedStyle(document.body).backgroundColor, getComputedStyle(document.body).color]);
    // The theme follows the system: a dark page in dark, a light one in light.
    const bodyLight = contrast(pageColours[0], 'rgb(0, 0, 0)') > contrast(pageColours[0], 'rgb(255, 255, 255)');
    assert.equal(bodyLight, scheme === 'light', `page background ${pageColours[0]}`);
    await page.click('#pinyin-toggle');
    await page.waitForSelector('#reader .w[data-py]', { timeout: 30000 });
    const colours = await page.evaluate((kinds) => kinds.map((kind) => {
      const mark = document.querySelector(`#reader mark[data-kind="${kind}"]`);
      if (!mark) return { kind, missing: true };
      const style = getComputedStyle(mark);
      // Pinyin over a word of this kind (a Latin-only product has none: then any word's).
      const word = document.querySelector(`#reader mark[data-kind="${kind}"] .w[data-py]`) ?? document.querySelector('#reader .w[data-py]');
      return {
        kind, bg: style.backgroundColor, fg: style.color,
        pinyin: getComputedStyle(word, '::before').color,
        spinLine: style.textDecorationColor, termLine: style.borderBottomColor,
        reader: getComputedStyle(document.querySelector('#reader')).backgroundColor,
      };
    }), KINDS);
    for (const c of colours) {
      assert.ok(!c.missing, `the article has a ${c.kind} highlight`);
      assert.ok(contrast(c.fg, c.bg) >= 4.5, `${scheme} ${c.kind}: text ${c.fg} on ${c.bg} is ${contrast(c.fg, c.bg).toFixed(2)}`);
      assert.ok(c.pinyin, `${c.kind} has pinyin`);
      assert.ok(contrast(c.pinyin, c.bg) >= 4.5, `${scheme} ${c.kind}: pinyin ${c.pinyin} on ${c.bg} is ${contrast(c.pinyin, c.bg).toFixed(2)}`);
      // Highlights are also told apart from the page around them.
      assert.notEqual(c.bg, c.reader, `${c.kind} has its own background`);
    }
    const spin = colours.find((c) => c.kind === 'spin');
    assert.ok(contrast(spin.spinLine, spin.reader) >= 3, `${scheme} spin underline ${spin.spinLine} is ${contrast(spin.spinLine, spin.reader).toFixed(2)}`);
    const term = colours.find((c) => c.kind === 'term');
    assert.ok(contrast(term.termLine, term.reader) >= 3, `${scheme} term underline ${term.termLine} is ${contrast(term.termLine, term.reader).toFixed(2)}`);
    const [summary, summaryBg] = await page.evaluate(() => [getComputedStyle(document.querySelector('#summary')).color, getComputedStyle(document.body).backgroundColor]);
    assert.ok(contrast(summary, summaryBg) >= 4.5, `${scheme} summary line`);
    await shot(page, `theme-${scheme}-desktop`);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('the text size steps up and down, is kept after a reload, and never scrolls a phone sideways', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await read(page, await readFile(join(ROOT, 'crates/engine/src/knowledge/sample.txt'), 'utf8'));
  const size = () => page.$eval('#reader', (r) => parseFloat(getComputedStyle(r).fontSize));
  const base = await size();
  assert.equal(await page.textContent('#font-size'), '100%');
  await page.click('#font-larger');
  await page.click('#font-larger');
  assert.equal(await page.textContent('#font-size'), '130%');
  assert.ok(Math.abs((await size()) - base * 1.3) < 0.1, `${await size()} is 130% of ${base}`);
  await page.reload();
  await page.waitForSelector('#reader mark');
  assert.equal(await page.textContent('#font-size'), '130%', 'kept after a reload');
  assert.ok(Math.abs((await size()) - base * 1.3) < 0.1);
  for (let i = 0; i < 6; i++) if (await page.isEnabled('#font-smaller')) await page.click('#font-smaller');
  assert.equal(await page.textContent('#font-size'), '85%');
  assert.ok(await page.isDisabled('#font-smaller'), 'the smallest size is the last step down');
  await context.close();

  const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const small = await phone.newPage();
  await read(small, await readFile(join(ROOT, 'crates/engine/src/knowledge/sample.txt'), 'utf8'));
  while (await small.isEnabled('#font-larger')) await small.click('#font-larger');
  assert.equal(await small.textContent('#font-size'), '250%');
  assert.equal(await scrollsSideways(small), false, 'the largest size wraps inside 360 px');
  await shot(small, 'font-largest-phone');
  await phone.close();
});

test('print shows the highlighted article alone, in light colours, with a legend', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: 'dark' });
  const page = await context.newPage();
  await read(page, await readFile(join(ROOT, 'crates/engine/src/knowledge/sample.txt'), 'utf8'));
  // The Print button opens the browser's print dialog.
  await page.evaluate(() => { window.print = () => { window.__printed = (window.__printed ?? 0) + 1; }; });
  await page.click('#print');
  assert.equal(await page.evaluate(() => window.__printed), 1);
  assert.equal(await page.isVisible('#print-legend'), false, 'the legend is for paper only');
  await page.emulateMedia({ media: 'print' });
  assert.ok(await page.isVisible('#print-legend'));
  const legend = await page.textContent('#print-legend');
  for (const label of ['Person', 'Organisation', 'Place', 'Product', 'Figure', 'Glossary term']) {
    assert.ok(legend.includes(label), `the legend names ${label}: ${legend}`);
  }
  assert.ok(!legend.includes('Spun wording'), 'only kinds the article has');
  assert.ok(!legend.includes('your marks'), 'marks are explained only when there are some');
  for (const hidden of ['#panel', '.toolbar', '#font-larger', '#print', '.about', '#library']) {
    assert.equal(await page.isVisible(hidden), false, `${hidden} is not printed`);
  }
  assert.ok(await page.isVisible('#reader'));
  const [paper, person] = await page.evaluate(() => [
    getComputedStyle(document.body).backgroundColor,
    getComputedStyle(document.querySelector('#reader mark[data-kind="person"]')).backgroundColor,
  ]);
  assert.equal(paper, 'rgb(255, 255, 255)', 'white paper even in the dark theme');
  assert.equal(person, 'rgb(253, 226, 200)', 'highlights print in their light colours');
  // Once the reader has marked a passage, the legend explains marks too.
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => {
    const words = [...document.querySelectorAll('#reader .w')];
    const range = document.createRange();
    range.setStart(words[10].firstChild, 0);
    range.setEnd(words[14].firstChild, words[14].firstChild.length);
    getSelection().removeAllRanges();
    getSelection().addRange(range);
  });
  await page.click('#mark');
  await page.waitForSelector('#reader .w.marked');
  await page.emulateMedia({ media: 'print' });
  assert.match(await page.textContent('#print-legend'), /your marks/);
  await shot(page, 'print-desktop', { full: true });
  await context.close();
});
