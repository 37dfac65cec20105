// The search page in a real browser, on the real site: what a reader typing
// on /tim-kiem/ sees, with and without diacritics, in both languages.
import test from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser } from './server.mjs';

const env = useBrowser();

/** A page that records console errors, failed requests and other origins. */
async function open(path, options = {}) {
  const context = await env.browser.newContext({ viewport: { width: 390, height: 844 }, ...options });
  const problems = [];
  await context.route('**/*', (route) => {
    if (new URL(route.request().url()).origin === env.server.url) return route.continue();
    problems.push(`request to another origin: ${route.request().url()}`);
    return route.abort();
  });
  const page = await context.newPage();
  page.on('console', (m) => m.type() === 'error' && problems.push(`console error: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  page.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()} ${r.url()}`));
  await page.goto(env.server.url + path);
  return { page, context, problems };
}

/** Type like a person (key by key) and wait until the results for it are drawn. */
async function type(page, text) {
  await page.fill('#search-q', '');
  await page.type('#search-q', text);
  await page.waitForFunction((q) => document.getElementById('search-results').dataset.renderedQuery === q, text);
}

const results = (page) => page.locator('#search-results .search-hits a').evaluateAll((as) => as.map((a) => ({ href: a.getAttribute('href'), text: a.textContent })));

/** Open the "Lọc" (filter) control: the filters fold behind it. */
async function openFilters(page) {
  if (!(await page.locator('.search-filters').evaluate((d) => d.open))) await page.click('.search-filters summary');
}

test('typing "tran thanh son" shows Đại tá Trần Thanh Sơn first', async () => {
  const { page, context, problems } = await open('/tim-kiem/');
  await type(page, 'tran thanh son');
  const found = await results(page);
  assert.equal(found[0].href, '/dien-hinh/tran-thanh-son/');
  assert.equal(found[0].text, 'Đại tá Trần Thanh Sơn');
  // Matched syllables are highlighted, the query is in the address.
  assert.ok((await page.locator('#search-results mark').count()) >= 3);
  assert.equal(new URL(page.url()).searchParams.get('q'), 'tran thanh son');
  assert.match(await page.locator('#search-status').textContent(), /\d+ kết quả/);
  await context.close();
  assert.deepEqual(problems, []);
});

test('"son la" returns pages that contain "Sơn La"', async () => {
  const { page, context, problems } = await open('/tim-kiem/');
  await type(page, 'son la');
  const found = await results(page);
  assert.equal(found.length, 10);
  for (const r of found.slice(0, 5)) {
    const html = await (await fetch(env.server.url + r.href)).text();
    assert.ok(html.includes('Sơn La'), `${r.href} does not say Sơn La`);
  }
  await context.close();
  assert.deepEqual(problems, []);
});

test('Ð (U+00D0) and decomposed (NFD) queries find what "Đại tá" finds', async () => {
  const { page, context, problems } = await open('/tim-kiem/');
  await type(page, 'Đại tá');
  const reference = await results(page);
  assert.ok(reference.some((r) => r.href === '/dien-hinh/tran-thanh-son/'));
  const count = await page.locator('#search-status').textContent();
  for (const variant of ['Ðại tá', 'Đại tá'.normalize('NFD')]) {
    await type(page, variant);
    assert.deepEqual(await results(page), reference, JSON.stringify(variant));
    assert.equal(await page.locator('#search-status').textContent(), count);
  }
  // Without diacritics: the same documents match (ranked without the exact-form bonus).
  await type(page, 'dai ta');
  assert.equal(await page.locator('#search-status').textContent(), count);
  await context.close();
  assert.deepEqual(problems, []);
});

test('/en/search/?q=cooperative finds the English profiles of cooperatives', async () => {
  const { page, context, problems } = await open('/en/search/?q=cooperative');
  await page.waitForFunction(() => document.getElementById('search-results').dataset.renderedQuery === 'cooperative');
  assert.equal(await page.inputValue('#search-q'), 'cooperative');
  const coops = (await results(page)).filter((r) => r.href.startsWith('/en/profiles/hop-tac-xa'));
  assert.ok(coops.length >= 3, JSON.stringify(await results(page)));
  await context.close();
  assert.deepEqual(problems, []);
});

