import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import type { Config } from './config.ts';
import { type KeyRing, keyRingFromEnv, loadKeyFile } from './crypto/keyring.ts';
import { type Database, openDatabase } from './db/connect.ts';
import type { Holder } from './db/databaseLock.ts';
import { type DataDeps, systemClock } from './db/unitOfWork.ts';
import { type Jobs, startJobs } from './jobs/jobs.ts';
import { type DemoUser, ensureDefaultRoles, seedDemo, writeDemoCredentials } from './seed/demo.ts';

export interface Runtime {
  config: Config;
  database: Database;
  deps: DataDeps;
  close(): Promise<void>;
}

export function loadKeys(config: Config, create: boolean): { ring: KeyRing; created: boolean } {
  if (config.envKey) return { ring: keyRingFromEnv(config.envKey), created: false };
  return loadKeyFile(config.keyFile, create);
}

export interface RuntimeOptions {
  appRole?: boolean;
  log?: (line: string) => void;
  /** Who holds the database while this runtime is open (databaseLock.ts); a command unless said otherwise. */
  holder?: Holder;
  /** Refuse unless nothing else holds the database (`haven keys rotate`). */
  exclusive?: boolean;
}

/**
 * Opens the database (migrating it) and the key ring: what the server and every CLI command share.
 * The database is held while the runtime is open, so a rotation never runs beside a server.
 */
export async function openRuntime(config: Config, options: RuntimeOptions = {}): Promise<Runtime> {
  const { ring, created } = loadKeys(config, true);
  if (created) {
    (options.log ?? console.warn)(
      `Created a new encryption key file at ${config.keyFile}. Back it up and keep it apart from database backups: without it the encrypted fields cannot be read.`,
    );
  }
  const database = await openDatabase({
    url: config.databaseUrl,
    migrationUrl: config.migrationDatabaseUrl,
    dataDir: config.pgliteDir,
    migrate: true,
    appRole: options.appRole ?? true,
    lock: { holder: options.holder ?? 'command', exclusive: options.exclusive ?? false },
  });
  const deps: DataDeps = { db: database.db, keys: ring, clock: systemClock };
  try {
    await ensureDefaultRoles(deps);
  } catch (error) {
    await database.close();
    throw error;
  }
  return { config, database, deps, close: () => database.close() };
}

export interface Server {
  app: FastifyInstance;
  runtime: Runtime;
  jobs: Jobs | undefined;
  demoUsers: DemoUser[] | null;
  url: string;
  close(): Promise<void>;
}

export async function startServer(config: Config, log: (line: string) => void = console.log): Promise<Server> {
  const runtime = await openRuntime(config, { log, holder: 'server' });
  let jobs: Jobs | undefined;
  let app: FastifyInstance | undefined;
  const close = async () => {
    await app?.close();
    await jobs?.stop();
    await runtime.close();
  };
  try {
    const demoUsers = config.demo ? await seedDemo(runtime.deps) : null;
    if (demoUsers) {
      const path = `${config.dataDir}/demo-credentials.txt`;
      writeDemoCredentials(path, demoUsers);
      log(`Demo organisation created. Sign-in details for one user per role: ${path}`);
    }
    jobs = config.jobs ? await startJobs(runtime.database, runtime.deps, true) : undefined;
    ({ app } = await buildApp({
      database: runtime.database,
      deps: runtime.deps,
      auth: config.auth,
      secureCookies: config.secureCookies,
      loginRatePerMinute: config.loginRatePerMinute,
      webDist: config.webDist,
      logLevel: config.logLevel,
    }));
    const address = await app.listen({ port: config.port, host: config.host });
    log(
      `Haven is running at ${address.replace('0.0.0.0', '127.0.0.1')} on ${runtime.database.engine === 'pglite' ? `embedded PostgreSQL (${config.pgliteDir})` : 'PostgreSQL'}`,
    );
    return { app, runtime, jobs, demoUsers, url: address, close };
  } catch (error) {
    await close().catch(() => {}); // releases the database, e.g. when the port is taken
    throw error;
  }
}
