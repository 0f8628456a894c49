import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/connect.ts';
import { type Server, startServer } from '../src/runtime.ts';
import { createTestDatabase, type TestDatabase } from './support/database.ts';
import { tempDir } from './support/tempDir.ts';

const bin = new URL('../../cli/bin/haven.js', import.meta.url).pathname;
const dataDir = tempDir('haven-cli-');
let pgDatabase: TestDatabase | undefined;
let env: Record<string, string> = {};

before(async () => {
  env = { HAVEN_DATA_DIR: dataDir, HAVEN_LOG_LEVEL: 'silent', DATABASE_URL: '', HAVEN_MIGRATION_DATABASE_URL: '' };
  if (process.env.TEST_DATABASE_URL) {
    pgDatabase = await createTestDatabase();
    env.DATABASE_URL = pgDatabase.url; // only the application login, a member of haven_app
  }
});
after(async () => {
  await pgDatabase?.close();
});

function haven(args: string[], input?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}

/** Opens the CLI's database as its owner, to tamper with it the way an intruder with DB access would. */
async function asOwner(work: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<unknown>) {
  if (pgDatabase) return pgDatabase.asOwner(work);
  const database = await openDatabase({ dataDir: join(dataDir, 'pg') });
  try {
    await work(database.db);
  } finally {
    await database.close();
  }
}

test('haven migrate creates the database and its key file', async () => {
  const res = await haven(['migrate']);
  assert.equal(res.code, 0, res.stderr);
  assert.match(res.stdout, /up to date/);
  assert.ok(JSON.parse(readFileSync(join(dataDir, 'keys.json'), 'utf8')).active);
});

test('haven user create (password on stdin) and user list', async () => {
  const created = await haven(['user', 'create', '--email', 'Admin@Example.org', '--role', 'administrator'], 'a long admin passphrase\n');
  assert.equal(created.code, 0, created.stderr);
  const duplicate = await haven([
    'user',
    'create',
    '--email',
    'admin@example.org',
    '--password',
    'a long admin passphrase',
    '--role',
    'administrator',
  ]);
  assert.notEqual(duplicate.code, 0);
  const weak = await haven(['user', 'create', '--email', 'x@example.org', '--password', 'short', '--role', 'caseworker']);
  assert.notEqual(weak.code, 0);
  assert.match(weak.stderr, /12 characters/);
  const badRole = await haven(['user', 'create', '--email', 'y@example.org', '--password', 'a long admin passphrase', '--role', 'emperor']);
  assert.match(badRole.stderr, /unknown role/);
  const list = await haven(['user', 'list']);
  assert.equal(list.code, 0);
  assert.match(list.stdout, /admin@example\.org\s+administrator/);
  assert.ok(!list.stdout.includes('y@example.org'));
});

test('haven audit verify: exit 0 when intact, 1 with the first broken entry after tampering', async () => {
  const intact = await haven(['audit', 'verify']);
  assert.equal(intact.code, 0, intact.stderr);
  assert.match(intact.stdout, /intact: \d+ events/);
  let target = { chain: '', seq: 0 };
  await asOwner(async (db) => {
    const row = await db
      .selectFrom('audit_event')
      .select(['chain_id', 'seq'])
      .where('resource', '=', 'user')
      .orderBy('seq')
      .executeTakeFirstOrThrow();
    target = { chain: row.chain_id, seq: row.seq };
    await sql`UPDATE audit_event SET action = 'read' WHERE chain_id = ${row.chain_id} AND seq = ${row.seq}`.execute(db);
  });
  const broken = await haven(['audit', 'verify']);
  assert.equal(broken.code, 1);
  assert.match(broken.stderr, new RegExp(`chain ${target.chain} entry ${target.seq}: hash_mismatch`));
});

