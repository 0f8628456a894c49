import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type Client, createHarness, type Harness, names, signIn } from './support/harness.ts';

let h: Harness;
let clients: Client[];
before(async () => {
  h = await createHarness();
  clients = [await signIn(h, await h.org.user('administrator')), await signIn(h, await h.org.user('caseworker'))];
});
after(() => h.close());

const bodies: unknown[] = [
  {},
  [],
  'text',
  42,
  null,
  { a: { b: { c: { d: [1, { e: 'f' }] } } } },
  { name: 'x'.repeat(5000), email: 'x'.repeat(300), password: 'p', code: '', givenName: 7, sex: 'x', permissions: 'all' },
  { id: 'not-a-uuid', agencyId: 'not-a-uuid', roleId: '', teamIds: ['x'], nationality: ['Sudan'], birthDate: '2011-02-30' },
  { locale: 'xx', purposes: [], scope: 'galaxy', category: 'police', fieldRules: { identity: 'write' } },
  { __proto__: { admin: true }, constructor: { prototype: { admin: true } } },
];
const ids = ['not-a-uuid', '00000000-0000-7000-8000-000000000000', '%00', "1' OR '1'='1"];
const queries = [
  '',
  '?limit=-1',
  '?limit=abc',
  '?cursor=%FF%FE',
  '?agencyId=x',
  `?resource=child&recordId=${encodeURIComponent("' OR 1=1 --")}`,
];

test('no route answers 5xx to malformed input from a signed-in user', async () => {
  const failures: string[] = [];
  let requests = 0;
  for (const route of h.routes) {
    if (!route.url.startsWith('/api/v1/') || route.url.includes('logout')) continue;
    const urls = route.url.includes(':id') ? ids.map((id) => route.url.replace(':id', encodeURIComponent(id))) : [route.url];
    for (const client of clients) {
      for (const url of urls) {
        if (route.method === 'GET') {
          for (const query of queries) {
            const res = await client.request('GET', `${url}${query}`);
            requests++;
            if (res.status >= 500) failures.push(`GET ${url}${query} → ${res.status}`);
          }
        } else {
          for (const body of bodies) {
            const res = await client.request(route.method as 'POST' | 'PATCH', url, body);
            requests++;
            if (res.status >= 500) failures.push(`${route.method} ${url} ${JSON.stringify(body).slice(0, 60)} → ${res.status}`);
          }
        }
      }
    }
  }
  assert.ok(requests > 300, `${requests} requests`);
  assert.deepEqual(failures, []);
  // The caseworker is still signed in and nothing the administrator sent created a role or agency.
  assert.equal((await clients[1]?.get('/api/v1/auth/session'))?.status, 200);
});

