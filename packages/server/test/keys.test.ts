import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { totpCode } from '../src/auth/totp.ts';
import { loadKeyFile } from '../src/crypto/keyring.ts';
import { rotateKeys } from '../src/services/keyRotation.ts';
import { buildTestApp, Client, createHarness, givenName, type Harness, names, sampleChild } from './support/harness.ts';
import { tempDir } from './support/tempDir.ts';

let h: Harness;
before(async () => {
  h = await createHarness();
});
after(() => h.close());

test('rotation re-encrypts every sensitive field under a new key without losing data, then retires the old key', async () => {
  const path = join(tempDir('haven-rotate-'), 'keys.json');
  const { ring } = loadKeyFile(path, true);
  const deps = { ...h.deps, keys: ring };
  const { app } = await buildTestApp(h.database, deps);
  const user = await h.org.user('supervisor');
  const client = new Client(app);
  await client.login(user);
  const setup = await client.post('/api/v1/auth/mfa/totp/setup');
  await client.post('/api/v1/auth/mfa/totp/confirm', { code: await totpCode(setup.body.secret, new Date()) });
  const ids: string[] = [];
  for (let i = 0; i < 7; i++) ids.push((await client.post('/api/v1/children', { ...sampleChild, names: names(`Name ${i}`) })).body.id);

  const result = await rotateKeys(deps, 3);
  assert.ok(result.childKeysRewrapped >= 7);
  assert.equal(result.secretsReencrypted, 1);
  assert.deepEqual(result.retired, [ring.activeKid]);
  const file = JSON.parse(readFileSync(path, 'utf8'));
  assert.deepEqual(Object.keys(file.keys), [result.newKid]);

  const stored = await h.database.db.selectFrom('child').select('sensitive').where('id', 'in', ids).execute();
  for (const row of stored) {
    const sensitive = row.sensitive as Record<string, { kid?: string }>;
    assert.equal(sensitive._key?.kid, result.newKid, 'the record key is wrapped under the new key');
    assert.equal(Object.values(sensitive).filter((v) => v.kid).length, 1, 'fields carry no key of their own');
  }
  // The app, restarted with the rotated key file, still reads everything and the second factor still works.
  const rotated = loadKeyFile(path, false).ring;
  const { app: restarted } = await buildTestApp(h.database, { ...h.deps, keys: rotated });
  const again = new Client(restarted);
  assert.equal((await again.login(user)).body.state, 'mfa_required');
  h.clock.advance(60_000);
  assert.equal(
    (await again.post('/api/v1/auth/mfa/verify', { code: await totpCode(setup.body.secret, new Date(Date.now() + 60_000)) })).status,
    200,
  );
  const child = await again.get(`/api/v1/children/${ids[4]}`);
  assert.equal(givenName(child.body), 'Name 4');
  assert.equal(child.body.protectionNotes, sampleChild.protectionNotes);
  await app.close();
  await restarted.close();
});
