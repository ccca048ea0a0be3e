#!/usr/bin/env node
// The browser half of `make bench`, side by side with jieba-wasm 2.4.0 (npm),
// the usual way to run jieba in a browser, in the same headless Chromium run.
// It also gathers the native figures and the share-link ratio that the
// Makefile's earlier steps wrote, and the segmentation agreement, then writes
// target/bench/report.json (exactly the keys of issue 6, plus
// jieba_wasm_memory_mb and segmentation_agreement) and prints a table with the
// peer's figure, the ratio and the target. Everything else it saw (per-run
// figures, per-file sizes, why a figure is missing) goes to
// target/bench/report-details.json.
//
//   node scripts/bench-browser.mjs        (after scripts/build-web.sh; `make bench` runs both)
//
// BENCH_RUNS (default 5) cold loads of the app and of jieba-wasm, interleaved;
// BENCH_BIG_RUNS (default 3) pastes of the 200,000-character text. Every
// browser figure is the median over its runs, each in a fresh browser context
// (its own cache), so every load is cold. A figure that cannot be taken is
// null, with the reason printed; it never stops the others.
//
// What the app provides for the bench (README, "Reading `make bench`"):
//   <html data-engine="loading" | "ready">, performance.mark("dudong:engine-ready");
//   per analysis, performance.mark("dudong:first-screen") and ("dudong:complete"),
//   #reader[data-progress="partial" | "complete"];
//   <html data-wasm-memory data-worker-memory> in bytes after each analysis.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, normalize, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { launchBrowser } from '../tests/e2e/harness.mjs';
import { serveStatic } from './static-server.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// BENCH_DIST measures another build folder (to try the bench itself against a stand-in).
const DIST = resolve(process.env.BENCH_DIST ?? join(ROOT, 'dist'));
const OUT = join(ROOT, 'target', 'bench');
const JIEBA_DIR = join(ROOT, 'node_modules', 'jieba-wasm', 'pkg', 'web');
const JIEBA_VERSION = '2.4.0';
const RUNS = positiveInt(process.env.BENCH_RUNS, 5);
const BIG_RUNS = positiveInt(process.env.BENCH_BIG_RUNS, 3);
// Without the app contract in the build, how long to wait for data-engine
// before going on without it.
const CONTRACT_GRACE_MS = 3000;
// How long after the reading view is complete its long tasks are still counted.
const AFTER_COMPLETE_MS = 1000;

const MARK_READY = 'dudong:engine-ready';
const MARK_FIRST_SCREEN = 'dudong:first-screen';
const MARK_COMPLETE = 'dudong:complete';

/** The order of report.json; the first fourteen are issue 6's keys. */
const KEYS = [
  'transfer_gz_bytes', 'lazy_gz_bytes', 'engine_ready_ms', 'seed_ms', 'big_ms_first_screen',
  'big_ms_complete', 'longest_block_ms', 'wasm_memory_mb', 'jieba_wasm_init_ms', 'jieba_wasm_seed_ms',
  'jieba_wasm_gz_bytes', 'native_seed_ms', 'native_200k_ms', 'share_ratio_vs_lz_string',
  'jieba_wasm_memory_mb', 'segmentation_agreement', 'ner_model_gz_bytes', 'cedict_gz_bytes', 'ner_seed_ms',
  'curated_seed_worker_ms', 'terms_gz_bytes', 'spin_lm_gz_bytes', 'issue17_gz_bytes', 'jieba_dict_gz_bytes', 'phase_one_segmentation_agreement',
  'phase_one_held_out_agreement', 'phase_one_coverage', 'link_open_ms', 'link_text_ms', 'seed_painted_ms',
  'worker_started_ms', 'worker_compiled_ms', 'worker_segmenter_built_ms', 'worker_engine_built_ms',
  'jieba_wasm_from_navigation_ms',
];