test('filters narrow the results, live in the URL, and the back button restores them', async () => {
  const { page, context, problems } = await open('/tim-kiem/?q=hop+tac+xa');
  await page.waitForFunction(() => document.getElementById('search-results').dataset.renderedQuery === 'hop tac xa');
  const all = (await results(page)).length;
  await openFilters(page);
  await page.selectOption('#search-filter-field', 'nong-lam-nghiep');
  await page.waitForURL(/field=nong-lam-nghiep/);
  await page.waitForFunction(() => !document.querySelector('#search-results a[href*="lien-minh"]'));
  const narrowed = await results(page);
  assert.ok(narrowed.length > 0 && narrowed.length < all, `${narrowed.length} of ${all}`);
  await page.goBack();
  await page.waitForFunction(() => document.getElementById('search-filter-field').value === '');
  assert.equal(new URL(page.url()).searchParams.get('field'), null);
  await context.close();
  assert.deepEqual(problems, []);
});

test('the search box in every header leads to results', async () => {
  const { page, context, problems } = await open('/dien-hinh/tran-thanh-son/');
  await page.fill('#site-search-q', 'moc chau');
  await Promise.all([page.waitForURL(/\/tim-kiem\/\?q=moc\+chau/), page.press('#site-search-q', 'Enter')]);
  await page.waitForFunction(() => document.getElementById('search-results').dataset.renderedQuery === 'moc chau');
  assert.ok((await results(page)).length > 0);
  await context.close();
  assert.deepEqual(problems, []);
});

