// Nothing the reader pastes runs; the page keeps to its own origin under a
// strict Content-Security-Policy.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launchBrowser, namesSettled } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

// Written for this suite: the usual classes of script injection.
const PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(2)>',
  '<svg onload=alert(3)></svg>',
  '<svg><script>alert(4)</script></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(5)>',
  '<a href="javascript:alert(6)">点我</a>',
  '<iframe src="data:text/html,<script>alert(7)</script>"></iframe>',
  '<body onload=alert(8)>',
  '&lt;script&gt;alert(9)&lt;/script&gt;',
  '<scr<script>ipt>alert(10)</scr</script>ipt>',
  '"><script>alert(11)</script>',
  "'><img src=x onerror=alert(12)>",
  '{{constructor.constructor("alert(13)")()}}',
  '${alert(14)}',
  '<style>@import "javascript:alert(15)";</style>',
  '<div style="background:url(javascript:alert(16))">x</div>',
  '<input autofocus onfocus=alert(17)>',
  '<details open ontoggle=alert(18)>',
  '<object data="javascript:alert(19)"></object>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(20)">',
  '\u003cscript\u003ealert(21)\u003c/script\u003e',
  '<base href="javascript:alert(22)//">',
];

async function hook(page) {
  const events = { dialogs: 0, popups: 0, navigations: 0, violations: 0, foreign: [] };
  page.on('dialog', async (d) => { events.dialogs++; await d.dismiss(); });
  page.on('popup', () => { events.popups++; });
  page.on('framenavigated', (f) => { if (f === page.mainFrame()) events.navigations++; });
  page.on('request', (r) => { if (!r.url().startsWith(server.url) && !r.url().startsWith('blob:') && !r.url().startsWith('data:')) events.foreign.push(r.url()); });
  await page.addInitScript(() => {
    window.__violations = 0;
    document.addEventListener('securitypolicyviolation', () => { window.__violations++; });
    window.alert = () => { window.__alerts = (window.__alerts || 0) + 1; };
    window.open = () => { window.__opens = (window.__opens || 0) + 1; return null; };
  });
  return events;
}

test('the page has a strict Content-Security-Policy and no violations in normal use', async () => {
  const page = await browser.newPage();
  const events = await hook(page);
  await page.goto(server.url);
  const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
  for (const part of ["object-src 'none'", "base-uri 'none'", "'wasm-unsafe-eval'", "default-src 'none'"]) {
    assert.ok(csp.includes(part), `CSP has ${part}`);
  }
  assert.doesNotMatch(csp, /script-src[^;]*'unsafe-inline'/);
  await page.click('#sample');
  await page.waitForSelector('#reader mark');
  await page.locator('#reader mark').first().click();
  await page.waitForSelector('#card');
  assert.equal(await page.evaluate(() => window.__violations), 0);
  assert.deepEqual(events.foreign, [], 'no request leaves the page origin');
  await page.close();
});

test(`${PAYLOADS.length} injection payloads pasted are shown as text and none runs`, async () => {
  const page = await browser.newPage();
  const events = await hook(page);
  await page.goto(server.url);
  const text = PAYLOADS.map((p, i) => `第${i + 1}条：${p}`).join('\n');
  await page.fill('#paste-text', text);
  await page.click('#read');
  await page.waitForSelector('#reader .w');
  await page.waitForTimeout(300);
  // Shown as text, exactly.
  const shown = await page.$$eval('#reader .w', (els) => els.map((e) => e.textContent).join(''));
  assert.equal(shown, text.replace(/\s/gu, ''), 'every payload character is shown as text');
  assert.equal(await page.locator('#reader script, #reader img, #reader svg, #reader iframe, #reader a, #reader object').count(), 0);
  // Open a few cards over the payload text too.
  for (const el of (await page.locator('#reader .w').all()).slice(0, 5)) await el.click();
  const counts = await page.evaluate(() => ({ alerts: window.__alerts || 0, opens: window.__opens || 0 }));
  console.log(`# injection: ${PAYLOADS.length} payloads pasted, ${counts.alerts} alerts, ${counts.opens} window.open, ${events.dialogs} dialogs, ${events.navigations - 1} extra navigations`);
  assert.deepEqual(counts, { alerts: 0, opens: 0 });
  assert.equal(events.dialogs, 0);
  assert.equal(events.popups, 0);
  assert.equal(events.navigations, 1, 'only the first load');
  await page.close();
});