function positiveInt(value, fallback) {
  const n = Number.parseInt(value ?? '', 10);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

const report = Object.fromEntries(KEYS.map((k) => [k, null]));
const reasons = {};
const details = { runs: RUNS, big_runs: BIG_RUNS, chromium: null, texts: {}, app: [], link: [], big: [], jieba: [], files: {} };

/** Records why a figure is missing (the first reason wins) and says so now. */
function missing(key, why) {
  if (report[key] !== null || reasons[key]) return;
  reasons[key] = why;
  console.error(`bench: ${key} is null: ${why}`);
}

const round = (x, digits) => (x === null || x === undefined || !Number.isFinite(x) ? null : Number(x.toFixed(digits)));
const MB = 1e6; // decimal megabytes, as the issue gives jieba-wasm's 4.0 MB

function median(values) {
  const xs = values.filter((v) => v !== null && v !== undefined && Number.isFinite(v)).sort((a, b) => a - b);
  if (xs.length === 0) return null;
  const mid = xs.length >> 1;
  return xs.length % 2 ? xs[mid] : (xs[mid - 1] + xs[mid]) / 2;
}

/** Sets a report figure to the median of the runs' values, or null with the runs' reason. */
function setMedian(key, runs, pick, digits, domKey) {
  const values = runs.map(pick);
  const m = median(values);
  if (m === null) {
    let why = runs.map((r) => r.why?.[key]).find(Boolean) ?? 'no run produced it';
    // Without the marks, say when the reader's first word reached the DOM (not the figure itself).
    const dom = domKey ? median(runs.map((r) => r[domKey])) : null;
    if (dom !== null) why += `; the first word was in the DOM a median ${dom.toFixed(1)} ms after Read`;
    missing(key, why);
  } else {
    report[key] = round(m, digits);
    const failed = values.filter((v) => v === null || v === undefined).length;
    if (failed) console.error(`bench: ${key}: ${failed} of ${values.length} runs gave nothing; median of the others`);
  }
}

// ---------------------------------------------------------------- texts

const SEED = resolve(ROOT, '..', 'shared', 'fixtures', 'seed', 'article.txt');
const SAMPLE = join(ROOT, 'crates', 'engine', 'src', 'knowledge', 'sample.txt');
const seedFile = existsSync(SEED) ? SEED : SAMPLE;
const seedText = readFileSync(seedFile, 'utf8');
details.texts.seed = { file: seedFile, chars: [...seedText].length };

/** The 200,000-character text examples/bench.rs measured natively (it writes it). */
function longText() {
  const file = join(OUT, 'long-200k.txt');
  if (!existsSync(file)) {
    console.error('bench: writing target/bench/long-200k.txt (cargo run --release --example bench -- --long-text-only)');
    execFileSync('cargo', ['run', '--quiet', '--release', '--example', 'bench', '--', '--long-text-only'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  }
  const text = readFileSync(file, 'utf8');
  details.texts.big = { file, chars: [...text].length };
  return text;
}

// ---------------------------------------------------------------- server

// The peer's page: no script of its own; the bench drives it with page.evaluate.
const JIEBA_PAGE = '<!doctype html><meta charset="utf-8"><title>jieba-wasm bench</title><p>jieba-wasm ' + JIEBA_VERSION;
// The same peer started by its page, as dudong's worker is: from navigation
// to its first cut, the clock engine_ready_ms runs on.
const JIEBA_NAV_PAGE = JIEBA_PAGE + `<script type="module">
import init, { cut } from '/__bench/jieba-wasm/jieba_rs_wasm.js';
await init({ module_or_path: '/__bench/jieba-wasm/jieba_rs_wasm_bg.wasm' });
cut('读懂一篇文章', true);
performance.mark('jieba:ready');
</script>`;

const gzCache = new Map();
function gzSize(path, body) {
  if (!gzCache.has(path)) gzCache.set(path, gzipSync(body, { level: 9 }).length);
  return gzCache.get(path);
}

/** Serves dist/ and, under /__bench/, the peer's page and package; logs every request. */
async function serve() {
  const log = [];
  const server = await serveStatic(DIST, {
    headers: { 'cache-control': 'no-cache' },
    answer: (path) => {
      if (path === '/__bench/jieba.html') return { body: Buffer.from(JIEBA_PAGE), type: 'text/html; charset=utf-8' };
      if (path === '/__bench/jieba-nav.html') return { body: Buffer.from(JIEBA_NAV_PAGE), type: 'text/html; charset=utf-8' };
      if (path.startsWith('/__bench/jieba-wasm/')) {
        const file = normalize(join(JIEBA_DIR, path.slice('/__bench/jieba-wasm/'.length)));
        return file.startsWith(JIEBA_DIR) ? { file } : { status: 403 };
      }
      return null;
    },
    served: ({ at, path, status, body }) => {
      const ok = status === 200;
      log.push({ at, path, status, bytes: ok ? body.length : 0, gz: ok ? gzSize(path, body) : 0 });
    },
  });
  return { ...server, log };
}

/** Waits until the server has had no request for `quietMs` and none is open (at most `maxMs`). */
async function networkQuiet(server, quietMs = 1500, maxMs = 20000) {
  const start = Date.now();
  for (;;) {
    const last = server.log.length ? server.log[server.log.length - 1].at : 0;
    if (!server.busy() && Date.now() - Math.max(last, start) >= quietMs) return true;
    if (Date.now() - start > maxMs) return false;
    await new Promise((ok) => setTimeout(ok, 100));
  }
}

// ---------------------------------------------------------------- the app

// Installed in every app page before its own scripts: collects long tasks from
// the start, and keeps Trunk's wasm exports (only to explain a missing memory figure).
const INIT_SCRIPT = `
  window.__bench = { longtasks: [], t0: null, domAt: null, analyses: [] };
  // Every analysis the worker answers (its own time), in order: the first
  // article is read with the curated lists, and again once the name model is in.
  new MutationObserver(() => {
    const d = document.documentElement.dataset;
    window.__bench.analyses.push({ at: performance.now(), id: d.analysisId, ms: Number(d.analysisMs) });
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-analysis-id'] });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__bench.longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) { window.__bench.longtaskError = String(e); }
  // The frame after the reading view is complete: a mark is taken when the
  // DOM holds the view; the reader sees it once the browser has laid it out
  // and painted it. A task queued from the next frame's animation callback
  // runs after that frame.
  window.__bench.painted = [];
  const mark = performance.mark.bind(performance);
  performance.mark = (name, options) => {
    const entry = mark(name, options);
    if (name === 'dudong:complete') requestAnimationFrame(() => setTimeout(() => window.__bench.painted.push(performance.now()), 0));
    return entry;
  };
  addEventListener('TrunkApplicationStarted', (e) => { window.__bench.trunkWasm = e.detail && e.detail.wasm; });
  // When <html data-engine> became "ready" (only to explain a missing mark).
  new MutationObserver((_, obs) => {
    if (document.documentElement && document.documentElement.dataset.engine === 'ready') { window.__bench.readyAt = performance.now(); obs.disconnect(); }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-engine'] });
  // The moment the Read click reaches the page, just before the app's own handler.
  addEventListener('click', (e) => {
    if (!e.target.closest || !e.target.closest('#read')) return;
    window.__bench.t0 = performance.now();
    window.__bench.domAt = null;
    // Only to explain a missing mark: when the reader's first word is in the DOM.
    const seen = () => { if (window.__bench.domAt === null && document.querySelector('#reader .w')) window.__bench.domAt = performance.now(); };
    new MutationObserver((_, obs) => { seen(); if (window.__bench.domAt !== null) obs.disconnect(); })
      .observe(document.documentElement, { childList: true, subtree: true });
  }, { capture: true });
`;

// Whether this build has the bench contract at all (decides how long to wait for it).
function buildHasContract() {
  try {
    return readdirSync(DIST).some((f) => /\.(js|wasm)$/.test(f) && readFileSync(join(DIST, f)).includes(MARK_READY));
  } catch {
    return false;
  }
}

async function newAppPage(browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(INIT_SCRIPT);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { context, page, errors };
}

/** Loads the app cold and waits for its engine; returns engine_ready_ms or a reason. */
async function loadApp(page, server, contract) {
  await page.goto(server.url);
  await page.waitForSelector('#paste-text', { timeout: 60000 });
  try {
    await page.waitForFunction(() => ['ready', 'failed'].includes(document.documentElement.dataset.engine), null, { timeout: contract ? 60000 : CONTRACT_GRACE_MS, polling: 'raf' });
    if (await page.evaluate(() => document.documentElement.dataset.engine) === 'failed') {
      const status = await page.textContent('#engine-status').catch(() => null);
      return { why: `the engine failed to start${status ? `: ${status}` : ''}` };
    }
  } catch {
    const state = await page.evaluate(() => document.documentElement.dataset.engine ?? null);
    return { why: state === null ? 'the page never set <html data-engine> (bench contract not in this build)' : `data-engine stayed "${state}"` };
  }
  const ready = await page.evaluate((name) => ({ mark: performance.getEntriesByName(name).at(-1)?.startTime ?? null, seen: window.__bench.readyAt ?? null }), MARK_READY);
  if (ready.mark !== null) return { ms: ready.mark };
  const seen = ready.seen === null ? '' : ` (data-engine became "ready" at ${ready.seen.toFixed(1)} ms)`;
  return { why: `data-engine is "ready" but the page has no "${MARK_READY}" mark${seen}` };
}

/**
 * Pastes `text`, presses Read and waits for the reading view. Returns
 * {firstScreen, complete, longest, readableWall} (ms; null with `why` where missing).
 */
async function readText(page, text, timeout) {
  // A paste: the whole text arrives in one input event. (Playwright's fill
  // types it in through the editor, which takes 24 s for 200,000 characters.)
  await page.waitForSelector('#paste-text');
  await page.evaluate((value) => {
    const area = document.querySelector('#paste-text');
    area.value = value;
    area.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  }, text);
  // Let the paste area settle (its autosave fires 400 ms after the last edit)
  // so that nothing of the paste itself is timed.
  await page.waitForTimeout(700);
  await page.click('#read');
  const why = {};
  const state = await page.waitForFunction(([complete]) => {
    const b = window.__bench;
    if (b.t0 === null) return false;
    if (performance.getEntriesByName(complete).some((e) => e.startTime >= b.t0)) return 'marks';
    const reader = document.querySelector('#reader');
    // No contract in this build: the reader exists without data-progress.
    if (reader && !reader.dataset.progress && b.domAt !== null) return 'no-marks';
    return false;
  }, [MARK_COMPLETE], { timeout, polling: 'raf' }).then((h) => h.jsonValue()).catch((e) => `timeout: ${e.message.split('\n')[0]}`);
  // The browser lays out and paints what the app put in after the mark: let
  // that happen, so that a long task of its own is seen too.
  if (state === 'marks' || state === 'no-marks') {
    await page.evaluate((ms) => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(ok, ms)))), AFTER_COMPLETE_MS);
  }
  const m = await page.evaluate(([first, complete, afterMs]) => {
    const b = window.__bench;
    // The first marks after Read: the reader's first highlights (the article
    // is read again, with later marks, when the name model arrives).
    const earliest = (name) => performance.getEntriesByName(name).filter((e) => e.startTime >= b.t0).at(0)?.startTime ?? null;
    const c = earliest(complete);
    const end = c ?? b.domAt ?? performance.now();
    // Every task that ran from the click to a moment after the reading view was complete.
    const tasks = b.longtasks.filter((t) => t.start + t.duration >= b.t0 && t.start <= end + afterMs);
    return {
      t0: b.t0, firstScreen: earliest(first), complete: c, domAt: b.domAt, timeOrigin: performance.timeOrigin,
      progress: document.querySelector('#reader')?.dataset.progress ?? null,
      longest: tasks.length ? Math.max(...tasks.map((t) => t.duration)) : 0,
      painted: b.painted.find((at) => at >= (c ?? Infinity)) ?? null,
      longtaskError: b.longtaskError ?? null,
    };
  }, [MARK_FIRST_SCREEN, MARK_COMPLETE, AFTER_COMPLETE_MS]);
  const out = { firstScreen: null, complete: null, longest: null, readableWall: null, why };
  if (state === 'marks') {
    out.complete = m.complete - m.t0;
    if (m.painted !== null) out.painted = m.painted - m.t0;
    if (m.firstScreen !== null) out.firstScreen = m.firstScreen - m.t0;
    else why.first_screen = `no "${MARK_FIRST_SCREEN}" mark after Read`;
    out.readableWall = m.timeOrigin + m.complete;
  } else if (state === 'no-marks') {
    const dom = m.domAt - m.t0;
    why.complete = `no "${MARK_COMPLETE}" mark and no #reader[data-progress] (bench contract not in this build)`;
    why.first_screen = why.complete;
    out.readableWall = m.timeOrigin + m.domAt;
    out.domMs = dom;
  } else {
    why.complete = `the reading view was not complete (${state}; data-progress=${m.progress})`;
    why.first_screen = why.complete;
  }
  if (m.longtaskError) why.longest = `no Long Tasks API: ${m.longtaskError}`;
  else if (state === 'marks' || state === 'no-marks') out.longest = m.longest;
  else why.longest = why.complete;
  return out;
}