test('without JavaScript the search page offers the listings instead', async () => {
  const { page, context } = await open('/tim-kiem/', { javaScriptEnabled: false });
  const links = await page.locator('.browse a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  // (No profile of the real site has an award of its own, so there is no
  // award listing to offer: a term with no profile has no page.)
  for (const prefix of ['/linh-vuc/', '/xa-phuong/', '/nam/']) {
    assert.ok(links.some((h) => h.startsWith(prefix)), `no ${prefix} listing`);
  }
  // The filters need the script: offering them here would be a dead end.
  assert.equal(await page.locator('.search-filters').isVisible(), false, 'filters shown without JavaScript');
  await context.close();
});

test('the search page does not move when its script starts', async () => {
  // The filters come drawn with the page; only the script fills them in.
  const context = await env.browser.newContext({ viewport: { width: 390, height: 844 } });
  await context.addInitScript(() => {
    window.shifts = [];
    new PerformanceObserver((list) => window.shifts.push(...list.getEntries().map((e) => e.value)))
      .observe({ type: 'layout-shift', buffered: true });
  });
  const page = await context.newPage();
  await page.goto(`${env.server.url}/tim-kiem/`);
  await page.waitForFunction(() => document.getElementById('search-results').dataset.renderedQuery === '');
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  assert.ok(await page.locator('.search-filters summary').isVisible(), 'no filter control');
  assert.equal(await page.locator('#search-filter-field').count(), 1, 'no field filter');
  assert.ok(await page.locator('.browse').isVisible(), 'the browse list is hidden');
  const shifts = await page.evaluate(() => window.shifts);
  assert.ok(shifts.reduce((a, b) => a + b, 0) < 0.01, `layout shifts: ${shifts.join(', ')}`);
  await context.close();
});

test('a shared search link shows its results without the page jumping', async () => {
  // Watch every frame from the first one: the browse list must never be drawn,
  // and nothing on screen may move while the filters and results arrive.
  const context = await env.browser.newContext({ viewport: { width: 390, height: 844 } });
  await context.addInitScript(() => {
    window.browseDrawn = false;
    const watch = () => {
      const browse = document.querySelector('.browse');
      if (browse && browse.getClientRects().length) window.browseDrawn = true;
      requestAnimationFrame(watch);
    };
    requestAnimationFrame(watch);
    window.shifts = [];
    new PerformanceObserver((list) => window.shifts.push(...list.getEntries().map((e) => e.value)))
      .observe({ type: 'layout-shift', buffered: true });
  });
  const page = await context.newPage();
  await page.goto(`${env.server.url}/tim-kiem/?q=son+la`);
  await page.waitForFunction(() => document.getElementById('search-results').dataset.renderedQuery === 'son la');
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  assert.ok((await results(page)).length > 0);
  assert.equal(await page.evaluate(() => window.browseDrawn), false, 'the browse list flashed before the results');
  const shifts = await page.evaluate(() => window.shifts);
  assert.ok(shifts.reduce((a, b) => a + b, 0) < 0.01, `layout shifts: ${shifts.join(', ')}`);
  await context.close();
});

test('a shared search link still offers the listings when search cannot run', async () => {
  const cases = [
    ['without JavaScript', { javaScriptEnabled: false }, null],
    ['when search.js fails to load', {}, (context) => context.route(/\/search\.[0-9a-f]+\.js$/, (route) => route.abort())],
    // A cached page pointing at an index a redeploy removed, or no network.
    ['when the index cannot be fetched', {}, (context) => context.route('**/meta.json', (route) => route.abort())],
  ];
  for (const [label, options, setup] of cases) {
    const context = await env.browser.newContext({ viewport: { width: 390, height: 844 }, ...options });
    await setup?.(context);
    const page = await context.newPage();
    await page.goto(`${env.server.url}/tim-kiem/?q=son+la`);
    await page.waitForLoadState('load');
    const fail = (what) => (e) => { throw new Error(`${label}: ${what} (${e.message.split('\n')[0]})`); };
    await page.locator('.browse').waitFor({ state: 'visible', timeout: 5000 }).catch(fail('the browse list stays hidden'));
    await page.locator('.search-filters').waitFor({ state: 'hidden', timeout: 5000 }).catch(fail('filters that cannot work are shown'));
    await context.close();
  }
});

test('a filter chosen while the search script is still loading is kept', async () => {
  const context = await env.browser.newContext({ viewport: { width: 390, height: 844 } });
  let release;
  const held = new Promise((r) => { release = r; });
  await context.route(/\/search\.[0-9a-f]+\.js$/, async (route) => { await held; await route.continue(); });
  const page = await context.newPage();
  await page.goto(`${env.server.url}/tim-kiem/`, { waitUntil: 'commit' });
  await openFilters(page);
  await page.selectOption('#search-filter-field', 'nong-lam-nghiep');
  release();
  await page.waitForURL(/field=nong-lam-nghiep/);
  assert.equal(await page.inputValue('#search-filter-field'), 'nong-lam-nghiep');
  await page.waitForFunction(() => document.querySelectorAll('#search-results .search-hits a').length > 0);
  await context.close();
});

test('typing before the index has arrived (a slow network) is kept and searched', async () => {
  const context = await env.browser.newContext({ viewport: { width: 390, height: 844 } });
  // Hold the index back until the reader has typed.
  let release;
  const held = new Promise((r) => { release = r; });
  await context.route('**/meta.json', async (route) => { await held; await route.continue(); });
  const page = await context.newPage();
  await page.goto(`${env.server.url}/tim-kiem/`, { waitUntil: 'domcontentloaded' });
  await page.type('#search-q', 'son la');
  release();
  await page.waitForFunction(() => document.getElementById('search-results').dataset.renderedQuery === 'son la');
  assert.equal(await page.inputValue('#search-q'), 'son la', 'what the reader typed is not wiped');
  assert.equal((await results(page)).length, 10);
  await context.close();
});

/** The number a status line states ("81 kết quả", "Đang hiện 10 trên 81 kết quả"). */
async function stated(page) {
  const text = (await page.locator('#search-status').textContent()).replace(/[.,\s](?=\d{3}\b)/g, '');
  const numbers = [...text.matchAll(/\d+/g)].map((m) => Number(m[0]));
  return numbers[numbers.length - 1];
}

test('every result stated for "thi dua" can be reached with "Xem thêm", by keyboard, and back returns to them', async () => {
  const { page, context, problems } = await open('/tim-kiem/');
  await type(page, 'thi dua');
  const total = await stated(page);
  assert.ok(total > 10, `only ${total} results`);
  let shown = (await results(page)).length;
  assert.equal(shown, 10);
  while (shown < total) {
    // By keyboard: focus the button and press Enter; focus moves to the first new result.
    await page.focus('.search-more');
    await page.keyboard.press('Enter');
    await page.waitForFunction((n) => document.querySelectorAll('.search-hits li').length > n, shown);
    const focused = await page.evaluate(() => document.activeElement.closest('li') && [...document.querySelectorAll('.search-hits li')].indexOf(document.activeElement.closest('li')));
    assert.equal(focused, shown, 'focus is on the first new result');
    shown = (await results(page)).length;
  }
  assert.equal(shown, total, 'every stated result is listed');
  assert.equal(await page.locator('.search-more').count(), 0, 'no "Xem thêm" once all are shown');
  const pages = Math.ceil(total / 10);
  assert.equal(new URL(page.url()).searchParams.get('page'), String(pages));
  const last = (await results(page))[shown - 1];
  // Open the last result, come back: the same results are there.
  await Promise.all([page.waitForURL((u) => u.pathname === last.href.split('#')[0]), page.click(`.search-hits li:nth-child(${shown}) a`)]);
  await page.goBack();
  await page.waitForFunction((n) => document.querySelectorAll('.search-hits li').length === n, shown);
  await context.close();
  assert.deepEqual(problems, []);
});

test('typing "tran thanh son" key by key never shows zero results from the third letter on', async () => {
  const { page, context, problems } = await open('/tim-kiem/');
  const q = 'tran thanh son';
  for (let i = 0; i < q.length; i++) {
    await page.type('#search-q', q[i]);
    const typed = q.slice(0, i + 1);
    await page.waitForFunction((t) => document.getElementById('search-results').dataset.renderedQuery === t, typed);
    if (i >= 2) {
      const n = (await results(page)).length;
      assert.ok(n > 0, `no results at ${JSON.stringify(typed)}: ${await page.locator('#search-status').textContent()}`);
    }
  }
  assert.equal((await results(page))[0].href, '/dien-hinh/tran-thanh-son/', 'no typo result ranks above the exact one');
  await context.close();
  assert.deepEqual(problems, []);
});

test('a typo finds the right profile first and offers "Có phải bạn muốn tìm"', async () => {
  const { page, context, problems } = await open('/tim-kiem/');
  for (const [typo, href, fixed] of [
    ['tran thnah son', '/dien-hinh/tran-thanh-son/', 'tran thanh son'],
    ['truogn thcs tong lanh', '/dien-hinh/truong-thcs-tong-lanh/', 'truong thcs tong lanh'],
    ['luong van loan', '/dien-hinh/luong-van-luan/', 'luong van luan'],
  ]) {
    await type(page, typo);
    assert.equal((await results(page))[0].href, href, typo);
    const line = page.locator('.search-suggest');
    assert.match(await line.textContent(), /^Có phải bạn muốn tìm:/);
    assert.equal(await line.locator('a').textContent(), fixed);
  }
  // The suggestion is a link that searches for the corrected query.
  await page.click('.search-suggest a');
  await page.waitForFunction(() => document.getElementById('search-results').dataset.renderedQuery === 'luong van luan');
  assert.equal(await page.inputValue('#search-q'), 'luong van luan');
  assert.equal(await page.locator('.search-suggest').count(), 0, 'a query that matches is not second-guessed');
  await context.close();
  assert.deepEqual(problems, []);
});

test('numerals, joined syllables and English plurals are understood', async () => {
  const { page, context, problems } = await open('/tim-kiem/');
  for (const q of ['dai hoi 6', 'đại hội lần thứ 6', 'dai hoi VI']) {
    await type(page, q);
    assert.equal((await results(page))[0].href, '/dai-hoi/6/', q);
  }
  await type(page, 'sonla');
  const found = await results(page);
  assert.ok(found.length >= 5, 'sonla finds pages');
  for (const r of found.slice(0, 5)) {
    const html = await (await fetch(env.server.url + r.href)).text();
    assert.ok(html.includes('Sơn La'), `${r.href} does not say Sơn La`);
  }
  await context.close();
  const en = await open('/en/search/');
  await type(en.page, 'teachers');
  const teachers = (await results(en.page)).map((r) => r.href);
  await type(en.page, 'teacher');
  assert.deepEqual(teachers.sort(), (await results(en.page)).map((r) => r.href).sort());
  assert.ok(teachers.includes('/en/profiles/ngo-quang-tuan/'), JSON.stringify(teachers));
  await type(en.page, 'sixth congress');
  assert.equal((await results(en.page))[0].href, '/en/congresses/6/');
  await en.context.close();
  assert.deepEqual([...problems, ...en.problems], []);
});

test('nothing found is not a dead end: the listings are shown', async () => {
  const { page, context, problems } = await open('/tim-kiem/');
  await type(page, 'xyzkhongcoketqua');
  assert.equal((await results(page)).length, 0);
  assert.match(await page.locator('#search-status').textContent(), /Không tìm thấy/);
  assert.ok(await page.locator('.browse').isVisible(), 'the listings are hidden');
  const links = await page.locator('.browse a').evaluateAll((as) => as.filter((a) => a.offsetParent).map((a) => a.getAttribute('href')));
  assert.ok(links.some((h) => h.startsWith('/linh-vuc/')), 'no field listing is in view');
  await context.close();
  assert.deepEqual(problems, []);
});

test('on a 390×844 phone the first result starts within the first 420 px', async () => {
  for (const q of ['thi dua', 'tran thnah son']) {
    const { page, context, problems } = await open(`/tim-kiem/?q=${encodeURIComponent(q)}`);
    await page.waitForFunction((t) => document.getElementById('search-results').dataset.renderedQuery === t, q);
    const top = await page.locator('.search-hits li').first().evaluate((li) => li.getBoundingClientRect().top);
    assert.ok(top <= 420, `${q}: the first result starts at ${top} px`);
    await context.close();
    assert.deepEqual(problems, []);
  }
});

test('filters fold behind "Lọc"; the ones in use are chips that remove them', async () => {
  const { page, context, problems } = await open('/tim-kiem/?q=hop+tac+xa');
  await page.waitForFunction(() => document.getElementById('search-results').dataset.renderedQuery === 'hop tac xa');
  assert.equal(await page.locator('.search-filters summary').textContent(), 'Lọc');
  assert.equal(await page.locator('#search-filter-field').isVisible(), false, 'the dropdowns are folded');
  await openFilters(page);
  await page.selectOption('#search-filter-field', 'nong-lam-nghiep');
  await page.waitForURL(/field=nong-lam-nghiep/);
  const chip = page.locator('.search-chip');
  await chip.first().waitFor();
  assert.equal(await chip.count(), 1);
  assert.match(await chip.textContent(), /^Lĩnh vực: Nông, lâm nghiệp/);
  assert.match(await chip.getAttribute('aria-label'), /^Bỏ lọc: Lĩnh vực: Nông, lâm nghiệp$/);
  assert.match(await page.locator('.search-filters summary').textContent(), /^Lọc\s\(1\)$/);
  await chip.click();
  await page.waitForURL((u) => !u.searchParams.has('field'));
  assert.equal(await page.locator('.search-chip').count(), 0);
  assert.equal(await page.inputValue('#search-filter-field'), '');
  await context.close();
  assert.deepEqual(problems, []);
});

test('titles are highlighted, and "son la" marks the phrase "Sơn La", not each "là"', async () => {
  const { page, context, problems } = await open('/tim-kiem/');
  await type(page, 'son la');
  const marks = await page.locator('.search-hits mark').allTextContents();
  assert.ok(marks.length > 0);
  assert.ok(marks.some((m) => m.normalize('NFC').toLowerCase() === 'sơn la'), JSON.stringify(marks));
  // In a text that has the phrase, no stray "là" is marked.
  const stray = await page.locator('.search-hits p, .search-hits h2').evaluateAll((els) => els
    .filter((e) => [...e.querySelectorAll('mark')].some((m) => m.textContent.toLowerCase() === 'sơn la'))
    .flatMap((e) => [...e.querySelectorAll('mark')].map((m) => m.textContent))
    .filter((t) => t.toLowerCase() !== 'sơn la'));
  assert.deepEqual(stray, []);
  await type(page, 'tran thanh son');
  assert.equal(await page.locator('.search-hits h2 mark').first().textContent(), 'Trần Thanh Sơn');
  await context.close();
  assert.deepEqual(problems, []);
});

test('a result whose spelling is being checked says so', async () => {
  const { page, context, problems } = await open('/tim-kiem/');
  await type(page, 'vi hong ky');
  const first = page.locator('.search-hits li').first();
  assert.equal(await first.locator('h2 a').getAttribute('href'), '/dien-hinh/vi-hong-ky/');
  assert.match(await first.locator('.search-check').textContent(), /“Vì”.*“Kỳ”.*đang được đối chiếu với văn bản gốc\.$/);
  await type(page, 'tran thanh son');
  const sure = page.locator('.search-hits li').first();
  assert.equal(await sure.locator('h2 a').getAttribute('href'), '/dien-hinh/tran-thanh-son/');
  assert.equal(await sure.locator('.search-check').count(), 0, 'no notice where the spelling is sure');
  await context.close();
  assert.deepEqual(problems, []);
});
