import { createHash, hkdfSync, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';

/**
 * Key-encryption keys (KEKs) by id, the id of the one new data is sealed with, and the key
 * blind indexes are computed with. The index key never rotates with the KEKs, so exact-match
 * lookups keep working while a rotation is in progress.
 */
export interface KeyRing {
  activeKid: string;
  keys: ReadonlyMap<string, Buffer>;
  indexKey: Buffer;
  /** Where the ring came from: a file can be rotated, an environment key cannot. */
  source: { kind: 'file'; path: string } | { kind: 'env' };
}

const KeyFile = z.object({
  version: z.literal(1),
  active: z.string().min(1),
  keys: z.record(z.string(), z.string()),
  index: z.string(),
});
type KeyFile = z.infer<typeof KeyFile>;

function decodeKey(b64: string, what: string): Buffer {
  const key = Buffer.from(b64, 'base64');
  if (key.length !== 32) throw new Error(`${what} must be 32 bytes, base64-encoded`);
  return key;
}

function newKid(): string {
  return `k${new Date().toISOString().slice(0, 10).replaceAll('-', '')}-${randomBytes(3).toString('hex')}`;
}

/** HAVEN_KEY: one base64 KEK from the environment (or a secrets manager); the index key is derived from it. */
export function keyRingFromEnv(b64: string): KeyRing {
  const kek = decodeKey(b64, 'HAVEN_KEY');
  const kid = `env-${createHash('sha256').update(kek).digest('hex').slice(0, 8)}`;
  const indexKey = Buffer.from(hkdfSync('sha256', kek, Buffer.alloc(0), 'haven blind index', 32));
  return { activeKid: kid, keys: new Map([[kid, kek]]), indexKey, source: { kind: 'env' } };
}

function toRing(file: KeyFile, path: string): KeyRing {
  const keys = new Map(Object.entries(file.keys).map(([kid, b64]) => [kid, decodeKey(b64, `key ${kid}`)]));
  if (!keys.has(file.active)) throw new Error(`key file ${path}: active key ${file.active} is missing`);
  return { activeKid: file.active, keys, indexKey: decodeKey(file.index, 'index key'), source: { kind: 'file', path } };
}

function writeKeyFile(path: string, file: KeyFile): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600 });
  renameSync(tmp, path);
  chmodSync(path, 0o600);
}

/** Loads the key file, creating it with fresh random keys when `create` is set and it does not exist. */
export function loadKeyFile(path: string, create: boolean): { ring: KeyRing; created: boolean } {
  if (!existsSync(path)) {
    if (!create) throw new Error(`key file ${path} does not exist`);
    const kid = newKid();
    const file: KeyFile = {
      version: 1,
      active: kid,
      keys: { [kid]: randomBytes(32).toString('base64') },
      index: randomBytes(32).toString('base64'),
    };
    writeKeyFile(path, file);
    return { ring: toRing(file, path), created: true };
  }
  return { ring: toRing(KeyFile.parse(JSON.parse(readFileSync(path, 'utf8'))), path), created: false };
}

/** Adds a new KEK to the key file and makes it active; old keys stay so existing data still opens. */
export function addKeyToFile(path: string): KeyRing {
  const file = KeyFile.parse(JSON.parse(readFileSync(path, 'utf8')));
  const kid = newKid();
  file.keys[kid] = randomBytes(32).toString('base64');
  file.active = kid;
  writeKeyFile(path, file);
  return toRing(file, path);
}

/** Drops KEKs no longer used by any data (after a completed rotation). */
export function retireKeys(path: string, keep: ReadonlySet<string>): string[] {
  const file = KeyFile.parse(JSON.parse(readFileSync(path, 'utf8')));
  const retired = Object.keys(file.keys).filter((kid) => kid !== file.active && !keep.has(kid));
  for (const kid of retired) delete file.keys[kid];
  writeKeyFile(path, file);
  return retired;
}
