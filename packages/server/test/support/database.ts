import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import { appRoleName, type Database, type Engine, openDatabase } from '../../src/db/connect.ts';
import type { DB } from '../../src/db/schema.ts';
import {
  buildPgliteTemplate,
  buildPostgresTemplate,
  createOwnedDatabase,
  postgresTemplateName,
  withDatabase,
  withLogin,
} from './template.ts';

/** Which engine the integration tests run on: PGlite by default, PostgreSQL when TEST_DATABASE_URL is set. */
export const testEngine: Engine = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';

export interface TestDatabase extends Database {
  /** A URL as the database owner (PGlite: the superuser on the loopback socket). */
  ownerUrl: string;
  /** Runs work as the database owner (bypassing the app role), e.g. to tamper with audit rows on purpose. */
  asOwner<T>(work: (db: Kysely<DB>) => Promise<T>): Promise<T>;
}

/** A fresh database for one test file, cloned from the migrated template, running as the app role. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    const path = await buildPgliteTemplate();
    const database = await openDatabase({ loadDataDir: new Blob([readFileSync(path)]), appRole: true });
    return {
      ...database,
      ownerUrl: database.url,
      // One backend session: switch it to the owner and back around the work.
      async asOwner(work) {
        await sql`RESET ROLE`.execute(database.db);
        try {
          return await work(database.db);
        } finally {
          await sql.raw(`SET ROLE ${appRoleName}`).execute(database.db);
        }
      },
    };
  }
  const template = await buildPostgresTemplate(adminUrl);
  const name = `haven_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      await createOwnedDatabase(admin, name, template);
      break;
    } catch (error) {
      // 55006: another file is cloning the template at this instant. Anything else is a real failure.
      const busy = typeof error === 'object' && error !== null && 'code' in error && error.code === '55006';
      if (!busy || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 250));
    }
  }
  await admin.end();
  const url = withDatabase(adminUrl, name);
  const ownerUrl = withLogin(url, 'owner');
  const database = await openDatabase({ url: withLogin(url, 'web'), appRole: true, poolSize: 20 });
  const owner = await openDatabase({ url: ownerUrl, poolSize: 2 });
  return {
    ...database,
    ownerUrl,
    asOwner: (work) => work(owner.db),
    async close() {
      await database.close();
      await owner.close();
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

export { postgresTemplateName };
