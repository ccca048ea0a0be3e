// Offline: after one visit the app (and the word cards) work with the
// network cut; a new build's service worker replaces the old cache when the
// reader reloads. And the generator of sw.js, on a folder made here.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, writeFile, readFile, rm, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, serveDist, launchBrowser, launchProfile, watchErrors, shot, waitForAsync, toPasteArea } from './harness.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

const ARTICLE = '国家统计局今天发布数据，深圳的新能源汽车产量增长了12.5%。\n\n记者在华为总部采访了张伟。';

/** The constants make-sw.py wrote into a sw.js. */
function constants(sw) {
  const grab = (name) => JSON.parse(sw.match(new RegExp(`const ${name} = ([\\s\\S]*?);\\n`))[1]);
  return { version: grab('VERSION'), precache: grab('PRECACHE'), lazy: grab('LAZY') };
}

function makeSw(dir) {
  execFileSync('python3', [join(ROOT, 'scripts/make-sw.py'), dir], { stdio: 'pipe' });
  return readFile(join(dir, 'sw.js'), 'utf8').then(constants);
}

test('make-sw lists every built file, keeps the dictionary for later, and versions by content', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'dudong-sw-'));
  try {
    await mkdir(join(dir, 'snippets'));
    await writeFile(join(dir, 'index.html'), '<!doctype html><title>x</title>');
    await writeFile(join(dir, 'app-1a2b.js'), 'console.log(1)');
    await writeFile(join(dir, 'app-1a2b_bg.wasm'), Buffer.from([0, 97, 115, 109]));
    await writeFile(join(dir, 'dudong-worker_loader.js'), 'importScripts()');
    await writeFile(join(dir, 'snippets', 'inline0.js'), 'export {}');
    await writeFile(join(dir, 'cedict.bin'), '中\t中\tzhōng\tmiddle\n');
    const first = await makeSw(dir);
    assert.deepEqual(Object.keys(first.precache), ['app-1a2b.js', 'app-1a2b_bg.wasm', 'dudong-worker_loader.js', 'index.html', 'snippets/inline0.js']);
    assert.match(first.precache['index.html'], /^[0-9a-f]{16}$/);
    assert.deepEqual(Object.keys(first.lazy), ['cedict.bin']);
    assert.match(first.version, /^[0-9a-f]{16}$/);
    // The same files give the same version (sw.js itself is not listed).
    assert.equal((await makeSw(dir)).version, first.version);
    // One changed byte anywhere is a new version; the dictionary's own hash stays.
    await writeFile(join(dir, 'app-1a2b.js'), 'console.log(2)');
    const second = await makeSw(dir);
    assert.notEqual(second.version, first.version);
    assert.equal(second.lazy['cedict.bin'], first.lazy['cedict.bin']);
    // A new dictionary changes both.
    await writeFile(join(dir, 'cedict.bin'), '中\t中\tzhōng\tcentre\n');
    const third = await makeSw(dir);
    assert.notEqual(third.version, second.version);
    assert.notEqual(third.lazy['cedict.bin'], second.lazy['cedict.bin']);
    // Without a build there is nothing to list.
    await rm(join(dir, 'index.html'));
    assert.throws(() => execFileSync('python3', [join(ROOT, 'scripts/make-sw.py'), dir], { stdio: 'pipe' }), /build first/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('the built sw.js lists exactly the files in dist/', async () => {
  const { readdir } = await import('node:fs/promises');
  const sw = constants(await readFile(join(ROOT, 'dist', 'sw.js'), 'utf8'));
  const files = (await readdir(join(ROOT, 'dist'), { recursive: true, withFileTypes: true }))
    .filter((d) => d.isFile()).map((d) => join(d.parentPath ?? d.path, d.name).slice(join(ROOT, 'dist').length + 1))
    .filter((f) => f !== 'sw.js').sort();
  assert.deepEqual([...Object.keys(sw.precache), ...Object.keys(sw.lazy)].sort(), files);
});

/** Loads the app and waits until the service worker controls the page and keeps the dictionary. */
async function firstVisit(page, url) {
  await page.goto(url);
  await page.waitForSelector('#paste-text');
  // The reader reads at once: the page fetches the card dictionary before
  // the service worker is in charge of it.
  await page.waitForFunction(() => document.documentElement.dataset.engine === 'ready');
  await page.fill('#paste-text', ARTICLE);
  await page.click('#read');
  await page.waitForSelector('#reader[data-progress="complete"]');
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30000 });
  // The dictionary is kept once its whole body is in the cache (a listed
  // entry may still be streaming in).
  await waitForAsync(page, async () => {
    for (const name of await caches.keys()) {
      if (!name.startsWith('dudong-data-cedict.bin')) continue;
      const cache = await caches.open(name);
      const kept = await cache.match(new URL('cedict.bin', location.href).href);
      // Listed as well: Chromium lists an entry once it is written to disk.
      if (kept && (await kept.arrayBuffer()).byteLength > 1_000_000 && (await cache.keys()).length === 1) return true;
    }
    return false;
  }, { what: 'the card dictionary in the cache' });
}

