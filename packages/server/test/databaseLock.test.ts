import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import pg from 'pg';
import { DatabaseInUseError, lockPostgres } from '../src/db/databaseLock.ts';
import { createTestDatabase, type TestDatabase } from './support/database.ts';

// PGlite's lock file is covered by src/db/databaseLock.test.ts and cli.test.ts.
const skip = process.env.TEST_DATABASE_URL ? false : 'the advisory lock is the PostgreSQL mechanism';
let database: TestDatabase;
before(async () => {
  if (!skip) database = await createTestDatabase();
});
after(() => database?.close());

const refused = (pattern: RegExp) => (error: unknown) => error instanceof DatabaseInUseError && pattern.test(error.message);

test('PostgreSQL: servers share the database, rotation needs it alone, and nothing starts during a rotation', { skip }, async () => {
  const first = await lockPostgres(database.url, 'server', false);
  const second = await lockPostgres(database.url, 'command', false);
  await assert.rejects(lockPostgres(database.url, 'command', true), refused(/Stop every Haven server/));
  await first();
  await assert.rejects(lockPostgres(database.url, 'command', true), refused(/Stop every Haven server/));
  await second();
  const rotation = await lockPostgres(database.url, 'command', true);
  await assert.rejects(lockPostgres(database.url, 'server', false), refused(/key rotation .* is running/));
  await rotation();
});

test('PostgreSQL: a lock lost with its connection is taken again when the database is back', { skip }, async () => {
  const release = await lockPostgres(database.url, 'server', false);
  const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await admin.connect();
  try {
    const name = new URL(database.url).pathname.slice(1);
    const killed = await admin.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND application_name = 'haven server'`,
      [name],
    );
    assert.equal(killed.rowCount, 1);
    const deadline = Date.now() + 15_000;
    let heldAgain = false;
    while (!heldAgain && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      try {
        await (await lockPostgres(database.url, 'command', true))(); // free for now: not yet taken again
      } catch (error) {
        if (!(error instanceof DatabaseInUseError)) throw error;
        heldAgain = true;
      }
    }
    assert.ok(heldAgain, 'the server took its lock again');
  } finally {
    await admin.end();
    await release();
  }
  await (await lockPostgres(database.url, 'command', true))();
});
