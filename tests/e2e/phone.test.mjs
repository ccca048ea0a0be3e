// Phones and tablets: nothing scrolls sideways from 360 px up, every button
// is a 44 px target, and the overview is a bottom sheet on narrow screens.
// Screenshots at 375 × 812 and 1280 × 800 go to target/screenshots/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launchBrowser, watchErrors, shot, scrollsSideways } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

const phone = (width, height = 812) => browser.newContext({ viewport: { width, height }, isMobile: true, hasTouch: true });

/** Visible buttons (and file pickers) smaller than 44 × 44 px. */
function smallTargets(page) {
  return page.evaluate(() => [...document.querySelectorAll('button, .file-button, summary')]
    .filter((el) => el.getClientRects().length && getComputedStyle(el).visibility !== 'hidden')
    .map((el) => ({ el: el.id || el.className || el.textContent.trim().slice(0, 20), r: el.getBoundingClientRect() }))
    .filter(({ r }) => r.width > 0 && (r.height < 44 || r.width < 44))
    .map(({ el, r }) => `${el} ${Math.round(r.width)}×${Math.round(r.height)}`));
}

for (const width of [360, 375]) {
  test(`${width} px: no sideways scrolling on any screen, and 44 px buttons`, async () => {
    const context = await phone(width);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(server.url);
    await page.waitForSelector('#paste-text');
    assert.equal(await scrollsSideways(page), false, 'paste screen');
    await page.tap('#sample');
    await page.waitForSelector('#reader mark');
    assert.equal(await scrollsSideways(page), false, 'reading view');
    assert.deepEqual(await smallTargets(page), [], 'reading view');
    await page.locator('#reader mark[data-kind="term"]').first().tap();
    await page.waitForSelector('#card');
    assert.equal(await scrollsSideways(page), false, 'with a card open');
    assert.deepEqual(await smallTargets(page), [], 'card');
    await page.locator('#card .card-close').tap();
    await page.tap('#sheet-handle');
    await page.waitForSelector('#panel-body', { state: 'visible' });
    assert.equal(await scrollsSideways(page), false, 'with the sheet open');
    assert.deepEqual(await smallTargets(page), [], 'sheet');
    await page.tap('#sheet-handle');
    await page.getByRole('button', { name: /Edit text/ }).tap();
    await page.waitForSelector('#library .library-item');
    assert.equal(await scrollsSideways(page), false, 'paste screen with the library');
    assert.deepEqual(await smallTargets(page), [], 'paste screen');
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('the overview is a bottom sheet on a phone and a side panel on a desktop', async () => {
  const context = await phone(375);
  const page = await context.newPage();
  await page.goto(server.url);
  await page.tap('#sample');
  await page.waitForSelector('#reader mark');
  await shot(page, 'reading-phone');
  const box = await page.$eval('#panel', (p) => { const r = p.getBoundingClientRect(); return { top: r.top, bottom: r.bottom, height: r.height, position: getComputedStyle(p).position }; });
  assert.equal(box.position, 'fixed');
  assert.ok(Math.abs(box.bottom - 812) < 1, `the sheet sits at the bottom (${box.bottom})`);
  assert.ok(box.height < 90, `closed, it is a handle (${box.height} px)`);
  assert.equal(await page.isVisible('#panel-body'), false);
  assert.equal(await page.getAttribute('#sheet-handle', 'aria-expanded'), 'false');
  await page.tap('#sheet-handle');
  await page.waitForSelector('#panel-body', { state: 'visible' });
  assert.equal(await page.getAttribute('#sheet-handle', 'aria-expanded'), 'true');
  const open = await page.$eval('#panel', (p) => p.getBoundingClientRect().top);
  assert.ok(open > 812 * 0.25 && open < 812 - 150, `open, it covers part of the screen (top at ${open})`);
  await shot(page, 'sheet-phone');
  // A tap on a place jumps to it and closes the sheet, so the place is in view.
  const item = page.locator('#panel section[data-kind="place"] .item').first();
  await item.tap();
  await page.waitForSelector('#panel-body', { state: 'hidden' });
  await page.waitForTimeout(900);
  const seen = await page.evaluate(() => {
    const target = document.activeElement.getBoundingClientRect();
    const sheet = document.querySelector('#panel').getBoundingClientRect();
    return { kind: document.activeElement.dataset.kind, top: target.top, bottom: target.bottom, sheet: sheet.top };
  });
  assert.equal(seen.kind, 'place');
  assert.ok(seen.top >= 0 && seen.bottom <= seen.sheet, `the mention is in view above the sheet (${JSON.stringify(seen)})`);
  await page.locator('#reader mark[data-kind="spin"], #reader mark[data-kind="term"]').first().tap();
  await page.waitForSelector('#card');
  await shot(page, 'card-phone');
  await page.locator('#card .card-close').tap();
  await page.getByRole('button', { name: /Edit text/ }).tap();
  await page.waitForSelector('#library .library-item');
  await shot(page, 'paste-phone', { full: true });
  await context.close();

  const desktop = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const wide = await desktop.newPage();
  await wide.goto(server.url);
  await wide.click('#sample');
  await wide.waitForSelector('#reader mark');
  assert.equal(await wide.isVisible('#sheet-handle'), false);
  assert.ok(await wide.isVisible('#panel-body'));
  const side = await wide.$eval('#panel', (p) => p.getBoundingClientRect().left);
  assert.ok(side > 800, `the panel is beside the article (${side})`);
  assert.equal(await scrollsSideways(wide), false);
  await shot(wide, 'reading-desktop');
  await wide.getByRole('button', { name: /Edit text/ }).click();
  await wide.waitForSelector('#library .library-item');
  await shot(wide, 'paste-desktop', { full: true });
  await desktop.close();
});

test('375 × 812: after Read the article starts in the top quarter and the actions fit one bar and its menu', async () => {
  const context = await phone(375);
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(server.url);
  await page.tap('#sample');
  await page.waitForSelector('#reader mark');
  await shot(page, 'reading-first-phone');
  // The article opens at the top of the page (tapping the sample button
  // may have scrolled the paste screen a little).
  assert.equal(await page.evaluate(() => window.scrollY), 0);
  const first = await page.$eval('#reader .w', (w) => w.getBoundingClientRect().top);
  assert.ok(first < 812 / 4, `the first line of the article is at ${Math.round(first)} px (under ${812 / 4})`);
  // One bar: Edit, Pinyin and Actions side by side, all on screen.
  const bar = await page.$$eval('.reading-bar > button', (els) => els.filter((e) => e.getClientRects().length)
    .map((e) => { const r = e.getBoundingClientRect(); return { id: e.id || e.textContent.trim(), top: r.top, left: r.left, right: r.right }; }));
  assert.equal(bar.length, 3, JSON.stringify(bar));
  for (const b of bar) {
    assert.ok(Math.abs(b.top - bar[0].top) < 1, `${b.id} is in the one row`);
    assert.ok(b.left >= 0 && b.right <= 375, `${b.id} is on screen (${b.left}–${b.right})`);
  }
  assert.equal(await page.isVisible('#share'), false, 'the other actions wait in the menu');
  // The menu: every action on screen, the note field's placeholder whole.
  await page.tap('#more-actions');
  await page.waitForSelector('#reading-actions.open');
  assert.equal(await page.getAttribute('#more-actions', 'aria-expanded'), 'true');
  for (const id of ['#anki-export', '#share', '#download', '#mark-note', '#mark']) {
    const box = await page.locator(id).boundingBox();
    assert.ok(box && box.x >= 0 && box.x + box.width <= 375 && box.y >= 0 && box.y + box.height <= 812, `${id} on screen: ${JSON.stringify(box)}`);
  }
  const room = await page.$eval('#mark-note', (input) => {
    const style = getComputedStyle(input);
    const ctx = document.createElement('canvas').getContext('2d');
    ctx.font = style.font;
    const text = ctx.measureText(input.placeholder).width;
    const inner = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    return { text, inner, placeholder: input.placeholder };
  });
  assert.equal(room.placeholder, 'Note (optional)');
  assert.ok(room.inner >= room.text, `the placeholder fits (${room.text} px in ${room.inner} px)`);
  assert.deepEqual(await smallTargets(page), [], 'actions menu');
  assert.equal(await scrollsSideways(page), false);
  await shot(page, 'actions-menu-phone');
  // Choosing an action closes the menu (Mark without a selection says why).
  await page.tap('#mark');
  await page.waitForSelector('#reading-actions.open', { state: 'detached' });
  assert.match(await page.textContent('#notice'), /Select some of the article's text first/);
  assert.deepEqual(errors, []);
  await context.close();

  // A desktop keeps every action in view, with no menu.
  const desktop = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const wide = await desktop.newPage();
  await wide.goto(server.url);
  await wide.click('#sample');
  await wide.waitForSelector('#reader mark');
  assert.equal(await wide.isVisible('#more-actions'), false);
  for (const id of ['#anki-export', '#share', '#download', '#mark-note', '#mark']) assert.ok(await wide.isVisible(id), id);
  const [edit, share] = await Promise.all(['.reading-bar > button.secondary', '#share'].map((s) => wide.locator(s).boundingBox()));
  assert.ok(Math.abs(edit.y - share.y) < 1, 'the actions share the bar with Edit text');
  const note = await wide.locator('#mark-note').boundingBox();
  assert.ok(note.y > edit.y && note.y < edit.y + 80, 'the marking field has the row under the bar');
  assert.ok(note.width > 300, `the note field keeps its width (${note.width} px)`);
  await desktop.close();
});

test('375 × 812: a spun text keeps its first line in the top quarter, with the banner over it and the summary in the sheet', async () => {
  const context = await phone(375);
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(server.url);
  await page.fill('#paste-text', '我们经由过程这种体式格局孕育发生了新的设法主意，小我私家也能参与其中。');
  await page.tap('#read');
  await page.waitForSelector('#reader mark');
  assert.ok(await page.isVisible('#spun-banner'));
  const banner = await page.locator('#read-original').boundingBox();
  assert.ok(banner.x + banner.width <= 375, 'Read as original is on screen');
  const first = await page.$eval('#reader .w', (w) => w.getBoundingClientRect().top);
  assert.ok(first < 812 / 4, `the first line of the article is at ${Math.round(first)} px`);
  assert.deepEqual(await smallTargets(page), []);
  await shot(page, 'spun-phone');
  // The summary line is the sheet's first line on a phone.
  assert.equal(await page.isVisible('#summary'), false);
  await page.tap('#sheet-handle');
  await page.waitForSelector('#panel-body', { state: 'visible' });
  assert.match(await page.textContent('#panel-body .panel-summary'), /5 swapped words; this text looks machine-spun/);
  assert.deepEqual(errors, []);
  await context.close();
});