/** The worker's analysis time for the seed once the name model is in (the
 *  page reads the article on screen again when it arrives). */
async function nerSeed(page) {
  const loaded = await page.waitForFunction(() => document.documentElement.dataset.namesModel, null, { timeout: 20000 })
    .then((h) => h.jsonValue()).catch(() => null);
  if (loaded !== 'ready') return { why: loaded ? `the name model did not load (${loaded})` : 'the name model never arrived' };
  const again = await page.waitForSelector('#reader[data-names="model"]', { timeout: 20000 }).then(() => true).catch(() => false);
  if (!again) return { why: 'the article was not read again with the name model' };
  const runs = await page.evaluate(() => window.__bench.analyses.filter((a) => a.at >= window.__bench.t0));
  if (runs.length < 2) return { why: `${runs.length} analyses after Read, expected the first and the one with the model` };
  return { ms: runs.at(-1).ms, before: runs[0].ms };
}

/** The wasm memory the app reports after an analysis (page + worker), in bytes. */
async function appMemory(page) {
  const hasWorker = page.workers().length > 0;
  try {
    await page.waitForFunction((worker) => {
      const d = document.documentElement.dataset;
      return d.wasmMemory !== undefined && (!worker || d.workerMemory !== undefined);
    }, hasWorker, { timeout: 5000 });
  } catch { /* reported below */ }
  const m = await page.evaluate(() => ({
    page: document.documentElement.dataset.wasmMemory ?? null,
    worker: document.documentElement.dataset.workerMemory ?? null,
    trunk: window.__bench.trunkWasm?.memory?.buffer?.byteLength ?? null,
  }));
  if (m.page === null) {
    const seen = m.trunk === null ? '' : `; the page's own wasm memory is ${(m.trunk / MB).toFixed(2)} MB${hasWorker ? ' plus a worker' : ''}`;
    return { why: `the page did not set <html data-wasm-memory> (bench contract not in this build)${seen}` };
  }
  if (hasWorker && m.worker === null) return { why: 'the page runs a worker but did not set <html data-worker-memory>' };
  const bytes = Number(m.page) + Number(m.worker ?? 0);
  return Number.isFinite(bytes) ? { bytes, page: Number(m.page), worker: m.worker === null ? null : Number(m.worker) } : { why: `unreadable memory figures ${JSON.stringify(m)}` };
}

