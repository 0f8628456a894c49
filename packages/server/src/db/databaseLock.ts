import { linkSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import pg from 'pg';

/** Who holds the database: a running server, or a `haven` command. */
export type Holder = 'server' | 'command';

/** The database is held by another process in a way that excludes this one. Its message says what to do. */
export class DatabaseInUseError extends Error {
  override name = 'DatabaseInUseError';
}

interface LockFile {
  pid: number;
  holder: Holder;
  host: string;
  since: string;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLockFile(path: string): LockFile | null {
  try {
    const info = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockFile>;
    return typeof info.pid === 'number' ? (info as LockFile) : null;
  } catch {
    return null;
  }
}

/** Lock files this process holds: its own pid in a lock file it does not hold is a stale lock (a restarted container). */
const openHere = new Set<string>();

/**
 * Held while its process lives. The host is not compared: a container gets a new host name on
 * every start, and its volume keeps the old lock.
 */
function isHeld(lock: LockFile, path: string): boolean {
  return lock.pid === process.pid ? openHere.has(path) : processAlive(lock.pid);
}

/** The lock file of a PGlite data directory, beside it (inside HAVEN_DATA_DIR for the server and CLI). */
export const dataDirLockPath = (dataDir: string) => `${dataDir.replace(/\/+$/, '')}.lock`;

/**
 * PGlite can be opened by one process at a time: a second process on the same data directory
 * aborts inside WebAssembly or damages it. The process that opens it writes a lock file with its pid;
 * a lock whose process is gone (same host) is stale and taken over. Returns the release function.
 */
export function lockDataDir(dataDir: string, holder: Holder): () => void {
  const path = dataDirLockPath(dataDir);
  const mine: LockFile = { pid: process.pid, holder, host: hostname(), since: new Date().toISOString() };
  const staging = `${path}.${process.pid}`;
  writeFileSync(staging, JSON.stringify(mine), { mode: 0o600 });
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        linkSync(staging, path); // atomic: fails when a lock file exists, and never shows a half-written one
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 3) throw error;
        const held = readLockFile(path);
        if (held && isHeld(held, path)) throw new DatabaseInUseError(dataDirInUse(dataDir, path, held));
        rmSync(path, { force: true }); // stale: its process is gone
      }
    }
  } finally {
    rmSync(staging, { force: true });
  }
  openHere.add(path);
  const release = () => {
    process.off('exit', release);
    openHere.delete(path);
    if (readLockFile(path)?.pid === process.pid) rmSync(path, { force: true });
  };
  process.on('exit', release);
  return release;
}

function dataDirInUse(dataDir: string, path: string, held: LockFile): string {
  const who = held.holder === 'server' ? 'a Haven server' : 'another haven command';
  const where = held.host === hostname() ? `pid ${held.pid}` : `pid ${held.pid} on host ${held.host}`;
  return (
    `The embedded database ${dataDir} is in use by ${who} (${where}, since ${held.since}). ` +
    'It can be opened by one process at a time: stop the server before running haven commands on it ' +
    `(or wait for the other command to finish). If that process is gone, delete ${path}.`
  );
}

/** Session-level advisory lock key (per database): "Haven" in ASCII. */
const advisoryKey = 0x48_61_76_65_6e;

/**
 * PostgreSQL: every server and command holds a shared advisory lock on a dedicated connection for
 * as long as it runs (servers may run side by side); `haven keys rotate` needs it exclusively, so it
 * refuses while anything else runs and nothing starts while it rotates. A lock lost with its
 * connection (database restart) is taken again when the connection comes back.
 */
export async function lockPostgres(url: string, holder: Holder, exclusive: boolean): Promise<() => Promise<void>> {
  let client: pg.Client | undefined;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  const acquire = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: url, application_name: `haven ${holder}` });
    next.on('error', () => {});
    next.on('end', () => {
      if (!closed && client === next) retry = setTimeout(reacquire, 2_000);
    });
    await next.connect();
    const take = exclusive ? 'pg_try_advisory_lock' : 'pg_try_advisory_lock_shared';
    const { rows } = await next.query<{ ok: boolean }>(`SELECT ${take}($1::bigint) AS ok`, [advisoryKey]);
    if (!rows[0]?.ok) {
      await next.end();
      throw new DatabaseInUseError(
        exclusive
          ? 'Haven is running on this database (a server or another haven command). Stop every Haven server and wait for other commands to finish before `haven keys rotate`: a record written during a rotation would be sealed under a key that the rotation retires.'
          : 'A key rotation (`haven keys rotate`) is running on this database: start again when it has finished.',
      );
    }
    client = next;
  };
  const reacquire = () => {
    if (closed) return;
    acquire().catch(() => {
      if (!closed) retry = setTimeout(reacquire, 2_000);
    });
  };
  await acquire();
  return async () => {
    closed = true;
    clearTimeout(retry);
    await client?.end().catch(() => {});
  };
}
