// Edit-to-reload benchmark for `guong serve` (see scripts/bench-serve).
// Starts the server on a generated site, opens a profile in Chromium, then
// edits that profile on disk again and again and measures the time from the
// saved file to the page showing the new text (reloaded by live reload).
import { spawn } from 'node:child_process';
import { readFile, writeFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { CHROMIUM } from '../../tests/browser/server.mjs';

const [bin, site, outJson] = process.argv.slice(2);
const EDITS = Number(process.env.EDITS || 20);
const GAP = Number(process.env.GAP_MS || 1500);
const { chromium } = await import('../../tests/browser/node_modules/playwright-core/index.mjs');

const port = 20000 + Math.floor(Math.random() * 20000);
let logs = '';
const started = Date.now();
const serve = spawn(bin, ['serve', '--root', site, '--port', String(port), '--lang', 'en'], { stdio: ['ignore', 'ignore', 'pipe'] });
serve.stderr.on('data', (d) => { logs += d; });
while (!/Preview at/.test(logs)) {
  if (serve.exitCode !== null) throw new Error(logs);
  await new Promise((r) => setTimeout(r, 100));
}
const startup = (Date.now() - started) / 1000;
const profiles = (await readdir(path.join(site, 'content/profiles'))).sort();
const slug = profiles[Math.floor(profiles.length / 2)];
const file = path.join(site, 'content/profiles', slug, 'index.vi.md');
const original = await readFile(file, 'utf8');

const browser = await chromium.launch(CHROMIUM);
const page = await browser.newPage();
await page.goto(`http://127.0.0.1:${port}/dien-hinh/${slug}/`);
await page.waitForFunction(() => window.__guongLive === 'open');

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { n: s.length, median: q(0.5), p90: q(0.9), max: s[s.length - 1] };
};

async function run(label, edit) {
  const times = [];
  for (let i = 0; i < EDITS; i += 1) {
    const marker = `Mốc đo ${label} ${i} ${Date.now()}`;
    await writeFile(file, edit(marker));
    const t0 = performance.now();
    await page.waitForFunction((m) => document.body.innerText.includes(m), marker, { timeout: 30_000, polling: 'raf' });
    times.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, GAP));
  }
  return stats(times);
}

// The story (Markdown body): the profile's own pages are redrawn.
const story = await run('story', (m) => `${original}\n${m}\n`);
// The summary (front matter): its cards in the listings are redrawn too.
const summary = await run('summary', (m) => original.replace(/^summary: "?/m, (s) => `${s}${m} `));
await writeFile(file, original);
await browser.close();
serve.kill();

const rebuilt = [...logs.matchAll(/rebuilt in (\d+) ms: \d+ of (\d+) files/g)].map((m) => [Number(m[1]), Number(m[2])]);
const server = { story: stats(rebuilt.filter(([, n]) => n < 20).map(([t]) => t)), summary: stats(rebuilt.filter(([, n]) => n >= 20).map(([t]) => t)) };
const result = { profiles: profiles.length, startup_s: startup, story, summary, server };
console.log(`guong serve, ${profiles.length} profiles: ready in ${startup.toFixed(1)} s`);
const row = (l, s, r) => console.log(`${l.padEnd(34)} median ${s.median.toFixed(0).padStart(5)} ms  p90 ${s.p90.toFixed(0).padStart(5)} ms  max ${s.max.toFixed(0).padStart(5)} ms   (server rebuild median ${r.median ?? '-'} ms)`);
row('edit story → page shows it', story, server.story);
row('edit summary → page shows it', summary, server.summary);
if (outJson) {
  await writeFile(outJson, JSON.stringify(result, null, 2));
  await writeFile(outJson.replace(/\.json$/, '.log'), logs);
}
console.log(`(load average at the end: ${(await import('node:os')).loadavg().map((l) => l.toFixed(1)).join(' ')})`);