/** A server on the CLI's database, in this process, as `haven serve` runs it. */
async function withServer(work: (server: Server) => Promise<void>): Promise<void> {
  const server = await startServer(loadConfig({ ...process.env, ...env, PORT: '0', HAVEN_JOBS: '0', HAVEN_DEMO: '0' }), () => {});
  try {
    await work(server);
    assert.equal((await fetch(`${server.url}/api/health`)).status, 200, 'the server still serves');
  } finally {
    await server.close();
  }
}

const keyFile = join(dataDir, 'keys.json');

test('while a server runs, haven keys rotate refuses and leaves the key file as it was', async () => {
  await withServer(async () => {
    const before = readFileSync(keyFile, 'utf8');
    const rotated = await haven(['keys', 'rotate']);
    assert.equal(rotated.code, 2, rotated.stderr);
    assert.match(
      rotated.stderr,
      pgDatabase ? /Stop every Haven server .* `haven keys rotate`/ : /in use by a Haven server \(pid \d+.*stop the server/,
    );
    assert.equal(readFileSync(keyFile, 'utf8'), before);
  });
});

test('PGlite: every haven command on a data directory held by a running server refuses cleanly (no WebAssembly abort)', {
  skip:
    pgDatabase || process.env.TEST_DATABASE_URL
      ? 'PostgreSQL serves many connections: commands other than keys rotate run beside a server'
      : false,
}, async () => {
  await withServer(async (server) => {
    for (const args of [
      ['user', 'list'],
      ['audit', 'verify'],
      ['user', 'create', '--email', 'z@example.org', '--role', 'caseworker'],
    ]) {
      const res = await haven(args, 'a long enough passphrase\n');
      assert.equal(res.code, 2, `${args.join(' ')}: ${res.stderr}`);
      assert.match(res.stderr, new RegExp(`in use by a Haven server \\(pid ${process.pid}.*one process at a time`));
      assert.doesNotMatch(res.stderr, /Aborted|RuntimeError|wasm/i);
    }
    const users = await server.runtime.deps.db.selectFrom('app_user').select('email').execute();
    assert.ok(!users.some((u) => u.email === 'z@example.org'), 'nothing written');
  });
});

test('PostgreSQL: other commands run beside a server', {
  skip: process.env.TEST_DATABASE_URL ? false : 'PGlite: one process at a time (test above)',
}, async () => {
  await withServer(async () => {
    const verified = await haven(['audit', 'verify']);
    assert.equal(verified.code, 1, verified.stderr); // the chain was broken on purpose above: it ran and reported it
    assert.match(verified.stderr, /BROKEN/);
  });
});

test('PGlite: a lock left by a server that is gone does not block the CLI', {
  skip: process.env.TEST_DATABASE_URL ? 'the PostgreSQL advisory lock ends with its session' : false,
}, async () => {
  const gone = spawnSync(process.execPath, ['-e', '']).pid;
  writeFileSync(`${join(dataDir, 'pg')}.lock`, JSON.stringify({ pid: gone, holder: 'server', host: 'old', since: '2026-01-01T00:00:00Z' }));
  const list = await haven(['user', 'list']);
  assert.equal(list.code, 0, list.stderr);
  assert.match(list.stdout, /admin@example\.org/);
});

test('a server that fails to start (port taken) releases the database', async () => {
  const blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  const { port } = blocker.address() as AddressInfo;
  try {
    const config = loadConfig({ ...process.env, ...env, PORT: String(port), HAVEN_JOBS: '0', HAVEN_DEMO: '0' });
    await assert.rejects(
      startServer(config, () => {}),
      /EADDRINUSE/,
    );
  } finally {
    blocker.close();
  }
  const rotated = await haven(['keys', 'rotate']); // needs the database to itself
  assert.equal(rotated.code, 0, rotated.stderr);
});

test('haven keys rotate and haven seed demo', async () => {
  const rotated = await haven(['keys', 'rotate']);
  assert.equal(rotated.code, 0, rotated.stderr);
  assert.match(rotated.stdout, /Active key is now/);
  const seeded = await haven(['seed', 'demo']);
  assert.match(seeded.stdout, /already has users/);
});
