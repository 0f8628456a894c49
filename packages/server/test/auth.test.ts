import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { totpCode } from '../src/auth/totp.ts';
import { buildTestApp, Client, createHarness, type Harness, signIn, testAuthSettings } from './support/harness.ts';

let h: Harness;
before(async () => {
  h = await createHarness();
});
after(() => h.close());

const countRows = async (table: 'session' | 'child') =>
  Number(
    (
      await h.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('sign-in', () => {
  test('a correct password opens a session in an HttpOnly, SameSite=Strict cookie', async () => {
    const user = await h.org.user('caseworker');
    const client = new Client(h.app);
    const res = await client.login(user);
    assert.equal(res.status, 200);
    assert.equal(res.body.state, 'active');
    const cookie = res.raw.cookies.find((c) => c.name === 'haven_session');
    assert.ok(cookie?.httpOnly);
    assert.equal(cookie?.sameSite, 'Strict');
    assert.equal((await client.get('/api/v1/auth/session')).body.user.email, user.email);
  });

  test('a wrong password and an unknown email give the same 401, in the user language', async () => {
    const user = await h.org.user('caseworker');
    const client = new Client(h.app);
    client.language = 'es';
    const wrong = await client.login({ email: user.email, password: 'not the password at all' });
    const unknown = await client.login({ email: 'nobody@test.example', password: 'not the password at all' });
    assert.equal(wrong.status, 401);
    assert.equal(unknown.status, 401);
    assert.equal(wrong.body.error.code, 'invalid_credentials');
    assert.deepEqual(wrong.body, unknown.body);
    assert.match(wrong.body.error.message, /contraseña/);
  });

  test('the account locks after 5 failures, even for the right password, until an administrator unlocks it', async () => {
    const user = await h.org.user('caseworker');
    const client = new Client(h.app);
    for (let i = 0; i < 4; i++) assert.equal((await client.login({ email: user.email, password: 'wrong password!!' })).status, 401);
    const fifth = await client.login({ email: user.email, password: 'wrong password!!' });
    assert.equal(fifth.status, 423);
    assert.equal(fifth.body.error.code, 'account_locked');
    const right = await client.login(user);
    assert.equal(right.status, 423, 'locked even with the right password');
    assert.equal(client.cookie, undefined, 'no session issued');

    const admin = await signIn(h, await h.org.user('administrator'));
    const unlock = await admin.patch(`/api/v1/users/${user.id}`, { unlock: true });
    assert.equal(unlock.status, 200);
    assert.equal((await client.login(user)).status, 200);
  });

  test('the lock expires after the configured time', async () => {
    const user = await h.org.user('caseworker');
    const client = new Client(h.app);
    for (let i = 0; i < 5; i++) await client.login({ email: user.email, password: 'wrong password!!' });
    assert.equal((await client.login(user)).status, 423);
    h.clock.advance(16 * 60_000);
    assert.equal((await client.login(user)).status, 200);
  });

  test('session fixation: a session token planted before sign-in is never the one that signs in', async () => {
    const user = await h.org.user('caseworker');
    const attacker = new Client(h.app);
    await attacker.login(await h.org.user('caseworker'));
    const planted = attacker.cookie;
    const victim = new Client(h.app);
    victim.cookie = planted;
    await victim.login(user);
    assert.notEqual(victim.cookie, planted);
    assert.notEqual((await attacker.get('/api/v1/auth/session')).body.user.email, user.email);
  });

  test('sign out ends the session; sign out everywhere ends all of them', async () => {
    const user = await h.org.user('caseworker');
    const a = new Client(h.app);
    const b = new Client(h.app);
    await a.login(user);
    await b.login(user);
    const token = a.cookie;
    assert.equal((await a.post('/api/v1/auth/logout')).status, 204);
    const stale = new Client(h.app);
    stale.cookie = token;
    assert.equal((await stale.get('/api/v1/auth/session')).body.error.code, 'session_expired');
    assert.equal((await b.get('/api/v1/auth/session')).status, 200);
    const c = new Client(h.app);
    await c.login(user);
    assert.equal((await c.post('/api/v1/auth/logout-everywhere')).status, 204);
    assert.equal((await b.get('/api/v1/auth/session')).status, 401);
  });

  test('sessions expire when idle', async () => {
    const client = new Client(h.app);
    await client.login(await h.org.user('caseworker'));
    h.clock.advance(31 * 60_000);
    assert.equal((await client.get('/api/v1/auth/session')).status, 401);
  });

  test('a session in use every 40 s outlives a 1-minute idle limit; left alone it expires', async () => {
    const { app } = await buildTestApp(h.database, h.deps, 1000, { sessionIdleMinutes: 1 });
    try {
      const used = await signIn({ app, clock: h.clock }, await h.org.user('caseworker'));
      const idle = await signIn({ app, clock: h.clock }, await h.org.user('caseworker'));
      for (let elapsed = 40; elapsed <= 300; elapsed += 40) {
        h.clock.advance(40_000);
        assert.equal((await used.get('/api/v1/auth/session')).status, 200, `in use, after ${elapsed} s`);
      }
      assert.equal((await idle.get('/api/v1/auth/session')).body.error.code, 'session_expired', 'left alone for 280 s');
      h.clock.advance(61_000);
      assert.equal((await used.get('/api/v1/auth/session')).body.error.code, 'session_expired', 'then left alone for 61 s');
    } finally {
      await app.close();
    }
  });

  test('a session revoked outside this server (another instance, psql) is trusted at most for the 2-second cache', async () => {
    const user = await h.org.user('caseworker');
    const client = new Client(h.app);
    await client.login(user);
    assert.equal((await client.get('/api/v1/auth/session')).status, 200);
    // Straight to the database, past this process's identity watch.
    await h.database.pool.query('UPDATE session SET revoked_at = now() WHERE user_id = $1', [user.id]);
    assert.equal((await client.get('/api/v1/auth/session')).status, 200, 'served from the cache within its time to live');
    h.clock.advance(2_000);
    assert.equal((await client.get('/api/v1/auth/session')).status, 401);
  });

  test('password change needs the current password and ends the other sessions', async () => {
    const user = await h.org.user('caseworker');
    const a = new Client(h.app);
    const b = new Client(h.app);
    await a.login(user);
    await b.login(user);
    const bad = await a.post('/api/v1/auth/password', { currentPassword: 'nope', newPassword: 'a new long passphrase' });
    assert.equal(bad.body.error.code, 'current_password_incorrect');
    const weak = await a.post('/api/v1/auth/password', { currentPassword: user.password, newPassword: 'short' });
    assert.equal(weak.status, 400);
    assert.equal(weak.body.error.details.issues[0].path, 'newPassword');
    assert.equal(
      (await a.post('/api/v1/auth/password', { currentPassword: user.password, newPassword: 'a new long passphrase' })).status,
      204,
    );
    assert.equal((await a.get('/api/v1/auth/session')).status, 200);
    assert.equal((await b.get('/api/v1/auth/session')).status, 401);
    assert.equal((await new Client(h.app).login({ email: user.email, password: 'a new long passphrase' })).status, 200);
  });
});

/** The sign-in events audited for a user, in order. */
const sessionEvents = async (userId: string) =>
  (
    await h.database.db
      .selectFrom('audit_event')
      .select('action')
      .where('resource', '=', 'session')
      .where('record_id', '=', userId)
      .orderBy('occurred_at')
      .orderBy('seq')
      .execute()
  ).map((e) => e.action);

const failedLogins = async (userId: string) =>
  (await h.database.db.selectFrom('app_user').select('failed_logins').where('id', '=', userId).executeTakeFirstOrThrow()).failed_logins;

const count = (items: unknown[], value: unknown) => items.filter((item) => item === value).length;

describe('lockout under parallel attempts', () => {
  test('12 parallel wrong passwords are all counted and audited, and lock the account once', async () => {
    const user = await h.org.user('caseworker');
    const attempts = await Promise.all(
      Array.from({ length: 12 }, () => new Client(h.app).login({ email: user.email, password: 'wrong password!!' })),
    );
    for (const res of attempts) assert.ok([401, 423].includes(res.status), String(res.status));
    assert.ok(attempts.some((res) => res.status === 423));
    assert.equal(await failedLogins(user.id), 12);
    const events = await sessionEvents(user.id);
    assert.equal(events.length, 12, events.join());
    assert.equal(count(events, 'account_locked'), 1, events.join());
    assert.equal(count(events, 'login_failed'), 11, events.join());
    assert.equal((await new Client(h.app).login(user)).status, 423, 'locked for the right password too');
  });

  test('12 parallel wrong TOTP codes are all counted and audited, lock the account once and end its sessions', async () => {
    const user = await h.org.user('supervisor');
    const enrolled = await signIn(h, user);
    const secret = enrolled.totpSecret as string;
    const current = new Set(await Promise.all([-30_000, 0, 30_000].map((ms) => totpCode(secret, new Date(h.clock.now().getTime() + ms)))));
    const codes = Array.from({ length: 20 }, (_, i) => String(100000 + i))
      .filter((code) => !current.has(code))
      .slice(0, 12);
    const halfSignedIn: Client[] = [];
    for (const _ of codes) {
      const client = new Client(h.app);
      assert.equal((await client.login(user)).body.state, 'mfa_required');
      halfSignedIn.push(client);
    }
    const before = (await sessionEvents(user.id)).length;
    const attempts = await Promise.all(codes.map((code, i) => halfSignedIn[i]?.post('/api/v1/auth/mfa/verify', { code })));
    const outcomes = attempts.map((res) => res?.body.error.code);
    // An attempt whose session was already ended by the lock is refused before any code is checked.
    for (const code of outcomes) assert.ok(['mfa_invalid_code', 'account_locked', 'session_expired'].includes(code), code);
    const counted = outcomes.filter((code) => code !== 'session_expired').length;
    assert.ok(counted >= testAuthSettings.lockoutThreshold, `${counted} counted`);
    assert.equal(await failedLogins(user.id), counted);
    const events = (await sessionEvents(user.id)).slice(before);
    assert.equal(count(events, 'account_locked'), 1, events.join());
    assert.equal(count(events, 'mfa_failed'), counted - 1, events.join());
    assert.equal(count(events, 'logout_everywhere'), 1, 'the lock ends every session once');
    assert.equal((await enrolled.get('/api/v1/auth/session')).status, 401);
    assert.equal((await new Client(h.app).login(user)).body.error.code, 'account_locked');
  });
});

describe('guessing the current password on a password change', () => {
  test('wrong current passwords count toward the lockout, which ends the sessions and refuses the right one', async () => {
    const user = await h.org.user('caseworker');
    const client = await signIn(h, user);
    const other = await signIn(h, user);
    const guess = () => client.post('/api/v1/auth/password', { currentPassword: 'a wrong guess!!', newPassword: 'a new long passphrase' });
    const statuses: number[] = [];
    for (let i = 0; i < testAuthSettings.lockoutThreshold; i++) statuses.push((await guess()).status);
    assert.deepEqual(statuses, [400, 400, 400, 400, 423]);
    assert.equal((await client.get('/api/v1/auth/session')).status, 401, 'the guessing session is ended');
    assert.equal((await other.get('/api/v1/auth/session')).status, 401, 'and every other session of the user');
    assert.equal((await new Client(h.app).login(user)).body.error.code, 'account_locked');
    const events = await sessionEvents(user.id);
    assert.equal(count(events, 'password_check_failed'), 4);
    assert.equal(count(events, 'account_locked'), 1);
    assert.ok(!events.includes('password_changed'));
  });

  test('12 parallel guesses are all counted and audited, and lock the account once', async () => {
    const user = await h.org.user('caseworker');
    const client = await signIn(h, user);
    const responses = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        client.post('/api/v1/auth/password', { currentPassword: `a wrong guess ${i}`, newPassword: 'a new long passphrase' }),
      ),
    );
    const outcomes = responses.map((res) => res.body.error.code);
    for (const code of outcomes) assert.ok(['current_password_incorrect', 'account_locked', 'session_expired'].includes(code), code);
    const counted = outcomes.filter((code) => code !== 'session_expired').length;
    assert.ok(counted >= testAuthSettings.lockoutThreshold, `${counted} counted`);
    assert.equal(await failedLogins(user.id), counted);
    const events = await sessionEvents(user.id);
    assert.equal(count(events, 'account_locked'), 1, events.join());
    assert.equal(count(events, 'password_check_failed'), counted - 1, events.join());
    assert.equal((await new Client(h.app).login(user)).body.error.code, 'account_locked');
  });

  test('the route is rate-limited like sign-in', async () => {
    const { app } = await buildTestApp(h.database, h.deps, 3);
    try {
      const client = await signIn({ app, clock: h.clock }, await h.org.user('caseworker'));
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++)
        statuses.push(
          (await client.post('/api/v1/auth/password', { currentPassword: 'a wrong guess!!', newPassword: 'a new long passphrase' })).status,
        );
      assert.deepEqual(statuses, [400, 400, 400, 429]);
    } finally {
      await app.close();
    }
  });
});

