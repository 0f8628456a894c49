import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { defaultRoles, type FieldGroup, fieldGroups, hiddenGroups, type RolePolicy } from '@haven/domain';
import { type Client, createHarness, type Harness, names, signIn } from './support/harness.ts';
import { createOffice, createRole, createUserIn, switchRole } from './support/orgExtras.ts';

/**
 * Every read route × every role that hides a field group: the seeded child's restricted fields
 * carry a unique marker per group, and no marker of a group the role hides may appear in any
 * response. Routes come from the app's own table, so a new read route is covered (or fails) by itself.
 */
let h: Harness;
after(async () => h.close());

const given = 'Qzidgiven';
const family = 'Qzidfamily';

/** What would show that a group leaked: unique strings, or a property only that group fills. */
const markers: Record<FieldGroup, string[]> = {
  identity: [given, family, '2012-07-19', 'QZIDDOC77', 'QZIDRELATIVE'],
  location: ['QZLOCDETAIL'],
  legal_status: ['QZLEGALSTATUS'],
  protection_details: ['QZPROTNOTES', 'QZPROTSCREEN', 'QZPROTFINDINGS', '"protectionCategories":'],
  health: ['"disability"'],
  restricted_notes: ['QZRESTRICTEDNOTE'],
  photo: ['"hasPhoto"'],
};

const markedChild = {
  names: names(given, family),
  sex: 'female',
  age: { birthDate: '2012-07-19', birthDatePrecision: 'exact', ageBasis: 'documented' },
  nationality: ['SD'],
  typology: ['unaccompanied'],
  documents: [{ type: 'passport', held: true, number: 'QZIDDOC77' }],
  locationDetail: 'QZLOCDETAIL',
  legalStatus: 'QZLEGALSTATUS',
  protectionNotes: 'QZPROTNOTES',
  protectionCategories: ['associated_with_armed_groups'],
};

/** Bodies of the read routes that take one (POST searches). A new one without a body fails the test. */
const readBodies: Record<string, unknown> = {
  'POST /api/v1/children/duplicate-check': { names: names(given, family), sex: 'female', nationality: ['SD'] },
};

/** More ways to call a route than its bare path: the views and filters it serves. */
const variants: Record<string, string[]> = {
  'GET /api/v1/tasks': ['', '?view=supervision'],
  'GET /api/v1/children': ['', '?status=open,referred,closed&sort=created'],
};

/** Read routes deliberately not called, and why. */
const exempt: Record<string, string> = {
  'GET /*': 'the web app’s static files: public, no data (and 503 when the web app is not built)',
  'GET /api/openapi.json': 'the API description: schemas name the fields, no record is in it',
  'GET /api/docs/json': 'the API description (viewer copy)',
  'GET /api/docs/yaml': 'the API description (viewer copy)',
};

const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('synthetic photo bytes')]);

interface Seeded {
  childId: string;
  reviewId: string;
}

let shared: { colleague: Client; supervisor: Client; otherOffice: Client };

