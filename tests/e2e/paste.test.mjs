// Rich paste: HTML on the clipboard goes in as its text, with its paragraphs,
// through the same inert parse as an opened .html file; nothing in it runs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launchBrowser, watchErrors } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

/** A paste event as the browser sends it; true if the page left it to the browser. */
function paste(page, data) {
  return page.evaluate((data) => {
    const area = document.querySelector('#paste-text');
    area.focus();
    const transfer = new DataTransfer();
    for (const [type, value] of Object.entries(data)) transfer.setData(type, value);
    return area.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, data);
}

const PAGE = '<meta charset="utf-8"><!--StartFragment--><div class="article"><h2 style="color:red">合肥的   耐心资本</h2>' +
  '<p>第一段<b>加粗</b>，\n      源码里换了行。</p><p>第二段<br>同一段的第二行</p>' +
  '<ul><li>一</li><li>二</li></ul><table><tr><td>甲</td><td>乙</td></tr></table>' +
  '<script>window.__ran = 1</script><img src=x onerror="window.__ran = 2"><style>p { color: red }</style>' +
  '<pre>保留  两个空格</pre></div><!--EndFragment-->';
const TEXT = '合肥的 耐心资本\n\n第一段加粗， 源码里换了行。\n\n第二段\n同一段的第二行\n\n一\n\n二\n\n甲 乙\n\n保留  两个空格';

test('pasted HTML keeps its paragraphs and only its text', async () => {
  const page = await browser.newPage();
  const errors = watchErrors(page);
  await page.goto(server.url);
  await page.waitForSelector('#paste-text');
  const handled = !(await paste(page, { 'text/html': PAGE, 'text/plain': 'the plain version' }));
  assert.ok(handled, 'the page took the HTML paste');
  assert.equal(await page.inputValue('#paste-text'), TEXT);
  assert.equal(await page.evaluate(() => window.__ran), undefined, 'nothing in the pasted HTML ran');
  assert.match(await page.textContent('.count'), new RegExp(`^${Array.from(TEXT).length} characters`));
  // It reads like any text: paragraphs are paragraphs.
  await page.click('#read');
  await page.waitForSelector('#reader .w');
  assert.equal(await page.locator('#reader p').count(), 7);
  assert.deepEqual(errors, []);
  await page.close();
});

test('HTML pasted over a selection replaces just that, and the draft is kept', async () => {
  const page = await browser.newPage();
  await page.goto(server.url);
  await page.fill('#paste-text', '开头😀【这里换掉】结尾');
  // Select 【这里换掉】 (the browser counts UTF-16 units: the emoji is two).
  await page.evaluate(() => { const a = document.querySelector('#paste-text'); a.setSelectionRange(4, 10); });
  await paste(page, { 'text/html': '<p>新的</p><p>两段</p>' });
  assert.equal(await page.inputValue('#paste-text'), '开头😀新的\n\n两段结尾');
  // The caret sits after what was pasted.
  assert.equal(await page.evaluate(() => document.querySelector('#paste-text').selectionStart), 10);
  await page.waitForTimeout(700);
  await page.reload();
  await page.waitForFunction(() => document.querySelector('#paste-text')?.value === '开头😀新的\n\n两段结尾');
  await page.close();
});

test('a plain-text paste is left to the browser', async () => {
  const page = await browser.newPage();
  await page.goto(server.url);
  await page.waitForSelector('#paste-text');
  assert.ok(await paste(page, { 'text/plain': '纯文本' }), 'not taken over');
  assert.ok(await paste(page, { 'text/html': '   ', 'text/plain': '纯文本' }), 'empty HTML is not taken over either');
  await page.close();
});
