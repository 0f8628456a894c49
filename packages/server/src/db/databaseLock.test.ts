import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { tempDir } from '../../test/support/tempDir.ts';
import { DatabaseInUseError, dataDirLockPath, lockDataDir } from './databaseLock.ts';

const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid as number;

test('a PGlite data directory is held by one opener at a time, and released on close', () => {
  const dataDir = join(tempDir('haven-lock-'), 'pg');
  const release = lockDataDir(dataDir, 'server');
  assert.equal(JSON.parse(readFileSync(dataDirLockPath(dataDir), 'utf8')).pid, process.pid);
  assert.throws(
    () => lockDataDir(dataDir, 'command'),
    (error: unknown) => error instanceof DatabaseInUseError && /in use by a Haven server \(pid \d+/.test(error.message),
  );
  release();
  assert.equal(existsSync(dataDirLockPath(dataDir)), false);
  lockDataDir(dataDir, 'command')();
});

test('a lock left by a process that is gone is stale and taken over; one of a live process is not', () => {
  const dataDir = join(tempDir('haven-lock-'), 'pg');
  const path = dataDirLockPath(dataDir);
  writeFileSync(path, JSON.stringify({ pid: deadPid(), holder: 'server', host: 'elsewhere', since: '2026-01-01' }));
  const release = lockDataDir(dataDir, 'command');
  assert.equal(JSON.parse(readFileSync(path, 'utf8')).pid, process.pid);
  release();
  writeFileSync(path, JSON.stringify({ pid: process.ppid, holder: 'command', host: 'here', since: '2026-01-01' }));
  assert.throws(() => lockDataDir(dataDir, 'command'), /another haven command/);
  writeFileSync(path, 'garbage');
  lockDataDir(dataDir, 'command')();
});