test('after one visit the app reads, highlights and shows word cards with the network off', async () => {
  const server = await serveDist();
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors = watchErrors(page);
  try {
    await firstVisit(page, server.url);
    // The network goes: the server stops and the browser is offline.
    await server.close();
    await context.setOffline(true);
    const asked = server.requests.length;
    await page.reload();
    // The engine is ready at once, and reopens what was being read: the
    // paste area is where the reader goes from there.
    await toPasteArea(page);
    await page.fill('#paste-text', ARTICLE);
    await page.click('#read');
    await page.waitForSelector('#reader mark');
    const kinds = await page.$$eval('#reader mark', (els) => [...new Set(els.map((e) => e.dataset.kind))].sort());
    for (const kind of ['figure', 'org', 'place']) assert.ok(kinds.includes(kind), `${kind} highlighted offline (${kinds})`);
    // A plain word's card opens offline, from the dictionary the worker kept.
    const word = page.locator('#reader .w', { hasText: /^记者$/ }).first();
    await word.click();
    await page.waitForSelector('#card');
    await page.waitForFunction(() => /jì zhě/.test(document.querySelector('#card')?.textContent ?? ''), null, { timeout: 15000 });
    await shot(page, 'offline-card');
    // Phase two offline too: jieba's full dictionary and the models come
    // from the service worker's cache.
    await page.waitForFunction(() => document.documentElement.dataset.dictionary === 'ready'
      && document.documentElement.dataset.namesModel === 'ready', null, { timeout: 20000 });
    assert.equal(server.requests.length, asked, 'nothing reached the server once it was stopped');
    assert.deepEqual(errors, [], 'no errors offline');
  } finally {
    await context.close();
  }
});

test('every file, the card dictionary too, is downloaded once on the first visit', async () => {
  // A reader's own profile, with its disk cache (the other tests' contexts
  // are incognito, whose memory cache does not keep a 9 MB file): the page
  // downloads the dictionary before the service worker is in charge, and the
  // worker keeps that copy rather than downloading it again.
  const server = await serveDist();
  const profile = await launchProfile();
  try {
    const page = await profile.context.newPage();
    await firstVisit(page, server.url);
    assert.equal(server.requests.filter((p) => p === '/cedict.bin').length, 1, `asked for: ${server.requests}`);
    // The worker keeps the app's files from the HTTP cache too (the page
    // itself was asked for as "/", which the worker's "index.html" is not).
    await waitForAsync(page, async () => (await caches.keys()).some((k) => k.startsWith('dudong-app-')), { what: 'the app cache' });
    const counts = {};
    for (const path of server.requests) counts[path] = (counts[path] ?? 0) + 1;
    for (const [path, n] of Object.entries(counts)) {
      if (path !== '/' && path !== '/index.html' && path !== '/sw.js') assert.equal(n, 1, `${path} asked for ${n} times`);
    }
    assert.ok(counts['/model-v1.bin'] === 1 && counts['/cedict.bin'] === 1, JSON.stringify(counts));
  } finally {
    await profile.close();
    await server.close();
  }
});

test('a new build installs beside the old one and replaces its cache when the reader reloads', async () => {
  const server = await serveDist();
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  try {
    await firstVisit(page, server.url);
    const old = constants(await readFile(join(ROOT, 'dist', 'sw.js'), 'utf8')).version;
    assert.ok((await page.evaluate(() => caches.keys())).includes(`dudong-app-${old}`));
    await page.getByRole('button', { name: /Edit text/ }).click();
    await page.fill('#paste-text', '新版本之前的草稿');
    await page.waitForTimeout(600);
    // The server now has a new build: same files, a sw.js of another version.
    server.override['/sw.js'] = (text) => text.replace(`const VERSION = "${old}"`, 'const VERSION = "next-build"');
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
    await page.waitForSelector('#update-ready', { timeout: 30000 });
    assert.match(await page.textContent('#update-ready'), /new version/);
    // Until the reader chooses, the old build stays in charge.
    assert.ok((await page.evaluate(() => caches.keys())).includes(`dudong-app-${old}`));
    await Promise.all([page.waitForEvent('load'), page.click('#update-reload')]);
    await waitForAsync(page, async () => !(await caches.keys()).some((k) => k.startsWith('dudong-app-') && k !== 'dudong-app-next-build'),
      { what: 'the old build\'s cache to go' });
    const keys = await page.evaluate(() => caches.keys());
    assert.ok(keys.includes('dudong-app-next-build'), `new cache in ${keys}`);
    assert.ok(keys.some((k) => k.startsWith('dudong-data-cedict.bin')), 'the unchanged dictionary is kept');
    // The reader's draft came through the reload.
    await page.waitForFunction(() => document.querySelector('#paste-text')?.value === '新版本之前的草稿');
  } finally {
    await context.close();
    await server.close();
  }
});