/**
 * Where the worker's start-up goes, in ms from navigation (the page's
 * clock): the worker running its loader, its wasm compiled, phase one's
 * segmenter built, the whole phase-one engine built (Ready follows).
 */
async function workerStartup(page) {
  const worker = page.workers().find((w) => w.url().includes('worker-loader'));
  if (!worker) return {};
  const pageOrigin = await page.evaluate(() => performance.timeOrigin);
  const w = await worker.evaluate(() => ({ origin: performance.timeOrigin, marks: performance.getEntriesByType('mark').map((m) => [m.name, m.startTime]) }));
  const shift = w.origin - pageOrigin;
  const at = (name) => { const m = w.marks.find(([n]) => n === name); return m ? m[1] + shift : undefined; };
  return {
    worker_started_ms: shift,
    worker_compiled_ms: at('dudong:worker-compiled'),
    worker_segmenter_built_ms: at('dudong:worker-segmenter-built'),
    worker_engine_built_ms: at('dudong:worker-engine-built'),
  };
}

/** Requests as {path, status, bytes, gz, ms}: ms after the run's first request. */
function files(entries, base) {
  return entries.map((e) => ({ path: e.path, status: e.status, bytes: e.bytes, gz: e.gz, ms: e.at - base }));
}

/** One cold load of the app: engine ready, the seed read, memory, and what was downloaded when. */
async function appRun(browser, server, contract) {
  const run = { why: {} };
  const { context, page, errors } = await newAppPage(browser);
  const from = server.log.length;
  try {
    const ready = await loadApp(page, server, contract);
    if (ready.ms !== undefined) run.engine_ready_ms = ready.ms; else run.why.engine_ready_ms = ready.why;
    Object.assign(run, await workerStartup(page).catch(() => ({})));
    const seed = await readText(page, seedText, 30000);
    if (seed.complete !== null) run.seed_ms = seed.complete; else run.why.seed_ms = seed.why.complete;
    if (seed.domMs !== undefined) run.seed_dom_ms = seed.domMs;
    if (seed.painted !== undefined) run.seed_painted_ms = seed.painted;
    const mem = await appMemory(page);
    if (mem.bytes !== undefined) Object.assign(run, { wasm_memory_mb: mem.bytes / MB, page_memory: mem.page, worker_memory: mem.worker });
    else run.why.wasm_memory_mb = mem.why;
    run.workers = page.workers().length;
    if (seed.readableWall !== null) {
      // Whatever was asked for after the reader could read: let it arrive,
      // and open a word's card, which may fetch its dictionary only then.
      await networkQuiet(server);
      const word = page.locator('#reader .w').first();
      if (await word.count()) { await word.click().catch(() => {}); await networkQuiet(server); }
      const log = server.log.slice(from);
      // A file counts in the transfer when its request reached the server
      // before the reading view was complete (the server and the page share
      // this machine's clock); anything later is lazy.
      const readable = seed.readableWall;
      const base = log[0]?.at ?? readable;
      run.transfer = files(log.filter((e) => e.at <= readable), base);
      run.lazy = files(log.filter((e) => e.at > readable), base);
      run.readable_ms = readable - base;
      run.transfer_gz_bytes = run.transfer.reduce((s, e) => s + e.gz, 0);
      run.lazy_gz_bytes = run.lazy.reduce((s, e) => s + e.gz, 0);
      // The name model arrives after the first highlights; the article on
      // screen is then read again with it. The worker's own time for that
      // reading against the one before (curated lists only).
      const ner = await nerSeed(page);
      if (ner.ms !== undefined) Object.assign(run, { ner_seed_ms: ner.ms, curated_seed_worker_ms: ner.before });
      else run.why.ner_seed_ms = ner.why;
    } else {
      run.why.transfer_gz_bytes = run.why.lazy_gz_bytes = `the seed was never readable: ${seed.why.complete}`;
    }
  } catch (e) {
    run.error = e.message.split('\n')[0];
    for (const k of ['engine_ready_ms', 'seed_ms', 'wasm_memory_mb', 'transfer_gz_bytes', 'lazy_gz_bytes']) run.why[k] ??= `the run failed: ${run.error}`;
  } finally {
    run.page_errors = errors;
    await context.close();
  }
  return run;
}

/** One paste of the 200,000-character text in a fresh page. */
async function bigRun(browser, server, contract, text) {
  const run = { why: {} };
  const { context, page, errors } = await newAppPage(browser);
  try {
    await loadApp(page, server, contract);
    const big = await readText(page, text, 180000);
    if (big.firstScreen !== null) run.big_ms_first_screen = big.firstScreen; else run.why.big_ms_first_screen = big.why.first_screen;
    if (big.complete !== null) run.big_ms_complete = big.complete; else run.why.big_ms_complete = big.why.complete;
    if (big.longest !== null) run.longest_block_ms = big.longest; else run.why.longest_block_ms = big.why.longest;
    if (big.domMs !== undefined) run.dom_ms = big.domMs;
  } catch (e) {
    run.error = e.message.split('\n')[0];
    for (const k of ['big_ms_first_screen', 'big_ms_complete', 'longest_block_ms']) run.why[k] ??= `the run failed: ${run.error}`;
  } finally {
    run.page_errors = errors;
    await context.close();
  }
  return run;
}

