// Validates EVERY .html file of the built site with the Nu HTML Checker (vnu.jar,
// the W3C validator), so template regressions show up as markup errors, not as
// subtle rendering bugs in one browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import vnu from 'vnu-jar'; // a String object holding the path of vnu.jar
import { siteDir } from './server.mjs';

const MIN_FILES = 200; // the real site has ~240 pages; fewer means a broken build or walk
const MAX_PRINTED = 50;

// All .html files under dir, to cross-check what vnu reports it checked.
async function htmlFiles(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => path.join(e.parentPath ?? e.path, e.name));
}

// vnu exits 1 when it finds errors; that is a result, not a crash, so we keep the output.
function runVnu(dir) {
  const args = ['-jar', String(vnu), '--format', 'json', '--verbose', '--skip-non-html', dir];
  return new Promise((resolve, reject) => {
    execFile('java', args, { maxBuffer: 256 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err && err.code !== 1) return reject(new Error(`vnu failed to run: ${err.message}\n${stderr}`));
      resolve({ stdout, stderr });
    });
  });
}

test('Nu HTML Checker: no errors in any page of the site', { timeout: 10 * 60_000 }, async () => {
  const dir = await siteDir();
  const expected = await htmlFiles(dir);
  const { stdout, stderr } = await runVnu(dir);

  // With --verbose vnu lists each file it checks on stdout; the JSON report goes to stderr.
  const checked = stdout.split('\n').filter((l) => l.endsWith('.html'));
  let report;
  try {
    report = JSON.parse(stderr);
  } catch {
    assert.fail(`vnu did not print a JSON report. stderr:\n${stderr.slice(0, 2000)}`);
  }
  const rel = (m) => path.relative(dir, decodeURIComponent((m.url || '').replace(/^file:/, '')));
  // vnu still mentions non-HTML files ("File was not checked") despite --skip-non-html: noise.
  const messages = report.messages.filter((m) => !/^File was not checked/.test(m.message));
  // A "non-document-error" (e.g. unreadable file) is as bad as an error: that file went unchecked.
  const isError = (m) => m.type === 'error' || m.subType === 'fatal' || m.type === 'non-document-error';
  const errors = messages.filter(isError)
    .sort((a, b) => rel(a).localeCompare(rel(b)) || (a.lastLine ?? 0) - (b.lastLine ?? 0));
  const warnings = messages.filter((m) => !isError(m) && m.subType === 'warning');

  console.log(`vnu ${report.version}: ${checked.length} files checked, ` +
    `${errors.length} errors, ${warnings.length} warnings`);
  for (const w of warnings.slice(0, MAX_PRINTED)) {
    console.log(`  warning ${rel(w)}:${w.lastLine ?? '?'}: ${w.message}`);
  }
  for (const e of errors.slice(0, MAX_PRINTED)) {
    const extract = (e.extract ?? '').replace(/\s+/g, ' ').trim();
    console.log(`  ERROR ${rel(e)}:${e.lastLine ?? '?'}: ${e.message}\n        markup: ${extract}`);
  }
  if (errors.length > MAX_PRINTED) console.log(`  … and ${errors.length - MAX_PRINTED} more errors`);
  // Grouped by message, so one template bug repeated on 60 pages reads as one line.
  const byMessage = new Map();
  for (const e of errors) byMessage.set(e.message, [...(byMessage.get(e.message) ?? []), e]);
  for (const [message, list] of byMessage) {
    console.log(`  ${list.length} × ${message} (${new Set(list.map(rel)).size} files)`);
  }

  assert.ok(checked.length >= MIN_FILES,
    `vnu checked only ${checked.length} files (expected at least ${MIN_FILES})`);
  const missed = expected.filter((f) => !checked.includes(f));
  assert.deepEqual(missed, [], 'some .html files of the site were not checked by vnu');
  assert.equal(errors.length, 0, `${errors.length} HTML errors (see above)`);
});