describe('CSRF', () => {
  test('a browser write without the token, or with another session token, is refused and writes nothing', async () => {
    const client = new Client(h.app);
    await client.login(await h.org.user('caseworker'));
    const other = new Client(h.app);
    await other.login(await h.org.user('caseworker'));
    const before = await countRows('child');
    const token = client.csrf;
    client.csrf = undefined;
    const missing = await client.post('/api/v1/children', { names: [{ type: 'given', value: 'X' }], sex: 'male' });
    assert.equal(missing.status, 403);
    assert.equal(missing.body.error.code, 'csrf_invalid');
    client.csrf = other.csrf;
    assert.equal(
      (await client.post('/api/v1/children', { names: [{ type: 'given', value: 'X' }], sex: 'male' })).body.error.code,
      'csrf_invalid',
    );
    assert.equal(await countRows('child'), before);
    client.csrf = token;
    assert.equal((await client.post('/api/v1/children', { names: [{ type: 'given', value: 'X' }], sex: 'male' })).status, 201);
  });
});

describe('two-factor authentication', () => {
  test('a role that requires it forces enrolment before anything else', async () => {
    const user = await h.org.user('supervisor');
    const client = new Client(h.app);
    const login = await client.login(user);
    assert.equal(login.body.state, 'mfa_enrolment_required');
    const blocked = await client.get('/api/v1/children');
    assert.equal(blocked.status, 403);
    assert.equal(blocked.body.error.code, 'mfa_enrolment_required');
  });

  test('enrolment, then sign-in with a TOTP code; a replayed code and a wrong code are refused', async () => {
    const user = await h.org.user('supervisor');
    const client = await signIn(h, user);
    assert.ok(client.totpSecret);
    assert.equal((await client.get('/api/v1/children')).status, 200);

    const next = new Client(h.app);
    const login = await next.login(user);
    assert.equal(login.body.state, 'mfa_required');
    const halfToken = next.cookie;
    // Bypass attempts: protected routes refuse a half-signed-in session.
    for (const url of ['/api/v1/children', '/api/v1/users', '/api/v1/audit/events']) {
      const res = await next.get(url);
      assert.equal(res.status, 401, url);
      assert.equal(res.body.error.code, 'mfa_required');
    }
    assert.equal((await next.post('/api/v1/auth/mfa/totp/setup')).body.error.code, 'mfa_required', 'cannot re-enrol to bypass');
    assert.equal((await next.post('/api/v1/auth/mfa/verify', { code: '000000' })).body.error.code, 'mfa_invalid_code');

    h.clock.advance(30_000);
    const code = await totpCode(client.totpSecret, h.clock.now());
    const verified = await next.post('/api/v1/auth/mfa/verify', { code });
    assert.equal(verified.status, 200);
    assert.equal(verified.body.state, 'active');
    assert.notEqual(next.cookie, halfToken, 'the session token changes when the second factor is given');
    const old = new Client(h.app);
    old.cookie = halfToken;
    assert.equal((await old.get('/api/v1/auth/session')).status, 401);

    const third = new Client(h.app);
    await third.login(user);
    const replay = await third.post('/api/v1/auth/mfa/verify', { code });
    assert.equal(replay.body.error.code, 'mfa_invalid_code', 'a code is accepted once');
  });

  test('recovery codes work once each', async () => {
    const user = await h.org.user('supervisor');
    const enrolled = new Client(h.app);
    await enrolled.login(user);
    const setup = await enrolled.post('/api/v1/auth/mfa/totp/setup');
    const confirm = await enrolled.post('/api/v1/auth/mfa/totp/confirm', { code: await totpCode(setup.body.secret, h.clock.now()) });
    const [first] = confirm.body.recoveryCodes as string[];
    assert.equal(confirm.body.recoveryCodes.length, 10);
    assert.ok(first);

    const a = new Client(h.app);
    await a.login(user);
    assert.equal((await a.post('/api/v1/auth/mfa/verify', { code: first.toUpperCase() })).status, 200);
    const b = new Client(h.app);
    await b.login(user);
    assert.equal((await b.post('/api/v1/auth/mfa/verify', { code: first })).body.error.code, 'mfa_invalid_code');
  });

  test('guessing second-factor codes locks the account', async () => {
    const user = await h.org.user('supervisor');
    await signIn(h, user);
    const client = new Client(h.app);
    await client.login(user);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await client.post('/api/v1/auth/mfa/verify', { code: String(100000 + i) })).status);
    assert.deepEqual(statuses, [401, 401, 401, 401, 423], 'the fifth wrong code locks the account');
    assert.equal((await new Client(h.app).login(user)).body.error.code, 'account_locked');
  });

  test('all sessions count', async () => {
    assert.ok((await countRows('session')) > 0);
  });
});