test('payloads inside an imported glossary and a shared link are shown as text and none runs', async () => {
  const page = await browser.newPage();
  const events = await hook(page);
  await page.goto(server.url);
  const quote = (s) => `"${s.replace(/"/g, '""')}"`;
  const rows = PAYLOADS.slice(0, 8).map((p, i) =>
    [`测试词${i}`, 'cèshì', quote(p), 'tech', quote(p), quote(p), '', '', ''].join(','));
  const csv = 'term,pinyin,en,category,zh,explain,aliases,spun,related\n' + rows.join('\n') + '\n';
  await page.setInputFiles('#glossary-file', { name: 'evil.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.waitForSelector('.import-ok');
  await page.fill('#paste-text', rows.map((_, i) => `这里有测试词${i}。`).join(''));
  await page.click('#read');
  await page.waitForSelector('#reader mark[data-kind="term"]');
  for (const m of (await page.locator('#reader mark[data-kind="term"]').all()).slice(0, 8)) {
    await m.click();
    await page.waitForSelector('#card');
    assert.equal(await page.locator('#card img, #card script, #card svg, #card iframe').count(), 0);
  }
  assert.match(await page.textContent('#card'), /<|alert/, 'the payload is visible as text');
  const counts = await page.evaluate(() => ({ alerts: window.__alerts || 0, opens: window.__opens || 0, violations: window.__violations }));
  console.log(`# injection: ${rows.length} payloads in a glossary file, ${counts.alerts} alerts`);
  assert.deepEqual(counts, { alerts: 0, opens: 0, violations: 0 });
  assert.equal(events.dialogs, 0);
  await page.close();
});

test('payloads inside a shared link and its marks\' notes run nothing when the link is opened', async () => {
  const sender = await browser.newContext();
  await sender.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = await sender.newPage();
  await page.goto(server.url);
  const lines = PAYLOADS.map((p, i) => `第${i + 1}条${p}`);
  await page.fill('#paste-text', lines.join('\n'));
  await page.click('#read');
  await page.waitForSelector('#reader .w');
  // The second reading (phase two: the full dictionary and the models)
  // replaces the paragraphs, and a selection inside one with them: mark
  // after it.
  await namesSettled(page);
  // One mark per line, its note the payload itself.
  let offset = 0;
  for (const [i, line] of lines.entries()) {
    const start = offset;
    const end = offset + Array.from(`第${i + 1}条`).length;
    offset += Array.from(line).length + 1;
    await page.evaluate(([s, e]) => {
      const words = [...document.querySelectorAll('#reader .w')];
      const first = words.find((w) => +w.dataset.start <= s && s < +w.dataset.end);
      const last = words.find((w) => +w.dataset.start < e && e <= +w.dataset.end);
      const range = document.createRange();
      range.setStart(first.firstChild, s - +first.dataset.start);
      range.setEnd(last.firstChild, e - +last.dataset.start);
      getSelection().removeAllRanges();
      getSelection().addRange(range);
    }, [start, end]);
    await page.locator('#reader').dispatchEvent('pointerup');
    await page.fill('#mark-note', PAYLOADS[i]);
    await page.click('#mark');
  }
  assert.equal(await page.locator('#panel .mark-list li').count(), PAYLOADS.length);
  await page.click('#share');
  await page.waitForSelector('#notice');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  await sender.close();

  const reader = await browser.newPage();
  const events = await hook(reader);
  await reader.goto(link);
  await reader.waitForSelector('#panel .mark-list li');
  assert.equal(await reader.locator('#panel .mark-list li').count(), PAYLOADS.length);
  assert.equal(await reader.locator('#panel .mark-list .note', { hasText: '<img src=x onerror=alert(2)>' }).count(), 1);
  await reader.locator('#panel .mark-list .item').first().click();
  await reader.waitForTimeout(300);
  const counts = await reader.evaluate(() => ({ alerts: window.__alerts || 0, opens: window.__opens || 0, violations: window.__violations }));
  console.log(`# injection: ${PAYLOADS.length} payloads in a link's text and ${PAYLOADS.length} in its notes, ${counts.alerts} alerts`);
  assert.deepEqual(counts, { alerts: 0, opens: 0, violations: 0 });
  assert.equal(events.dialogs, 0);
  assert.equal(events.navigations, 1);
  await reader.close();
});