async function ok(res: { status: number; body: unknown }, what: string) {
  assert.ok(res.status < 300, `${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as Record<string, unknown> & { id: string };
}

/**
 * A caseworker registers the marked child with every restricted field, log entry, link and photo;
 * a supervisor asks another office to review a possible duplicate of it. Returns the ids to fill paths with.
 */
async function seedMarkedChild(worker: Client): Promise<Seeded> {
  const child = await ok(await worker.post('/api/v1/children', markedChild), 'register');
  const id = child.id;
  const act = (action: Record<string, unknown>) => worker.post(`/api/v1/children/${id}/actions`, { action });
  await ok(await act({ type: 'screened', riskLevel: 'high', summary: 'QZPROTSCREEN' }), 'screen');
  await ok(
    await act({
      type: 'assessment_recorded',
      kind: 'initial',
      needs: {},
      findings: 'QZPROTFINDINGS',
      childViews: { heard: true, words: 'school' },
    }),
    'assess',
  );
  await ok(await act({ type: 'approval_requested', subject: 'assessment' }), 'approval');
  await ok(await act({ type: 'note_added', category: 'legal', text: 'QZRESTRICTEDNOTE' }), 'note');
  for (const givenBy of ['child', 'guardian']) {
    await ok(
      await act({ type: 'consent_recorded', scopes: ['photo'], givenBy, kind: 'consent', method: 'written', date: '2026-11-20' }),
      'consent',
    );
  }
  const upload = await h.app.inject({
    method: 'PUT',
    url: `/api/v1/children/${id}/photo`,
    headers: { cookie: `haven_session=${worker.cookie}`, 'x-csrf-token': String(worker.csrf), 'content-type': 'image/jpeg' },
    payload: jpeg,
  });
  assert.equal(upload.statusCode, 204, upload.body);
  await ok(
    await worker.post(`/api/v1/children/${id}/relations`, {
      kind: 'adult',
      relationship: 'mother',
      accompanying: false,
      name: 'QZIDRELATIVE',
    }),
    'relation',
  );
  const duplicates = await ok(await shared.supervisor.get(`/api/v1/children/${id}/duplicates`), 'duplicates');
  const elsewhere = (duplicates.items as { scope: string; childId: string }[]).find((c) => c.scope === 'reference');
  assert.ok(elsewhere, 'the other office holds a possible duplicate');
  const review = await ok(
    await shared.supervisor.post(`/api/v1/children/${id}/duplicate-reviews`, { otherId: elsewhere.childId }),
    'review request',
  );
  return { childId: id, reviewId: review.id };
}

function fillPath(url: string, seeded: Seeded): string {
  return url
    .replace('/duplicate-reviews/:id', `/duplicate-reviews/${seeded.reviewId}`)
    .replace(':id', seeded.childId)
    .replace('*', 'index.html');
}

/** Calls every read route as the client; returns the bodies by route, and asserts none is a 5xx. */
async function readEverything(client: Client, seeded: Seeded) {
  const bodies: { route: string; status: number; text: string }[] = [];
  const reads = h.routes.filter((r) => r.reads);
  assert.ok(reads.length > 20, 'the route table lists the read routes');
  for (const route of reads) {
    const key = `${route.method} ${route.url}`;
    if (key in exempt) continue;
    if (route.method !== 'GET') assert.ok(key in readBodies, `${key} is a read route: give it a body in readBodies`);
    for (const query of variants[key] ?? ['']) {
      const url = fillPath(route.url, seeded) + query;
      const res = route.method === 'GET' ? await client.get(url) : await client.request('POST', url, readBodies[key]);
      assert.ok(res.status < 500, `${key}${query}: ${res.status}`);
      bodies.push({ route: `${key}${query}`, status: res.status, text: res.raw.body });
    }
  }
  return bodies;
}

function assertNoLeak(roleKey: string, hidden: readonly FieldGroup[], bodies: { route: string; text: string }[]) {
  for (const group of hidden) {
    for (const marker of markers[group]) {
      for (const body of bodies) {
        assert.ok(!body.text.includes(marker), `${roleKey} hides ${group}, yet ${body.route} returned ${marker}`);
      }
    }
  }
}

/** A caseworker registers the marked child, then becomes `roleKey` and reads everything. */
async function readAs(roleKey: string) {
  const user = await createUserIn(h, 'caseworker', { agencyId: h.org.agencyA, jurisdiction: 'GR', teamIds: [h.org.teamA1] });
  const seeded = await seedMarkedChild(await signIn(h, user));
  await switchRole(h, user.id, roleKey);
  const client = await signIn(h, user);
  return { seeded, client, bodies: await readEverything(client, seeded) };
}

const supervisorPermissions: RolePolicy['permissions'] = ['child:read', 'child:list', 'case:work', 'case:approve', 'case:merge'];

before(async () => {
  h = await createHarness();
  const office = await createOffice(h, 'AGC', 'GR-I');
  shared = {
    colleague: await signIn(h, await h.org.user('caseworker')),
    supervisor: await signIn(h, await h.org.user('supervisor')),
    otherOffice: await signIn(
      h,
      await createUserIn(h, 'caseworker', { agencyId: office.agencyId, jurisdiction: office.jurisdiction, teamIds: [office.teamId] }),
    ),
  };
  // The same child registered again in the other office: the duplicate search finds it there.
  await ok(await shared.otherOffice.post('/api/v1/children', { ...markedChild, documents: [] }), 'other office registration');
  for (const group of fieldGroups) {
    await createRole(h, `hides_${group}`, {
      category: 'child_protection',
      scope: 'agency',
      permissions: supervisorPermissions,
      fieldRules: { [group]: 'hidden' },
      purposes: ['case_management'],
      requireMfa: false,
    });
  }
});

describe('field rules on every read route', () => {
  test('an unrestricted caseworker sees every marker somewhere (the seeding reaches every read path checked)', async () => {
    const { bodies, client, seeded } = await readAs('caseworker');
    const all = bodies.map((b) => b.text).join('\n');
    for (const group of fieldGroups) {
      for (const marker of markers[group]) assert.ok(all.includes(marker), `${group}: ${marker} never appears`);
    }
    const photo = await client.request('GET', `/api/v1/children/${seeded.childId}/photo`);
    assert.equal(photo.status, 200);
  });

  for (const role of defaultRoles) {
    const hidden = hiddenGroups(role.fieldRules);
    test(`default role ${role.key}: no marker of ${hidden.join(', ') || 'any hidden group'} on any read route`, async () => {
      const { bodies, client, seeded } = await readAs(role.key);
      assertNoLeak(role.key, hidden, bodies);
      if (hidden.includes('photo')) {
        const photo = await client.request('GET', `/api/v1/children/${seeded.childId}/photo`);
        assert.notEqual(photo.status, 200, 'the photo route refuses when photo is hidden');
      }
    });
  }

  for (const group of fieldGroups) {
    test(`a supervisor role hiding only ${group}: none of its markers on any read route`, async () => {
      const { bodies, client, seeded } = await readAs(`hides_${group}`);
      assertNoLeak(`hides_${group}`, [group], bodies);
      // The role reads the case: the test is not vacuous.
      assert.ok(bodies.some((b) => b.route === 'GET /api/v1/children/:id/case' && b.status === 200));
      if (group === 'photo') {
        const photo = await client.request('GET', `/api/v1/children/${seeded.childId}/photo`);
        assert.equal(photo.status, 403);
      }
    });
  }
});

describe('searching on a hidden field group', () => {
  test('the name filter and the duplicate check are refused to a role hiding identity, audited, with a stable code', async () => {
    const { client } = await readAs('hides_identity');
    const byName = await client.get(`/api/v1/children?name=${given}`);
    assert.equal(byName.status, 403);
    assert.equal(byName.body.error.code, 'filter_on_hidden_field');
    assert.deepEqual(byName.body.error.details, { filters: ['name'], groups: ['identity'] });
    const unknownName = await client.get('/api/v1/children?name=Nobodyatall');
    assert.equal(unknownName.status, 403, 'the same answer whether or not the child exists');
    const check = await client.post('/api/v1/children/duplicate-check', readBodies['POST /api/v1/children/duplicate-check']);
    assert.equal(check.status, 403);
    assert.equal(check.body.error.code, 'filter_on_hidden_field');
    const denied = await h.database.db
      .selectFrom('audit_event')
      .select(['action', 'outcome'])
      .where('outcome', '=', 'denied')
      .where('action', 'in', ['list', 'search'])
      .execute();
    assert.ok(denied.some((d) => d.action === 'list'));
    assert.ok(denied.some((d) => d.action === 'search'));
  });

  test('a role that sees identity may search by name', async () => {
    const { client } = await readAs('hides_location');
    const byName = await client.get(`/api/v1/children?name=${given}`);
    assert.equal(byName.status, 200);
    assert.ok(byName.body.items.length > 0);
  });

  test("a child's duplicates are listed to a role hiding identity without any name", async () => {
    const { client, seeded } = await readAs('hides_identity');
    const res = await client.get(`/api/v1/children/${seeded.childId}/duplicates`);
    assert.equal(res.status, 200);
    assert.ok(res.body.items.length > 0);
    for (const candidate of res.body.items) assert.equal(candidate.displayName, undefined);
    assert.ok(!res.raw.body.includes(given));
  });
});
