import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { loadConfig } from '../../packages/server/src/config.ts';
import { type Server, startServer } from '../../packages/server/src/runtime.ts';
import { tempDir } from '../../packages/server/test/support/tempDir.ts';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Screenshots go to a directory removed after the run; set HAVEN_SCREENSHOTS to keep them. */
export const screenshotDir = process.env.HAVEN_SCREENSHOTS ?? tempDir('haven-shots-');

/** The real server on a fresh embedded database with the demo organisation, as `npm start` runs it. */
export async function startHaven(): Promise<{
  server: Server;
  base: string;
  credentials: (role: string) => { email: string; password: string };
}> {
  const dataDir = tempDir('haven-e2e-');
  const config = loadConfig({
    ...process.env,
    HAVEN_DATA_DIR: dataDir,
    PORT: '0',
    HAVEN_JOBS: '0',
    HAVEN_LOG_LEVEL: 'warn',
    DATABASE_URL: '',
    HAVEN_DEMO: '1',
  });
  const server = await startServer(config, () => {});
  const lines = readFileSync(join(dataDir, 'demo-credentials.txt'), 'utf8').split('\n');
  return {
    server,
    base: server.url,
    credentials(role) {
      const line = lines.find((l) => l.startsWith(`${role} `));
      const [, , email, password] = line?.split(/\s+/) ?? [];
      if (!email || !password) throw new Error(`no demo user for ${role}`);
      return { email, password };
    },
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

const catalog = (locale: string) =>
  JSON.parse(readFileSync(new URL(`../../packages/web/src/i18n/locales/${locale}.json`, import.meta.url), 'utf8'));

/** A UI string by key, so tests read the same catalogs users see. */
export function text(locale: string, key: string, values: Record<string, string> = {}): string {
  let value: unknown = catalog(locale);
  for (const part of key.split('.')) value = (value as Record<string, unknown>)[part];
  if (typeof value !== 'string') throw new Error(`no ${locale} text for ${key}`);
  return value.replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? '');
}
