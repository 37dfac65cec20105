// Accessibility: runs axe-core in real Chromium on one page of each kind (both
// languages where it matters), because contrast, focus order and ARIA can only be
// judged on the rendered page, not on the HTML source.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { useBrowser } from './server.mjs';

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
const BLOCKING = new Set(['serious', 'critical']);

const PAGES = [
  '/', '/en/', '/dien-hinh/', '/dien-hinh/tran-thanh-son/', '/en/profiles/tran-thanh-son/',
  '/dai-hoi/', '/dai-hoi/6/', '/phong-trao/', 'MOVEMENT', '/khau-hieu/', '/thong-ke/',
  '/en/statistics/', '/linh-vuc/an-ninh-quoc-phong/', '/tim-kiem/', '/gioi-thieu/', '/404.html',
  // A profile whose name is still being checked (its notice), and the mass organisations' results.
  '/dien-hinh/vi-hong-ky/', '/en/profiles/vi-hong-ky/', '/ket-qua-phong-trao/',
  // The page the service worker shows offline for a page never stored.
  '/ngoai-tuyen/', '/en/offline/',
];

const env = useBrowser();

// Movement slugs come from content, so take the first movement linked from the list.
async function firstMovement(page) {
  await page.goto(`${env.server.url}/phong-trao/`);
  const hrefs = await page.$$eval('main a[href^="/phong-trao/"]', (as) => as.map((a) => a.getAttribute('href')));
  const href = hrefs.find((h) => /^\/phong-trao\/[^/]+\/$/.test(h));
  assert.ok(href, 'no link to a movement page on /phong-trao/');
  return href;
}

async function audit(path, viewport, prepare) {
  const context = await env.browser.newContext({ viewport });
  try {
    const page = await context.newPage();
    if (path === 'MOVEMENT') path = await firstMovement(page);
    const res = await page.goto(env.server.url + path);
    assert.equal(res.status(), 200, `${path} answered ${res.status()}`);
    await prepare?.(page);
    await page.addScriptTag({ path: AXE_PATH });
    const { violations } = await page.evaluate(
      (values) => window.axe.run(document, { runOnly: { type: 'tag', values } }), TAGS);

    const counts = {};
    for (const v of violations) counts[v.impact] = (counts[v.impact] ?? 0) + 1;
    const label = `${path} @${viewport.width}×${viewport.height}`;
    console.log(`${label}: ${violations.length} violations ${JSON.stringify(counts)}`);
    for (const v of violations) {
      const targets = v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ');
      console.log(`  ${BLOCKING.has(v.impact) ? 'FAIL' : 'note'} ${v.id} [${v.impact}] ${v.help} ` +
        `(${v.nodes.length} nodes) → ${targets}`);
    }
    const blocking = violations.filter((v) => BLOCKING.has(v.impact));
    assert.deepEqual(blocking.map((v) => `${v.id} [${v.impact}]`), [],
      `${label}: serious/critical accessibility violations`);
  } finally {
    await context.close();
  }
}

for (const path of PAGES) {
  const name = path === 'MOVEMENT' ? 'first movement page' : path;
  test(`axe ${name} (desktop)`, () => audit(path, { width: 1280, height: 800 }));
}
// The phone layout (collapsed header, stacked cards) is a different rendering to audit.
test('axe / (phone 390×844)', () => audit('/', { width: 390, height: 844 }));

// Search results as a reader sees them: a "did you mean" line, highlighted
// titles, "Xem thêm", the filters opened and one in use as a chip.
test('axe /tim-kiem/ with results, a suggestion, open filters and a chip (phone 390×844)', () =>
  audit('/tim-kiem/?q=tran+thnah+son&kind=individual', { width: 390, height: 844 }, async (page) => {
    await page.waitForFunction(() => document.getElementById('search-results').dataset.renderedQuery === 'tran thnah son');
    await page.locator('.search-suggest').waitFor();
    await page.locator('.search-chip').waitFor();
    await page.click('.search-filters summary');
  }));

// A listing with its "save for offline reading" control shown (once the
// service worker is ready), as a phone reader sees it.
test('axe /linh-vuc/y-te/ with the save for offline reading control (phone 360×740)', () =>
  audit('/linh-vuc/y-te/', { width: 360, height: 740 }, async (page) => {
    await page.locator('.offline-save-button').waitFor({ state: 'visible', timeout: 20_000 });
  }));
