import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { verifyAudit } from '../src/audit/verify.ts';
import { loadConfig } from '../src/config.ts';
import { migrateIfPending } from '../src/db/migrate.ts';
import { startServer } from '../src/runtime.ts';
import { createTestDatabase, type TestDatabase, testEngine } from './support/database.ts';
import { tempDir } from './support/tempDir.ts';

// The application login alone (docs/data-model.md §6.3: haven_web, only a member of haven_app) must
// start Haven when nothing is pending, and say what to do when something is.
let database: TestDatabase;
before(async () => {
  database = await createTestDatabase();
});
after(() => database.close());

const onPostgres = testEngine === 'postgres' ? false : 'PGlite logs in as its superuser: the app role is covered by the tests above';

/** Config for the server with only the application login: no HAVEN_MIGRATION_DATABASE_URL. */
const appLoginConfig = () =>
  loadConfig({
    DATABASE_URL: database.url,
    HAVEN_KEY: randomBytes(32).toString('base64'),
    HAVEN_DATA_DIR: tempDir('haven-least-'),
    PORT: '0',
    HAVEN_DEMO: '0',
    HAVEN_LOG_LEVEL: 'silent',
  });

/** Marks the newest applied migration as pending (as after an upgrade), and restores the record afterwards. */
async function withNewestPending(work: (name: string) => Promise<void>): Promise<void> {
  const { rows } = await database.asOwner((db) =>
    sql<{ name: string; timestamp: string }>`DELETE FROM kysely_migration
      WHERE name = (SELECT max(name) FROM kysely_migration) RETURNING name, timestamp`.execute(db),
  );
  const removed = rows[0];
  assert.ok(removed);
  try {
    await work(removed.name);
  } finally {
    await database.asOwner((db) =>
      sql`INSERT INTO kysely_migration (name, timestamp) VALUES (${removed.name}, ${removed.timestamp})`.execute(db),
    );
  }
}

const pendingMessage = (name: string) => (error: unknown) =>
  error instanceof Error &&
  error.message.includes(name) &&
  error.message.includes('HAVEN_MIGRATION_DATABASE_URL') &&
  error.message.includes('`haven migrate`');

test('nothing pending: the app role reads which migrations are applied and needs no migration lock', async () => {
  assert.deepEqual(await migrateIfPending(database.db), []);
  await assert.rejects(sql`SELECT * FROM kysely_migration_lock`.execute(database.db), /permission denied/);
});

test('a pending migration with only the app role: a clear error naming HAVEN_MIGRATION_DATABASE_URL and haven migrate, nothing applied', async () => {
  await withNewestPending(async (name) => {
    await assert.rejects(migrateIfPending(database.db), pendingMessage(name));
    const { rows } = await database.asOwner((db) => sql`SELECT 1 FROM kysely_migration WHERE name = ${name}`.execute(db));
    assert.equal(rows.length, 0);
  });
});

test('PostgreSQL: haven serve starts with only the application login (background jobs on) and audits as haven_app', {
  skip: onPostgres,
}, async () => {
  const server = await startServer(appLoginConfig(), () => {});
  try {
    assert.equal((await fetch(`${server.url}/api/health`)).status, 200);
    assert.equal((await verifyAudit(server.runtime.deps.db)).ok, true);
    const { rows } = await sql<{ role: string }>`SELECT current_user AS role`.execute(server.runtime.deps.db);
    assert.equal(rows[0]?.role, 'haven_app');
  } finally {
    await server.close();
  }
});

test('PostgreSQL: with a migration pending and only the application login, haven serve stops at start-up saying what to run', {
  skip: onPostgres,
}, async () => {
  await withNewestPending(async (name) => {
    await assert.rejects(
      startServer(appLoginConfig(), () => {}),
      pendingMessage(name),
    );
  });
});
