#!/usr/bin/env node
// `npm test`: lint, typecheck, i18n check, unit and integration tests (PGlite, and PostgreSQL 15 when
// TEST_DATABASE_URL is set), web component tests and end-to-end tests in Chromium.
// Prints one closing line: "N passed, N failed". `npm test -- unit|integration|web|e2e` runs one part.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const only = process.argv[2];
const tapDir = join(root, '.cache', 'tap');
rmSync(tapDir, { recursive: true, force: true });
mkdirSync(tapDir, { recursive: true });
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

let passed = 0;
let failed = 0;
const problems = [];

function run(label, command, args, env = {}) {
  console.log(`\n=== ${label} ===`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

/** A check that is not a test runner still counts: one passed or one failed. */
function check(label, command, args) {
  if (run(label, command, args)) passed++;
  else {
    failed++;
    problems.push(label);
  }
}

function files(dir, pattern) {
  if (!existsSync(join(root, dir))) return [];
  return readdirSync(join(root, dir), { recursive: true })
    .map(String)
    .filter((f) => pattern.test(f) && !f.includes('node_modules'))
    .map((f) => join(dir, f))
    .sort();
}

function nodeTests(label, testFiles, env = {}, concurrency = 2) {
  if (testFiles.length === 0) return;
  const tap = join(tapDir, `${label.replace(/\W+/g, '-')}.tap`);
  const ok = run(
    label,
    process.execPath,
    [
      '--import',
      'tsx',
      '--test',
      `--test-concurrency=${concurrency}`,
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=tap',
      `--test-reporter-destination=${tap}`,
      ...testFiles,
    ],
    env,
  );
  const text = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
  const count = (name) => Number(text.match(new RegExp(`^# ${name} (\\d+)`, 'm'))?.[1] ?? 0);
  passed += count('pass');
  failed += count('fail') + count('cancelled');
  if (!ok || count('fail') + count('cancelled') > 0) problems.push(label);
  if (!ok && count('fail') === 0) failed++; // the runner itself failed (e.g. a file did not load)
}

const unitFiles = [...files('packages/domain/src', /\.test\.ts$/), ...files('packages/server/src', /\.test\.ts$/)];
const integrationFiles = files('packages/server/test', /\.test\.ts$/);
const e2eFiles = files('tests/e2e', /\.test\.ts$/);

if (!only || only === 'unit') {
  check('lint (biome)', process.execPath, [join(root, 'node_modules/@biomejs/biome/bin/biome'), 'check', '.']);
  check('typecheck', process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json', '--noEmit']);
  check('typecheck e2e', process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tests/tsconfig.json', '--noEmit']);
  if (existsSync(join(root, 'packages/web/tsconfig.json'))) {
    check('typecheck web', process.execPath, [
      join(root, 'node_modules/typescript/bin/tsc'),
      '-p',
      'packages/web/tsconfig.json',
      '--noEmit',
    ]);
  }
  if (existsSync(join(root, 'scripts/i18n-check.ts')))
    check('translations complete', process.execPath, ['--import', 'tsx', 'scripts/i18n-check.ts']);
  nodeTests('unit', unitFiles);
}
if (!only || only === 'integration') {
  // Build the migrated template once, before the files that clone it run in parallel.
  if (
    run('test template (PGlite)', process.execPath, ['--import', 'tsx', 'packages/server/test/support/prepare.ts'], {
      TEST_DATABASE_URL: '',
    })
  ) {
    nodeTests('integration (PGlite)', integrationFiles, { TEST_DATABASE_URL: '' });
  } else {
    failed++;
    problems.push('test template (PGlite)');
  }
  if (process.env.TEST_DATABASE_URL) {
    if (run('test template (PostgreSQL)', process.execPath, ['--import', 'tsx', 'packages/server/test/support/prepare.ts'])) {
      nodeTests('integration (PostgreSQL)', integrationFiles, {}, 3);
    } else {
      failed++;
      problems.push('test template (PostgreSQL)');
    }
  }
}
if ((!only || only === 'web') && existsSync(join(root, 'packages/web/vite.config.ts'))) {
  const report = join(tapDir, 'vitest.json');
  const ok = run('web components (vitest)', process.execPath, [
    join(root, 'node_modules/vitest/vitest.mjs'),
    'run',
    '--root',
    'packages/web',
    '--reporter=default',
    '--reporter=json',
    `--outputFile=${report}`,
  ]);
  const summary = existsSync(report) ? JSON.parse(readFileSync(report, 'utf8')) : { numPassedTests: 0, numFailedTests: 0 };
  passed += summary.numPassedTests;
  failed += summary.numFailedTests + (ok || summary.numFailedTests ? 0 : 1);
  if (!ok) problems.push('web components');
}
if (!only || only === 'e2e') {
  if (!existsSync(chromium)) {
    console.error(
      `\nEnd-to-end tests need Chromium at ${chromium}. Install it with:\n  apt-get install -y chromium\n(or set CHROMIUM_PATH). They were NOT run, so this test run fails.`,
    );
    failed++;
    problems.push('e2e: Chromium missing');
  } else if (run('build web app', 'npm', ['run', 'build', '--silent'])) {
    nodeTests('end-to-end (Chromium)', e2eFiles, { TEST_DATABASE_URL: '' }, 1);
  } else {
    failed++;
    problems.push('web build');
  }
}

if (problems.length) console.log(`\nFailed: ${problems.join(', ')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
