// Screenshots of every page type at a small phone's width (360 px) and a
// laptop's (1366 px), saved to ARTIFACTS_DIR (tests/artifacts/ under
// ./scripts/test) for a person to look at; the layout rules a person would
// see broken are checked on the same pages in phone.test.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { useBrowser } from './server.mjs';
import { PAGE_TYPES } from './page-types.mjs';

const OUT = process.env.ARTIFACTS_DIR ||
  path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../artifacts');
const env = useBrowser();

const WIDTHS = [360, 1366];

test('screenshots at 360 and 1366 px of every page type', async () => {
  const dir = path.join(OUT, 'screens');
  await mkdir(dir, { recursive: true });
  for (const width of WIDTHS) {
    const page = await env.browser.newPage({ viewport: { width, height: 800 }, deviceScaleFactor: 1 });
    for (const shot of PAGE_TYPES) {
      const res = await page.goto(env.server.url + shot.path);
      assert.equal(res.status(), 200, shot.path);
      if (shot.ready) await page.locator(shot.ready).first().waitFor({ state: 'visible', timeout: 10_000 });
      const file = path.join(dir, `${shot.name}-${width}.png`);
      await page.screenshot({ path: file, fullPage: true });
    }
    await page.close();
  }
});
