import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from 'kysely';
import type { DB } from './schema.ts';

const migrationsDir = fileURLToPath(new URL('./migrations/', import.meta.url));

/** Splits a plain SQL migration file into its `-- up` and `-- down` parts. */
export function parseSqlMigration(text: string): { up: string; down: string } {
  const upAt = text.search(/^-- up\s*$/m);
  const downAt = text.search(/^-- down\s*$/m);
  if (upAt < 0 || downAt < upAt) throw new Error('a migration needs a "-- up" line followed by a "-- down" line');
  return { up: text.slice(upAt, downAt), down: text.slice(downAt) };
}

class SqlFileProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    const migrations: Record<string, Migration> = {};
    for (const file of readdirSync(migrationsDir)
      .filter((name) => name.endsWith('.sql'))
      .sort()) {
      const { up, down } = parseSqlMigration(readFileSync(join(migrationsDir, file), 'utf8'));
      migrations[file.replace(/\.sql$/, '')] = {
        up: async (db) => void (await sql.raw(up).execute(db)),
        down: async (db) => void (await sql.raw(down).execute(db)),
      };
    }
    return migrations;
  }
}

/** Applies pending migrations; each runs in its own transaction. Returns the names applied. */
export async function migrateToLatest(db: Kysely<DB>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: new SqlFileProvider() });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

const pgCode = (error: unknown): unknown => (typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined);

/** The migrations the database has applied; null when this login may not read the list. */
async function appliedMigrations(db: Kysely<DB>): Promise<Set<string> | null> {
  try {
    const { rows } = await sql<{ name: string }>`SELECT name FROM kysely_migration`.execute(db);
    return new Set(rows.map((row) => row.name));
  } catch (error) {
    if (pgCode(error) === '42P01') return new Set(); // a new database: no migration table yet
    if (pgCode(error) === '42501') return null; // applied before haven_app could read it (20261204000000)
    throw error;
  }
}

/**
 * Applies pending migrations, if any. When nothing is pending it only reads `kysely_migration`
 * (granted to haven_app), so the application login alone starts the server: Kysely's migrator
 * would take its lock (`kysely_migration_lock`, owner only) even with nothing to do. A login that
 * may not migrate is told what to run. `login` names the URL the connection came from.
 */
export async function migrateIfPending(db: Kysely<DB>, login = 'DATABASE_URL'): Promise<string[]> {
  const known = listMigrationFiles().map((file) => file.replace(/\.sql$/, ''));
  const applied = await appliedMigrations(db);
  if (applied) {
    const unknown = [...applied].filter((name) => !known.includes(name));
    if (unknown.length) {
      throw new Error(
        `the database has migrations this version of Haven does not know (${unknown.join(', ')}): it was migrated by a newer version`,
      );
    }
  }
  const pending = applied ? known.filter((name) => !applied.has(name)) : null;
  if (pending?.length === 0) return [];
  try {
    return await migrateToLatest(db);
  } catch (error) {
    if (pgCode(error) !== '42501') throw error;
    const what = pending ? `${pending.length} database migration(s) pending (${pending.join(', ')})` : 'Database migrations pending';
    throw new Error(
      `${what}, and the login of ${login} may not apply them (${(error as Error).message}). Run \`haven migrate\` with HAVEN_MIGRATION_DATABASE_URL set to the database owner's URL (or set it for this process too), then start again.`,
    );
  }
}

export function listMigrationFiles(): string[] {
  return readdirSync(migrationsDir)
    .filter((name) => name.endsWith('.sql'))
    .sort();
}
