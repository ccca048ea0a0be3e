// Shared set-up for the browser tests: a static server for dist/ on a free
// loopback port, and Debian's Chromium driven by playwright-core.
import { readFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serveStatic, typeOf } from '../../scripts/static-server.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST = join(ROOT, 'dist');
export const SHOTS = join(ROOT, 'target', 'e2e');

/** Serves dist/ on 127.0.0.1 with a port the OS picks. `requests` lists
 * the paths asked for; `override[path]`, when set, is served instead of the
 * file (a function of the file's text); `close` also cuts open connections. */
export async function serveDist() {
  const requests = [];
  const override = {};
  const server = await serveStatic(DIST, {
    answer: async (path) => {
      const file = path.endsWith('/') ? `${path}index.html` : path;
      if (!override[file]) return null;
      return { body: override[file](await readFile(join(DIST, file), 'utf8')), type: typeOf(file) };
    },
    served: ({ path }) => requests.push(path),
  });
  return { url: server.url, requests, override, close: server.close };
}

/** Holds every download matching `pattern` (a route glob) until the
 * returned function is called: for tests of what arrives after the first
 * highlights (the name model, the term lexicon). */
export async function holdDownload(page, pattern) {
  let release;
  const gate = new Promise((ok) => { release = ok; });
  await page.route(pattern, async (route) => { await gate; await route.continue(); });
  return release;
}

/** Pastes `text` and presses Read: after opening `url` when given, else
 * from the reading view's Edit text when one is shown. Resolves when the
 * whole article is in the reading view and, with `names`, once the engine's
 * later downloads (name model, term lexicon) have been read in. */
export async function readArticle(page, text, { url, names = false } = {}) {
  if (url) await page.goto(url);
  else if (await page.locator('#reader').count()) await page.getByRole('button', { name: /Edit text/ }).click();
  await page.fill('#paste-text', text);
  await page.click('#read');
  await page.waitForSelector('#reader[data-progress="complete"]');
  if (names) await namesSettled(page);
}

/** Debian's Chromium, headless, with a fresh profile and no background traffic. */
export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Chromium with a fresh profile of its own on disk (a reader's normal
 * browser, disk cache included), rather than an incognito context. */
export async function launchProfile() {
  const dir = await mkdtemp(join(tmpdir(), 'dudong-profile-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return { context, close: async () => { await context.close(); await rm(dir, { recursive: true, force: true }); } };
}

/** Waits until `predicate` (evaluated in the page, may be async) returns
 * something truthy. Playwright's waitForFunction does not await a promise: an
 * async predicate's promise counts as true at once, so it cannot wait on
 * `caches` or IndexedDB. */
export async function waitForAsync(page, predicate, { timeout = 30000, interval = 250, what = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await page.evaluate(predicate);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((ok) => setTimeout(ok, interval));
  }
}

/** Waits until the article on screen was read with the name model too (it
 *  arrives after the first highlights), as the CLI reads it. */
export async function namesSettled(page) {
  await page.waitForSelector('#reader[data-names="model"]', { timeout: 30000 });
}

/** Fails the test on any page error or console error. */
export function watchErrors(page) {
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  return errors;
}

export async function screenshot(page, name) {
  await mkdir(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: false });
}

/** The reading view's words as {start, end, text}, read from the DOM. */
export async function readerWords(page) {
  return page.$$eval('#reader .w', (els) => els.map((el) => ({
    start: Number(el.dataset.start), end: Number(el.dataset.end), text: el.textContent,
  })));
}

/** Checks every word element's text against the source text by its offsets. */
export function checkOffsets(assert, text, words) {
  const chars = Array.from(text);
  assert.ok(words.length > 0, 'the reader shows words');
  let last = 0;
  for (const w of words) {
    assert.ok(w.start >= last, `words in order at ${w.start}`);
    assert.equal(chars.slice(w.start, w.end).join(''), w.text, `word at ${w.start}..${w.end}`);
    last = w.end;
  }
  // Every non-whitespace char is inside some word.
  const covered = new Set();
  for (const w of words) for (let i = w.start; i < w.end; i++) covered.add(i);
  chars.forEach((c, i) => { if (!/\s/u.test(c)) assert.ok(covered.has(i), `char ${i} (${c}) is shown`); });
}

/** Opens the page at its paste area (a reload reopens what was being read). */
export async function gotoPasteArea(page, url) {
  await page.goto(url);
  await toPasteArea(page);
}

/** After a load or reload: waits for the saved reading to reopen, if there
 * is one, and goes to the paste area. */
export async function toPasteArea(page) {
  await page.waitForSelector('#paste-text, #reader');
  // A reload reopens the saved reading once the segmenter (in its worker) has
  // read it again: wait for that before deciding which screen this is.
  await page.waitForFunction(() => document.documentElement.dataset.engine === 'ready'
    && !/^Reading…/.test(document.querySelector('.message')?.textContent ?? ''), null, { timeout: 30000 });
  if (await page.locator('#reader').count()) await page.getByRole('button', { name: /Edit text/ }).click();
  await page.waitForSelector('#paste-text');
}

/** Where the everyday-use tests keep their screenshots (the README's come from here). */
export const SCREENSHOTS = join(ROOT, 'target', 'screenshots');

/** A screenshot into target/screenshots/ (the whole page with `full`). */
export async function shot(page, name, { full = false } = {}) {
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: full });
}

/** Whether the page scrolls sideways (it must not, down to 360 px). */
export async function scrollsSideways(page) {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
}
