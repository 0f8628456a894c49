import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { type Holder, lockDataDir, lockPostgres } from './databaseLock.ts';
import { identityWatch } from './identityWatch.ts';
import { migrateIfPending } from './migrate.ts';
import { PgliteServer } from './pgliteServer.ts';
import type { DB } from './schema.ts';

// int8 as JS numbers (counts and sequence numbers stay far below 2^53).
pg.types.setTypeParser(20, (value) => Number(value));

export type Engine = 'pglite' | 'postgres';

/** The least-privileged role the application runs as: no UPDATE/DELETE on audit rows. */
export const appRoleName = 'haven_app';

export interface Database {
  db: Kysely<DB>;
  pool: pg.Pool;
  /** A connection URL for other clients (pg-boss, psql, benchmarks); on PGlite the loopback socket. */
  url: string;
  engine: Engine;
  /** The PGlite engine, when embedded (for dumps); undefined on PostgreSQL. */
  pglite: PGlite | undefined;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** A PostgreSQL URL; when absent, embedded PGlite is used. */
  url?: string | undefined;
  /** A URL with rights to run migrations (DDL, grants); defaults to `url`. */
  migrationUrl?: string | undefined;
  /** PGlite data directory; `memory://` for a throwaway database. */
  dataDir?: string | undefined;
  /** PGlite: start from a dumped data directory (the migrated test template). */
  loadDataDir?: Blob | undefined;
  poolSize?: number | undefined;
  /** Apply pending migrations before handing the database out. */
  migrate?: boolean | undefined;
  /**
   * Run as `haven_app` (no UPDATE/DELETE on audit rows). On by default for the server and CLI;
   * tests that tamper with audit rows on purpose open a second, owner connection.
   */
  appRole?: boolean | undefined;
  /**
   * Hold the database while open (see databaseLock.ts): on PostgreSQL a shared advisory lock, or an
   * exclusive one (`haven keys rotate`). An on-disk PGlite directory is always held exclusively.
   */
  lock?: { holder: Holder; exclusive?: boolean } | undefined;
}

/**
 * One code path for both engines: Kysely over a `pg` pool. Embedded PGlite is served on a
 * loopback socket so the app, pg-boss and external tools speak the same wire protocol.
 * PGlite multiplexes every connection onto ONE backend session: session settings (SET ROLE)
 * apply to all connections at once, and transactions are serialised by the engine.
 */
export async function openDatabase(options: OpenOptions): Promise<Database> {
  return options.url ? openPostgres(options.url, options) : openPglite(options);
}

async function openPostgres(url: string, options: OpenOptions): Promise<Database> {
  const unlock = options.lock ? await lockPostgres(url, options.lock.holder, options.lock.exclusive ?? false) : async () => {};
  try {
    return await openPostgresHeld(url, options, unlock);
  } catch (error) {
    await unlock();
    throw error;
  }
}

async function openPostgresHeld(url: string, options: OpenOptions, unlock: () => Promise<void>): Promise<Database> {
  if (options.migrate) {
    const owner = newKysely(new pg.Pool({ connectionString: options.migrationUrl ?? url, max: 1 }));
    try {
      await migrateIfPending(owner, options.migrationUrl ? 'HAVEN_MIGRATION_DATABASE_URL' : 'DATABASE_URL');
    } finally {
      await owner.destroy();
    }
  }
  // A startup option, so a connection that cannot take the role fails instead of running privileged.
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    idleTimeoutMillis: 30_000,
    ...(options.appRole ? { options: `-c role=${appRoleName}` } : {}),
  });
  pool.on('connect', prepareRepeatedStatements);
  const db = newKysely(pool);
  return {
    db,
    pool,
    url,
    engine: 'postgres',
    pglite: undefined,
    async close() {
      await db.destroy();
      await unlock();
    },
  };
}

async function openPglite(options: OpenOptions): Promise<Database> {
  const dataDir = options.dataDir ?? 'memory://';
  const onDisk = !dataDir.startsWith('memory://');
  if (onDisk) mkdirSync(dirname(dataDir), { recursive: true });
  const unlock = onDisk ? lockDataDir(dataDir, options.lock?.holder ?? 'command') : () => {};
  try {
    return await openPgliteHeld(dataDir, options, unlock);
  } catch (error) {
    unlock();
    throw error;
  }
}

async function openPgliteHeld(dataDir: string, options: OpenOptions, unlock: () => void): Promise<Database> {
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create({
    dataDir,
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  });
  const server = new PgliteServer(pglite);
  const url = `postgres://postgres@${await server.listen()}/postgres`;
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10, idleTimeoutMillis: 30_000 });
  const db = newKysely(pool);
  const close = async () => {
    await db.destroy();
    await server.close();
    await pglite.close();
    unlock();
  };
  try {
    if (options.migrate) await migrateIfPending(db);
    if (options.appRole) await sql.raw(`SET ROLE ${appRoleName}`).execute(db);
  } catch (error) {
    await close(); // the engine closes before its lock is released
    throw error;
  }
  return { db, pool, url, engine: 'pglite', pglite, close };
}

const maxPreparedPerConnection = 500;

/**
 * PostgreSQL plans an unnamed statement every time it runs. Kysely sends the same SQL text for the
 * same query shape, so each connection prepares a parameterised statement the first time it sees it
 * and then only binds and executes it. Bounded per connection; not for PGlite, whose single backend
 * session is shared by every connection (a name prepared by one would collide in another).
 */
function prepareRepeatedStatements(client: pg.PoolClient): void {
  const names = new Map<string, string>();
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as { query: unknown }).query = (text: unknown, values?: unknown, callback?: unknown) => {
    if (typeof text === 'string' && Array.isArray(values) && values.length > 0) {
      let name = names.get(text);
      if (!name && names.size < maxPreparedPerConnection) {
        name = `haven_${names.size}`;
        names.set(text, name);
      }
      if (name) return query({ name, text, values }, callback);
    }
    return query(text, values, callback);
  };
}

function newKysely(pool: pg.Pool): Kysely<DB> {
  // An idle connection that the server drops (restart, failover) is discarded by the pool; without a
  // listener its 'error' event would crash the process.
  pool.on('error', () => {});
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool }), plugins: [identityWatch()] });
}
