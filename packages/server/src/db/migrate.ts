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

export function listMigrationFiles(): string[] {
  return readdirSync(migrationsDir)
    .filter((name) => name.endsWith('.sql'))
    .sort();
}
