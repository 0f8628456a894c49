import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type Client, createHarness, type Harness, signIn } from './support/harness.ts';

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