// ---------------------------------------------------------------- a share link

/** The seed's share link on this server, made by the CLI (`dudong share`). */
function seedLink(server) {
  const out = execFileSync('cargo', ['run', '--quiet', '--release', '--bin', 'dudong', '--', 'share', '--base', server.url, seedFile],
    { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  return out.trim();
}

// Installed in the page of a link run: when the reading view first holds the
// article's words, and when its first highlight is on screen (in the
// viewport, laid out), in ms from the navigation's start.
const LINK_SCRIPT = `
  window.__link = { textAt: null, markAt: null };
  new MutationObserver((_, obs) => {
    const l = window.__link;
    if (l.textAt === null && document.querySelector('#reader .w')) l.textAt = performance.now();
    const mark = document.querySelector('#reader mark');
    if (l.textAt !== null && mark) {
      const r = mark.getBoundingClientRect();
      if (r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight) { l.markAt = performance.now(); obs.disconnect(); }
    }
  }).observe(document, { childList: true, subtree: true });
`;

/** One cold open of the seed's share link: its text shown, then its first highlight. */
async function linkRun(browser, link) {
  const run = { why: {} };
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(LINK_SCRIPT);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    await page.goto(link);
    await page.waitForFunction(() => window.__link.markAt !== null, null, { timeout: 60000, polling: 'raf' });
    const l = await page.evaluate(() => window.__link);
    Object.assign(run, { link_open_ms: l.markAt, link_text_ms: l.textAt });
  } catch (e) {
    run.error = e.message.split('\n')[0];
    const l = await page.evaluate(() => window.__link).catch(() => null);
    if (l?.textAt != null) run.link_text_ms = l.textAt;
    else run.why.link_text_ms = `the text never appeared: ${run.error}`;
    run.why.link_open_ms = `no highlight on screen: ${run.error}`;
  } finally {
    run.page_errors = errors;
    await context.close();
  }
  return run;
}

// ---------------------------------------------------------------- the peer

/** One cold load of jieba-wasm's web build: set-up to the first cut, memory, warm cut+tag on the seed. */
async function jiebaRun(browser, server) {
  const run = { why: {} };
  const context = await browser.newContext();
  const page = await context.newPage();
  const from = server.log.length;
  try {
    await page.goto(new URL('__bench/jieba.html', server.url).href);
    const r = await page.evaluate(async (seed) => {
      const t0 = performance.now();
      const jieba = await import('/__bench/jieba-wasm/jieba_rs_wasm.js');
      const exports = await jieba.default({ module_or_path: '/__bench/jieba-wasm/jieba_rs_wasm_bg.wasm' });
      // A short first call, so the figure is the set-up (dictionary included), not the text.
      const first = jieba.cut('读懂一篇文章', true);
      const init = performance.now() - t0;
      const memory = exports.memory.buffer.byteLength;
      jieba.cut(seed, true); jieba.tag(seed, true); // warm
      const times = [];
      let words = 0;
      for (let i = 0; i < 15; i++) {
        const t = performance.now();
        const cut = jieba.cut(seed, true);
        jieba.tag(seed, true);
        times.push(performance.now() - t);
        words = cut.length;
      }
      times.sort((a, b) => a - b);
      return { init, memory, warm: times[times.length >> 1], first: first.length, words };
    }, seedText);
    Object.assign(run, { jieba_wasm_init_ms: r.init, jieba_wasm_memory_mb: r.memory / MB, jieba_wasm_seed_ms: r.warm, seed_words: r.words });
    // What the peer downloads: its JS and wasm (not the bench's own page).
    const peer = server.log.slice(from).filter((e) => e.path.startsWith('/__bench/jieba-wasm/'));
    run.files = files(peer, peer[0]?.at ?? 0);
    run.jieba_wasm_gz_bytes = run.files.reduce((s, e) => s + e.gz, 0);
    // Again in a fresh context, started by its own page from navigation.
    const fresh = await browser.newContext();
    try {
      const navPage = await fresh.newPage();
      await navPage.goto(new URL('__bench/jieba-nav.html', server.url).href);
      await navPage.waitForFunction(() => performance.getEntriesByName('jieba:ready').length > 0, null, { timeout: 60000 });
      run.jieba_wasm_from_navigation_ms = await navPage.evaluate(() => performance.getEntriesByName('jieba:ready')[0].startTime);
    } finally {
      await fresh.close();
    }
  } catch (e) {
    run.error = e.message.split('\n')[0];
    for (const k of ['jieba_wasm_init_ms', 'jieba_wasm_seed_ms', 'jieba_wasm_memory_mb', 'jieba_wasm_gz_bytes']) run.why[k] = `the run failed: ${run.error}`;
  } finally {
    await context.close();
  }
  return run;
}

// ---------------------------------------------------------------- native, share, agreement

function readJson(file) {
  if (!existsSync(file)) return { why: `${file.replace(ROOT + '/', '')} is missing (its step did not run)` };
  const text = readFileSync(file, 'utf8').trim();
  if (!text) return { why: `${file.replace(ROOT + '/', '')} is empty (its step failed; see above)` };
  try {
    return { lines: text.split('\n').filter((l) => l.trim().startsWith('{')).map((l) => JSON.parse(l)) };
  } catch (e) {
    return { why: `${file.replace(ROOT + '/', '')} is not JSON: ${e.message}` };
  }
}

function nativeFigures() {
  const native = readJson(join(OUT, 'native.json'));
  for (const key of ['native_seed_ms', 'native_200k_ms']) {
    const v = native.lines?.at(-1)?.[key];
    if (typeof v === 'number') report[key] = v;
    else missing(key, native.why ?? `target/bench/native.json has no ${key}`);
  }
  const share = readJson(join(OUT, 'share.jsonl'));
  const want = seedFile === SEED ? 'fixtures/seed/article.txt' : 'crates/engine/src/knowledge/sample.txt';
  const line = share.lines?.find((l) => typeof l.file === 'string' && l.file.endsWith(want));
  if (typeof line?.ratio === 'number') {
    report.share_ratio_vs_lz_string = line.ratio;
    details.share = line;
  } else {
    missing('share_ratio_vs_lz_string', share.why ?? `target/bench/share.jsonl has no line for ${want}`);
  }
}

/**
 * The hook for segmentation agreement: `examples/seg_agreement.rs` (branch
 * perf-dict), run as `cargo run --release --example seg_agreement`. It should
 * print a JSON object whose `segmentation_agreement` is the fraction (0..1) of
 * tokens identical to full jieba-rs, the lowest over the texts it checks; a
 * last line holding only a number (a fraction, or a percentage with %) is
 * accepted too.
 */
function segmentationAgreement() {
  const example = ['seg_agreement.rs', 'seg_agreement/main.rs'].some((f) => existsSync(join(ROOT, 'examples', f)));
  if (!example) {
    missing('segmentation_agreement', 'examples/seg_agreement.rs is not in this branch yet (perf-dict writes it)');
    return;
  }
  let out;
  try {
    out = execFileSync('cargo', ['run', '--quiet', '--release', '--example', 'seg_agreement'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  } catch (e) {
    missing('segmentation_agreement', `cargo run --example seg_agreement failed (exit ${e.status})`);
    return;
  }
  process.stderr.write(out);
  details.seg_agreement_output = out;
  // examples/seg_agreement.rs prints one pretty JSON object with a
  // `token_agreement` per text: the figure is the lowest of them.
  try {
    const phaseOne = JSON.parse(out).phase_one;
    if (phaseOne) {
      report.phase_one_segmentation_agreement = phaseOne.lowest_token_agreement;
      report.phase_one_held_out_agreement = phaseOne.held_out_token_agreement;
      report.phase_one_coverage = phaseOne.held_out_coverage;
    }
  } catch { /* another format */ }
  try {
    const texts = JSON.parse(out).texts ?? [];
    const lowest = Math.min(...texts.map((t) => t.token_agreement).filter((v) => typeof v === 'number'));
    if (Number.isFinite(lowest)) { report.segmentation_agreement = lowest; return; }
  } catch { /* another format: below */ }
  const lines = out.trim().split('\n').map((l) => l.trim()).filter(Boolean);
  for (const line of [...lines].reverse()) {
    if (line.startsWith('{')) {
      try {
        const v = JSON.parse(line).segmentation_agreement;
        if (typeof v === 'number') { report.segmentation_agreement = v > 1 ? v / 100 : v; return; }
      } catch { /* not this line */ }
    }
  }
  const n = lines.at(-1)?.match(/^([0-9.]+)\s*(%?)$/);
  if (n) { report.segmentation_agreement = Number(n[1]) / (n[2] ? 100 : 1); return; }
  missing('segmentation_agreement', 'seg_agreement printed no "segmentation_agreement" (see its output above)');
}

// ---------------------------------------------------------------- table

const fmt = (v, unit) => {
  if (v === null || v === undefined) return 'null';
  if (unit === 'B') return Math.round(v).toLocaleString('en-US');
  if (unit === 'ratio') return v.toFixed(3);
  if (unit === 'fraction') return v.toFixed(4);
  if (unit === 'MB') return v.toFixed(2);
  return v.toFixed(1);
};

/** Rows: our figure, the peer's beside it, and issue 6's target. */
const ROWS = [
  { key: 'transfer_gz_bytes', unit: 'B', peer: 'jieba_wasm_gz_bytes', target: '≤ 0.5 × peer', pass: (v, p) => v <= 0.5 * p },
  { key: 'lazy_gz_bytes', unit: 'B', target: 'no target' },
  { key: 'engine_ready_ms', unit: 'ms', peer: 'jieba_wasm_init_ms', target: '≤ 0.5 × peer', pass: (v, p) => v <= 0.5 * p },
  // Issue 18: a share link shows its text when decoded, its highlights when read.
  { key: 'link_open_ms', unit: 'ms', peer: 'jieba_wasm_init_ms', target: '≤ peer', pass: (v, p) => v <= p },
  { key: 'link_text_ms', unit: 'ms', target: 'no target' },
  { key: 'seed_ms', unit: 'ms', peer: 'jieba_wasm_seed_ms', target: '≤ 50 ms', pass: (v) => v <= 50 },
  { key: 'seed_painted_ms', unit: 'ms', target: 'no target: seed_ms and the next frame' },
  { key: 'big_ms_first_screen', unit: 'ms', target: '≤ 300 ms', pass: (v) => v <= 300 },
  { key: 'big_ms_complete', unit: 'ms', target: '≤ 2000 ms', pass: (v) => v <= 2000 },
  { key: 'longest_block_ms', unit: 'ms', target: '≤ 100 ms', pass: (v) => v <= 100 },
  { key: 'wasm_memory_mb', unit: 'MB', peer: 'jieba_wasm_memory_mb', target: '≤ 0.75 × peer', pass: (v, p) => v <= 0.75 * p },
  { key: 'ner_model_gz_bytes', unit: 'B', target: '≤ 1 MB', pass: (v) => v <= 1_000_000 },
  { key: 'cedict_gz_bytes', unit: 'B', target: '≤ 2 MB', pass: (v) => v <= 2_000_000 },
  { key: 'ner_seed_ms', unit: 'ms', peer: 'curated_seed_worker_ms', target: '≤ peer + 10 ms', pass: (v, p) => v <= p + 10 },
  // Issue 17: everything new loads after the first highlights, at most 1 MB gzipped in all.
  { key: 'terms_gz_bytes', unit: 'B', target: 'with the spin table below' },
  { key: 'spin_lm_gz_bytes', unit: 'B', target: 'with the term lexicon above' },
  { key: 'issue17_gz_bytes', unit: 'B', target: '≤ 1 MB (terms + spin table)', pass: (v) => v <= 1_000_000 },
  { key: 'native_seed_ms', unit: 'ms' },
  { key: 'native_200k_ms', unit: 'ms' },
  { key: 'share_ratio_vs_lz_string', unit: 'ratio', target: '≤ 0.600', pass: (v) => v <= 0.6 },
  { key: 'segmentation_agreement', unit: 'fraction', target: '≥ 0.995', pass: (v) => v >= 0.995 },
  // Issue 18: the worker starts with the core of jieba's dictionary (phase
  // one) and fetches the full one with the models (phase two, the figure above).
  { key: 'jieba_dict_gz_bytes', unit: 'B', target: 'after the first highlights' },
  { key: 'phase_one_segmentation_agreement', unit: 'fraction', target: 'lowest text, no target' },
  { key: 'phase_one_held_out_agreement', unit: 'fraction', target: 'no target' },
  { key: 'phase_one_coverage', unit: 'fraction', target: '≥ 0.97', pass: (v) => v >= 0.97 },
];

function table() {
  const head = ['figure', 'dudong', `jieba-wasm ${JIEBA_VERSION}`, 'ratio', 'target', 'result'];
  const rows = ROWS.map((r) => {
    const v = report[r.key];
    const p = r.peer ? report[r.peer] : null;
    const ratio = v !== null && p ? v / p : null;
    let result = '';
    if (r.pass) {
      const needsPeer = r.pass.length > 1;
      result = v === null || (needsPeer && p === null) ? 'n/a' : r.pass(v, p) ? 'PASS' : 'FAIL';
    }
    return [`${r.key}${r.unit === 'ratio' || r.unit === 'fraction' ? '' : ` (${r.unit === 'B' ? 'gz bytes' : r.unit})`}`, fmt(v, r.unit),
      r.peer ? `${fmt(p, r.unit)} (${r.peer})` : '', ratio === null ? '' : ratio.toFixed(2), r.target ?? '', result];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 1 || i === 3 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function breakdown(title, list) {
  if (!list?.length) return `${title}: nothing`;
  const n = (x) => Math.round(x).toLocaleString('en-US');
  const rows = list.map((e) => `  ${n(e.gz).padStart(11)}  ${n(e.bytes).padStart(11)}  ${`+${n(e.ms)}`.padStart(9)}  ${e.status === 200 ? '' : `(${e.status}) `}${e.path}`);
  const total = list.reduce((s, e) => s + e.gz, 0);
  return [`${title}:`, '    gzip -9 B        raw B  asked at  file', ...rows, `  ${n(total).padStart(11)}  total`].join('\n');
}

// ---------------------------------------------------------------- main

async function browserFigures() {
  if (!existsSync(join(DIST, 'index.html'))) {
    for (const k of ['transfer_gz_bytes', 'lazy_gz_bytes', 'engine_ready_ms', 'seed_ms', 'big_ms_first_screen', 'big_ms_complete', 'longest_block_ms', 'wasm_memory_mb']) missing(k, 'no dist/index.html (run scripts/build-web.sh)');
  }
  if (!existsSync(join(JIEBA_DIR, 'jieba_rs_wasm.js'))) {
    for (const k of ['jieba_wasm_init_ms', 'jieba_wasm_seed_ms', 'jieba_wasm_gz_bytes', 'jieba_wasm_memory_mb']) missing(k, 'node_modules/jieba-wasm is not installed (npm ci)');
  }
  const server = await serve();
  const browser = await launchBrowser();
  details.chromium = browser.version();
  const contract = buildHasContract();
  details.contract_in_build = contract;
  console.error(`bench: Chromium ${details.chromium}; ${RUNS} cold loads of the app and of jieba-wasm, ${BIG_RUNS} pastes of the long text${contract ? '' : '; the bench contract is not in this build'}`);
  try {
    const haveApp = !reasons.seed_ms;
    const havePeer = !reasons.jieba_wasm_init_ms;
    let link = null;
    if (haveApp) {
      try {
        link = seedLink(server);
      } catch (e) {
        for (const k of ['link_open_ms', 'link_text_ms']) missing(k, `no share link for the seed: ${e.message.split('\n')[0]}`);
      }
    }
    for (let i = 0; i < RUNS; i++) {
      if (haveApp) details.app.push(await appRun(browser, server, contract));
      if (link) details.link.push(await linkRun(browser, link));
      if (havePeer) details.jieba.push(await jiebaRun(browser, server));
      process.stderr.write(`bench: cold load ${i + 1}/${RUNS} done\n`);
    }
    let text = null;
    if (haveApp) {
      try {
        text = longText();
      } catch (e) {
        for (const k of ['big_ms_first_screen', 'big_ms_complete', 'longest_block_ms']) missing(k, `no 200,000-character text: ${e.message.split('\n')[0]}`);
      }
    }
    if (text !== null) {
      for (let i = 0; i < BIG_RUNS; i++) {
        details.big.push(await bigRun(browser, server, contract, text));
        process.stderr.write(`bench: long text ${i + 1}/${BIG_RUNS} done\n`);
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  setMedian('engine_ready_ms', details.app, (r) => r.engine_ready_ms, 1);
  setMedian('link_open_ms', details.link, (r) => r.link_open_ms, 1);
  setMedian('link_text_ms', details.link, (r) => r.link_text_ms, 1);
  setMedian('seed_ms', details.app, (r) => r.seed_ms, 1, 'seed_dom_ms');
  setMedian('seed_painted_ms', details.app, (r) => r.seed_painted_ms, 1);
  setMedian('wasm_memory_mb', details.app, (r) => r.wasm_memory_mb, 2);
  setMedian('transfer_gz_bytes', details.app, (r) => r.transfer_gz_bytes, 0);
  setMedian('lazy_gz_bytes', details.app, (r) => r.lazy_gz_bytes, 0);
  setMedian('ner_seed_ms', details.app, (r) => r.ner_seed_ms, 1);
  setMedian('curated_seed_worker_ms', details.app, (r) => r.curated_seed_worker_ms, 1);
  const nerModel = join(DIST, 'ner.model');
  if (existsSync(nerModel)) report.ner_model_gz_bytes = gzSize(nerModel, readFileSync(nerModel));
  else missing('ner_model_gz_bytes', `no ${nerModel} (run scripts/build-web.sh)`);
  const cedict = join(DIST, 'cedict.bin');
  if (existsSync(cedict)) report.cedict_gz_bytes = gzSize(cedict, readFileSync(cedict));
  else missing('cedict_gz_bytes', `no ${cedict} (run scripts/build-web.sh)`);
  const jiebaDict = join(DIST, 'jieba-dict.bin');
  if (existsSync(jiebaDict)) report.jieba_dict_gz_bytes = gzSize(jiebaDict, readFileSync(jiebaDict));
  else missing('jieba_dict_gz_bytes', `no ${jiebaDict} (run scripts/build-web.sh)`);
  const termsLexicon = join(DIST, 'terms.lex');
  if (existsSync(termsLexicon)) report.terms_gz_bytes = gzSize(termsLexicon, readFileSync(termsLexicon));
  else missing('terms_gz_bytes', `no ${termsLexicon} (run scripts/build-web.sh)`);
  const spinTable = join(DIST, 'spin-lm.bin');
  if (existsSync(spinTable)) report.spin_lm_gz_bytes = gzSize(spinTable, readFileSync(spinTable));
  else missing('spin_lm_gz_bytes', `no ${spinTable} (run scripts/build-web.sh)`);
  if (report.terms_gz_bytes != null && report.spin_lm_gz_bytes != null) report.issue17_gz_bytes = report.terms_gz_bytes + report.spin_lm_gz_bytes;
  else missing('issue17_gz_bytes', 'the term lexicon or the spin table is missing');
  for (const key of ['big_ms_first_screen', 'big_ms_complete']) setMedian(key, details.big, (r) => r[key], 1, 'dom_ms');
  setMedian('longest_block_ms', details.big, (r) => r.longest_block_ms, 1);
  for (const key of ['jieba_wasm_init_ms', 'jieba_wasm_seed_ms']) setMedian(key, details.jieba, (r) => r[key], 1);
  setMedian('jieba_wasm_memory_mb', details.jieba, (r) => r.jieba_wasm_memory_mb, 2);
  setMedian('jieba_wasm_gz_bytes', details.jieba, (r) => r.jieba_wasm_gz_bytes, 0);
  setMedian('jieba_wasm_from_navigation_ms', details.jieba, (r) => r.jieba_wasm_from_navigation_ms, 1);
  for (const key of ['worker_started_ms', 'worker_compiled_ms', 'worker_segmenter_built_ms', 'worker_engine_built_ms']) setMedian(key, details.app, (r) => r[key], 1);

  // The files of the run whose transfer is the median one (and whether the runs agree on them).
  const withFiles = details.app.filter((r) => r.transfer);
  if (withFiles.length) {
    const byTotal = [...withFiles].sort((a, b) => a.transfer_gz_bytes - b.transfer_gz_bytes);
    const mid = byTotal[(byTotal.length - 1) >> 1];
    details.files = { transfer: mid.transfer, lazy: mid.lazy, readable_ms: mid.readable_ms, peer: details.jieba.find((r) => r.files)?.files ?? [] };
    // Files that some runs asked for before the reader could read and others did not.
    const counts = new Map();
    for (const r of withFiles) for (const p of new Set(r.transfer.map((e) => e.path))) counts.set(p, (counts.get(p) ?? 0) + 1);
    details.files.varying = [...counts].filter(([, n]) => n < withFiles.length).map(([p, n]) => `${p} (${n} of ${withFiles.length} runs)`);
  }
  const errors = [...details.app, ...details.big, ...details.link].flatMap((r) => r.page_errors ?? []);
  if (errors.length) console.error(`bench: the app reported ${errors.length} page error(s), first: ${errors[0]}`);
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  try {
    await browserFigures();
  } catch (e) {
    console.error(`bench: the browser part failed: ${e.stack ?? e}`);
    for (const k of KEYS.slice(0, 11).concat('jieba_wasm_memory_mb')) missing(k, `the browser part failed: ${e.message.split('\n')[0]}`);
  }
  try { nativeFigures(); } catch (e) { console.error(`bench: reading the native figures failed: ${e.message}`); }
  try { segmentationAgreement(); } catch (e) { missing('segmentation_agreement', e.message); }

  for (const k of KEYS) if (report[k] === null && !reasons[k]) missing(k, 'not measured');
  writeFileSync(join(OUT, 'report.json'), JSON.stringify(report, null, 2) + '\n');
  writeFileSync(join(OUT, 'report-details.json'), JSON.stringify({ ...details, reasons }, null, 2) + '\n');

  const seedName = seedFile === SEED ? '../shared/fixtures/seed/article.txt' : 'crates/engine/src/knowledge/sample.txt';
  console.log('');
  if (details.files.transfer) {
    const at = `readable at +${Math.round(details.files.readable_ms).toLocaleString('en-US')} ms`;
    console.log(breakdown(`Asked for before the seed was readable (transfer_gz_bytes; median run, ${at}; times in ms from the first request)`, details.files.transfer));
    console.log(breakdown('Asked for afterwards, a word\'s card opened too (lazy_gz_bytes)', details.files.lazy));
    console.log(breakdown(`jieba-wasm ${JIEBA_VERSION} (jieba_wasm_gz_bytes)`, details.files.peer));
    if (details.files.varying.length) console.log(`  before readable in some runs only: ${details.files.varying.join(', ')}`);
    console.log('');
  }
  console.log(`make bench: seed ${seedName} (${details.texts.seed.chars.toLocaleString('en-US')} chars), long text ${details.texts.big?.chars?.toLocaleString('en-US') ?? '?'} chars; medians of ${RUNS} cold loads, ${BIG_RUNS} long pastes; Chromium ${details.chromium ?? '?'}`);
  console.log(table());
  const ms = (k) => (report[k] == null ? '?' : Math.round(report[k]));
  console.log(`\nstart-up from navigation (medians, ms): worker running ${ms('worker_started_ms')}, its wasm compiled ${ms('worker_compiled_ms')}, `
    + `phase one's segmenter built ${ms('worker_segmenter_built_ms')}, its engine built ${ms('worker_engine_built_ms')}, engine_ready ${ms('engine_ready_ms')}; `
    + `jieba-wasm started by its page: first cut ${ms('jieba_wasm_from_navigation_ms')}`);
  const nulls = Object.entries(reasons);
  if (nulls.length) {
    console.log('\nnull figures:');
    for (const [k, why] of nulls) console.log(`  ${k}: ${why}`);
  }
  console.log('\nwritten: target/bench/report.json, target/bench/report-details.json');
}

await main();
