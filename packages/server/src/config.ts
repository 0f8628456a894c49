import { resolve } from 'node:path';
import { z } from 'zod';

const flag = z.enum(['0', '1', 'true', 'false', 'yes', 'no']).transform((v) => v === '1' || v === 'true' || v === 'yes');

/** The environment, parsed once at boot. Defaults make `npm start` work with nothing set. */
export const EnvConfig = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(8080),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z.string().startsWith('postgres').optional(),
  HAVEN_MIGRATION_DATABASE_URL: z.string().startsWith('postgres').optional(),
  HAVEN_DATA_DIR: z.string().default('./data'),
  HAVEN_KEY: z.string().optional(),
  HAVEN_KEY_FILE: z.string().optional(),
  HAVEN_DEMO: flag.optional(),
  HAVEN_JOBS: flag.default(true),
  HAVEN_SECURE_COOKIES: flag.optional(),
  HAVEN_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  HAVEN_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(30),
  HAVEN_SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).default(12),
  HAVEN_SESSION_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(2000),
  HAVEN_LOCKOUT_THRESHOLD: z.coerce.number().int().min(1).default(5),
  HAVEN_LOCKOUT_MINUTES: z.coerce.number().int().min(1).default(15),
  HAVEN_LOGIN_RATE_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  HAVEN_WEB_DIST: z.string().optional(),
});
export type EnvConfig = z.infer<typeof EnvConfig>;

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  migrationDatabaseUrl: string | undefined;
  dataDir: string;
  pgliteDir: string;
  keyFile: string;
  envKey: string | undefined;
  demo: boolean;
  jobs: boolean;
  secureCookies: boolean;
  logLevel: EnvConfig['HAVEN_LOG_LEVEL'];
  auth: {
    sessionIdleMinutes: number;
    sessionAbsoluteHours: number;
    sessionCacheMs: number;
    lockoutThreshold: number;
    lockoutMinutes: number;
  };
  loginRatePerMinute: number;
  webDist: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvConfig.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  const dataDir = resolve(e.HAVEN_DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    migrationDatabaseUrl: e.HAVEN_MIGRATION_DATABASE_URL,
    dataDir,
    pgliteDir: resolve(dataDir, 'pg'),
    keyFile: resolve(e.HAVEN_KEY_FILE ?? resolve(dataDir, 'keys.json')),
    envKey: e.HAVEN_KEY,
    // The demo organisation is for the embedded database; on PostgreSQL (production) only when asked.
    demo: e.HAVEN_DEMO ?? !e.DATABASE_URL,
    jobs: e.HAVEN_JOBS,
    // Secure cookies need HTTPS; default on unless Haven listens on loopback only (development, the demo).
    secureCookies: e.HAVEN_SECURE_COOKIES ?? !['127.0.0.1', 'localhost', '::1'].includes(e.HOST),
    logLevel: e.HAVEN_LOG_LEVEL,
    auth: {
      sessionIdleMinutes: e.HAVEN_SESSION_IDLE_MINUTES,
      sessionAbsoluteHours: e.HAVEN_SESSION_ABSOLUTE_HOURS,
      sessionCacheMs: e.HAVEN_SESSION_CACHE_MS,
      lockoutThreshold: e.HAVEN_LOCKOUT_THRESHOLD,
      lockoutMinutes: e.HAVEN_LOCKOUT_MINUTES,
    },
    loginRatePerMinute: e.HAVEN_LOGIN_RATE_PER_MINUTE,
    webDist: resolve(e.HAVEN_WEB_DIST ?? new URL('../../web/dist', import.meta.url).pathname),
  };
}
