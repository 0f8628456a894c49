import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { openDatabase } from '../src/db/connect.ts';
import { createTestDatabase, type TestDatabase } from './support/database.ts';
import { tempDir } from './support/tempDir.ts';

const bin = new URL('../../cli/bin/haven.js', import.meta.url).pathname;
const dataDir = tempDir('haven-cli-');
let pgDatabase: TestDatabase | undefined;
let env: Record<string, string> = {};

before(async () => {
  env = { HAVEN_DATA_DIR: dataDir, HAVEN_LOG_LEVEL: 'silent', DATABASE_URL: '' };
  if (process.env.TEST_DATABASE_URL) {
    pgDatabase = await createTestDatabase();
    env.DATABASE_URL = pgDatabase.url;
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

test('haven keys rotate and haven seed demo', async () => {
  const rotated = await haven(['keys', 'rotate']);
  assert.equal(rotated.code, 0, rotated.stderr);
  assert.match(rotated.stdout, /Active key is now/);
  const seeded = await haven(['seed', 'demo']);
  assert.match(seeded.stdout, /already has users/);
});
