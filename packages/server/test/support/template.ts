import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { appRoleName, openDatabase } from '../../src/db/connect.ts';
import { listMigrationFiles } from '../../src/db/migrate.ts';
import { systemClock } from '../../src/db/unitOfWork.ts';
import { ensureDefaultRoles } from '../../src/seed/demo.ts';
import { testKeyRing } from './keys.ts';

const root = new URL('../../../../', import.meta.url).pathname;
const migrationsDir = new URL('../../src/db/migrations/', import.meta.url).pathname;
export const cacheDir = join(root, '.cache', 'test');

/** Changes whenever a migration changes, so a stale template is never used. */
export function schemaFingerprint(): string {
  const hash = createHash('sha256');
  for (const file of listMigrationFiles()) hash.update(file).update(readFileSync(join(migrationsDir, file)));
  return hash.digest('hex').slice(0, 12);
}

export const pgliteTemplatePath = () => join(cacheDir, `pglite-${schemaFingerprint()}.tar.gz`);
export const postgresTemplateName = () => `haven_tpl_${schemaFingerprint()}`;

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/**
 * On PostgreSQL the tests use the two-role setup of docs/data-model.md §6.3, not the superuser of
 * TEST_DATABASE_URL (which only creates roles and databases): an owner that is an ordinary role
 * runs the migrations, and the app pool connects as a login that is only a member of haven_app.
 */
export const testLogins = { owner: 'haven_test_owner', web: 'haven_test_web' } as const;
const testPassword = 'haven-test-only';

export function withLogin(url: string, login: keyof typeof testLogins): string {
  const u = new URL(url);
  u.username = testLogins[login];
  u.password = testPassword;
  return u.toString();
}

/** Roles are cluster-wide: created once (haven_app too, since the owner may not create roles). */
async function ensureTestLogins(admin: pg.Client): Promise<void> {
  const { owner, web } = testLogins;
  await admin.query(`DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${appRoleName}') THEN CREATE ROLE ${appRoleName} NOLOGIN; END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${owner}') THEN CREATE ROLE ${owner} LOGIN; END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${web}') THEN CREATE ROLE ${web} LOGIN; END IF;
  END $$`);
  await admin.query(`ALTER ROLE ${owner} NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '${testPassword}'`);
  await admin.query(`ALTER ROLE ${web} NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '${testPassword}'`);
  await admin.query(`GRANT ${appRoleName} TO ${web}`);
}

/** A database for the tests, owned by the test owner; pg-boss (as the web login) may create its schema. */
export async function createOwnedDatabase(admin: pg.Client, name: string, template?: string): Promise<void> {
  await admin.query(`CREATE DATABASE ${name} OWNER ${testLogins.owner}${template ? ` TEMPLATE ${template}` : ''}`);
  await admin.query(`GRANT CREATE ON DATABASE ${name} TO ${testLogins.web}`);
}

/** Builds the migrated template once per schema version: PGlite as a dumped data directory. */
export async function buildPgliteTemplate(): Promise<string> {
  const path = pgliteTemplatePath();
  if (existsSync(path)) return path;
  mkdirSync(cacheDir, { recursive: true });
  const database = await openDatabase({ migrate: true });
  await ensureDefaultRoles({ db: database.db, keys: testKeyRing(), clock: systemClock });
  const dump = await database.pglite?.dumpDataDir('gzip');
  await database.close();
  if (!dump) throw new Error('PGlite dump failed');
  const tmp = `${path}.${randomBytes(4).toString('hex')}`;
  writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
  await import('node:fs').then((fs) => fs.renameSync(tmp, path));
  return path;
}

/** On PostgreSQL: a migrated template database that each test file clones with CREATE DATABASE … TEMPLATE. */
export async function buildPostgresTemplate(adminUrl: string): Promise<string> {
  const name = postgresTemplateName();
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    // Test files started together may all find the template missing: one builds it, the others wait.
    await admin.query('SELECT pg_advisory_lock(72616002)');
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount) return name;
    await ensureTestLogins(admin);
    const building = `${name}_build`;
    await admin.query(`DROP DATABASE IF EXISTS ${building}`);
    await createOwnedDatabase(admin, building);
    const database = await openDatabase({ url: withLogin(withDatabase(adminUrl, building), 'owner'), migrate: true });
    await ensureDefaultRoles({ db: database.db, keys: testKeyRing(), clock: systemClock });
    await database.close();
    await admin.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
    return name;
  } finally {
    await admin.end();
  }
}