describe('hostile input found by hand: each a 4xx with a stable code', () => {
  const [admin, worker] = [() => clients[0] as Client, () => clients[1] as Client];
  const nested = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
  const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

  test('deeply nested JSON is refused, on the public sign-in too, without a stack overflow', async () => {
    for (const depth of [100, 100_000]) {
      const signInAttempt = await h.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'content-type': 'application/json' },
        payload: `{"email":"a@b.example","password":"correct horse battery","x":${nested(depth)}}`,
      });
      assert.equal(signInAttempt.statusCode, 400, `depth ${depth}`);
      assert.equal(signInAttempt.json().error.code, 'validation_failed');
      assert.equal(signInAttempt.json().error.details.issues[0].message.length > 0, true);
      const deep = await h.app.inject({
        method: 'POST',
        url: '/api/v1/children',
        headers: { cookie: `haven_session=${worker().cookie}`, 'x-csrf-token': String(worker().csrf), 'content-type': 'application/json' },
        payload: `{"names":[{"type":"given","value":"A"}],"sex":"male","extra":${nested(depth)}}`,
      });
      assert.equal(deep.statusCode, 400, `depth ${depth}`);
      assert.equal(deep.json().error.code, 'validation_failed');
    }
  });

  test('a lone surrogate in any text is refused before it reaches the database', async () => {
    const cases = [
      await admin().put('/api/v1/admin-areas', { areas: [{ code: 'GR-LS', jurisdiction: 'GR', level: 1, names: { en: 'A\ud800' } }] }),
      await admin().put('/api/v1/admin-areas', {
        areas: [{ code: 'GR-LS', jurisdiction: 'GR', level: 1, names: { en: 'A', '\udc00': 'B' } }],
      }),
      await worker().post('/api/v1/children', { names: names('Amina\udfff'), sex: 'female' }),
      await admin().post('/api/v1/teams', { agencyId: h.org.agencyA, name: 'T\ud83d' }),
    ];
    for (const res of cases) {
      assert.ok(res.status >= 400 && res.status < 500, `${res.status} ${JSON.stringify(res.body)}`);
      assert.ok(['validation_failed', 'bad_request'].includes(res.body.error.code), res.body.error.code);
    }
    assert.equal(cases[0]?.body.error.details.issues[0].path, 'areas.0.names.en');
    // A well-formed pair (an emoji) is text like any other.
    assert.equal((await worker().post('/api/v1/children', { names: names('Amina 🌟'), sex: 'female' })).status, 201);
  });

  test('a URL the router cannot decode is a 400 in the API error shape, without echoing the URL', async () => {
    for (const url of ['/api/v1/teams/%FF', '/api/v1/children/%ED%A0%80?q=Amina']) {
      const res = await worker().get(url);
      assert.equal(res.status, 400, url);
      assert.equal(res.body.error.code, 'bad_request');
      assert.ok(!res.raw.body.includes('Amina') && !res.raw.body.includes('%ED'), res.raw.body);
    }
  });

  test('renaming a team to the name of another team of its agency is a 409, like creating it', async () => {
    const first = await admin().post('/api/v1/teams', { agencyId: h.org.agencyA, name: 'Night shift' });
    const second = await admin().post('/api/v1/teams', { agencyId: h.org.agencyA, name: 'Day shift' });
    assert.equal(first.status, 201);
    const again = await admin().post('/api/v1/teams', { agencyId: h.org.agencyA, name: 'Night shift' });
    const rename = await admin().patch(`/api/v1/teams/${second.body.id}`, { name: 'Night shift' });
    for (const res of [again, rename]) {
      assert.equal(res.status, 409, JSON.stringify(res.body));
      assert.equal(res.body.error.code, 'conflict');
      assert.deepEqual(res.body.error.details, { field: 'name' });
    }
    assert.equal(
      (await admin().patch(`/api/v1/teams/${second.body.id}`, { name: 'Day shift' })).status,
      200,
      'its own name is no conflict',
    );
  });

  test('parallel creates of one team name: one is created, the others lose the race with a 409', async () => {
    const responses = await Promise.all(
      Array.from({ length: 6 }, () => admin().post('/api/v1/teams', { agencyId: h.org.agencyA, name: 'Weekend shift' })),
    );
    assert.deepEqual(responses.map((res) => res.status).sort(), [201, 409, 409, 409, 409, 409]);
  });

  test('list cursors out of range are a 400: a year beyond any calendar, a sequence beyond bigint, a NUL', async () => {
    const id = '01900000-0000-7000-8000-000000000000';
    const urls = [
      `/api/v1/children?cursor=${cursorOf({ t: '+999999-01-01T00:00:00.000Z', id })}`,
      `/api/v1/children?cursor=${cursorOf({ t: '999999', id })}`,
      `/api/v1/children?cursor=${cursorOf({ t: '-271821-04-20T00:00:00.000Z', id })}`,
      `/api/v1/audit/events?cursor=${cursorOf({ t: '2026-01-01T00:00:00.000Z', id: 'GR:1#99999999999999999999' })}`,
      `/api/v1/users?cursor=${Buffer.from('a\u0000b').toString('base64url')}`,
    ];
    for (const url of urls) {
      const res = await (url.startsWith('/api/v1/children') ? worker() : admin()).get(url);
      assert.equal(res.status, 400, `${url} ${JSON.stringify(res.body)}`);
      assert.equal(res.body.error.code, 'bad_request');
    }
    const list = await admin().get('/api/v1/audit/events?limit=1');
    assert.equal((await admin().get(`/api/v1/audit/events?limit=1&cursor=${list.body.nextCursor}`)).status, 200, 'a real cursor works');
  });
});
