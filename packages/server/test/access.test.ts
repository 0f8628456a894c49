import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type Client, createHarness, givenName, type Harness, names, sampleChild, signIn } from './support/harness.ts';

let h: Harness;
before(async () => {
  h = await createHarness();
});
after(() => h.close());

async function counts() {
  const db = h.database.db;
  const n = async (table: 'child' | 'audit_event') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return { child: await n('child'), audit: await n('audit_event') };
}

async function deniedEvents(recordId: string | null, action: string) {
  let query = h.database.db.selectFrom('audit_event').selectAll().where('outcome', '=', 'denied').where('action', '=', action);
  if (recordId) query = query.where('record_id', '=', recordId);
  return query.execute();
}

async function register(client: Client, body: object = sampleChild) {
  const res = await client.post('/api/v1/children', body);
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body;
}

describe('row scope', () => {
  test('a user of agency A cannot read, list or change agency B records: 404, nothing written, attempt audited', async () => {
    const workerB = await signIn(h, await h.org.user('caseworker', { agency: 'B' }));
    const childB = await register(workerB);
    const managerA = await signIn(h, await h.org.user('agency_manager'));
    const before = await counts();

    const read = await managerA.get(`/api/v1/children/${childB.id}`);
    assert.equal(read.status, 404);
    assert.equal(read.body.error.code, 'not_found');
    assert.ok(!JSON.stringify(read.body).includes('Amina'));
    const list = await managerA.get('/api/v1/children');
    assert.ok(!list.body.items.some((c: { id: string }) => c.id === childB.id));
    const update = await managerA.patch(`/api/v1/children/${childB.id}`, { names: names('Changed') });
    assert.equal(update.status, 404);

    const after = await counts();
    assert.equal(after.child, before.child);
    const stored = await workerB.get(`/api/v1/children/${childB.id}`);
    assert.equal(givenName(stored.body), 'Amina', 'nothing changed');
    assert.equal((await deniedEvents(childB.id, 'read')).length, 1, 'the cross-agency read attempt is audited');
    assert.equal((await deniedEvents(childB.id, 'update')).length, 1);
  });

  test('a caseworker sees their own records; a supervisor sees their team; an agency manager sees the agency', async () => {
    const w1 = await signIn(h, await h.org.user('caseworker', { teams: [h.org.teamA1] }));
    const w2 = await signIn(h, await h.org.user('caseworker', { teams: [h.org.teamA2] }));
    const c1 = await register(w1);
    const c2 = await register(w2);
    const ids = async (client: Client) => (await client.get('/api/v1/children?limit=200')).body.items.map((c: { id: string }) => c.id);

    assert.ok((await ids(w1)).includes(c1.id));
    assert.ok(!(await ids(w1)).includes(c2.id));
    assert.equal((await w1.get(`/api/v1/children/${c2.id}`)).status, 404);

    const supervisorA1 = await signIn(h, await h.org.user('supervisor', { teams: [h.org.teamA1] }));
    assert.ok((await ids(supervisorA1)).includes(c1.id));
    assert.ok(!(await ids(supervisorA1)).includes(c2.id));

    const manager = await signIn(h, await h.org.user('agency_manager'));
    const all = await ids(manager);
    assert.ok(all.includes(c1.id) && all.includes(c2.id));
  });

  test('lists paginate with an opaque cursor; a forged cursor is a 400', async () => {
    const worker = await signIn(h, await h.org.user('caseworker'));
    for (let i = 0; i < 5; i++) await register(worker, { ...sampleChild, names: names(`Child ${i}`) });
    const first = await worker.get('/api/v1/children?limit=2');
    assert.equal(first.body.items.length, 2);
    assert.ok(first.body.nextCursor);
    const second = await worker.get(`/api/v1/children?limit=2&cursor=${first.body.nextCursor}`);
    assert.equal(second.body.items.length, 2);
    assert.ok(!second.body.items.some((c: { id: string }) => first.body.items.some((f: { id: string }) => f.id === c.id)));
    const forged = await worker.get('/api/v1/children?cursor=not-a-cursor');
    assert.equal(forged.status, 400);
    assert.equal(forged.body.error.code, 'bad_request');
    assert.equal((await worker.get('/api/v1/children?limit=9999')).body.error.code, 'validation_failed');
  });
});

describe('the immigration-enforcement firewall', () => {
  test('a border official registers a child and gets a receipt only: no child data comes back', async () => {
    const border = await signIn(h, await h.org.user('border_official'));
    const res = await border.post('/api/v1/children', sampleChild);
    assert.equal(res.status, 201);
    assert.deepEqual(Object.keys(res.body).sort(), ['createdAt', 'id', 'reference', 'referredTo']);
    assert.match(res.body.reference, /^GR-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
  });

  test('an enforcement-category role cannot read or list child records: 403 firewall_denied, audited, nothing written', async () => {
    const worker = await signIn(h, await h.org.user('caseworker'));
    const child = await register(worker);
    const border = await signIn(h, await h.org.user('border_official'));
    const before = await counts();
    const read = await border.get(`/api/v1/children/${child.id}`);
    assert.equal(read.status, 403);
    assert.equal(read.body.error.code, 'firewall_denied');
    assert.ok(!JSON.stringify(read.body).includes('Amina'));
    assert.equal((await border.get('/api/v1/children')).body.error.code, 'firewall_denied');
    assert.equal((await border.patch(`/api/v1/children/${child.id}`, { locationDetail: 'x' })).body.error.code, 'firewall_denied');
    const after = await counts();
    assert.equal(after.child, before.child);
    const refusals = await h.database.db
      .selectFrom('audit_event')
      .selectAll()
      .where('outcome', '=', 'denied')
      .where('actor_role', '=', 'border_official')
      .execute();
    assert.deepEqual(refusals.map((e) => e.action).sort(), ['list', 'read', 'update'], 'each refusal at the gate is audited');
  });

  test('even when an administrator grants it every permission and scope, the enforcement role reads nothing', async () => {
    const admin = await signIn(h, await h.org.user('administrator'));
    const created = await admin.post('/api/v1/roles', {
      key: 'immigration_police',
      name: 'Immigration police',
      category: 'immigration_enforcement',
      scope: 'all',
      permissions: ['child:read', 'child:list', 'child:update', 'child:export', 'child:create'],
      purposes: ['case_management', 'immigration_enforcement'],
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const officer = await h.org.user('caseworker');
    assert.equal((await admin.patch(`/api/v1/users/${officer.id}`, { roleId: created.body.id })).status, 200);
    const worker = await signIn(h, await h.org.user('caseworker'));
    const child = await register(worker);

    const police = await signIn(h, officer);
    for (const purpose of ['case_management', 'immigration_enforcement']) {
      const res = await police.get(`/api/v1/children/${child.id}`, { 'x-haven-purpose': purpose });
      assert.equal(res.status, 403, purpose);
      assert.equal(res.body.error.code, 'firewall_denied');
      assert.equal((await police.get('/api/v1/children', { 'x-haven-purpose': purpose })).status, 403);
    }
    // Turning the role into a child-protection role would need an audited change, visible to oversight.
    const roleChanges = await h.database.db
      .selectFrom('audit_event')
      .selectAll()
      .where('resource', '=', 'role')
      .where('record_id', '=', created.body.id)
      .execute();
    assert.equal(roleChanges.length, 1);
  });

  test('a child-protection user declaring an enforcement purpose is refused; an unknown purpose is a 400', async () => {
    const worker = await signIn(h, await h.org.user('caseworker'));
    const child = await register(worker);
    const res = await worker.get(`/api/v1/children/${child.id}`, { 'x-haven-purpose': 'immigration_enforcement' });
    assert.equal(res.body.error.code, 'firewall_denied');
    assert.equal(
      (await worker.get(`/api/v1/children/${child.id}`, { 'x-haven-purpose': 'statistics' })).body.error.code,
      'purpose_not_permitted',
    );
    assert.equal((await worker.get(`/api/v1/children/${child.id}`, { 'x-haven-purpose': 'curiosity' })).status, 400);
  });
});

describe('field-level restrictions', () => {
  test('a service provider does not see legal status or protection details, and cannot write them', async () => {
    const providerUser = await h.org.user('service_provider');
    const admin = await signIn(h, await h.org.user('administrator'));
    // Records are assigned to their owner: give the provider one of their own through a caseworker role switch.
    const roles = (await admin.get('/api/v1/roles')).body.items as { id: string; key: string }[];
    const caseworkerRole = roles.find((r) => r.key === 'caseworker');
    const providerRole = roles.find((r) => r.key === 'service_provider');
    assert.ok(caseworkerRole && providerRole);
    await admin.patch(`/api/v1/users/${providerUser.id}`, { roleId: caseworkerRole.id });
    const asWorker = await signIn(h, providerUser);
    const child = await register(asWorker);
    await admin.patch(`/api/v1/users/${providerUser.id}`, { roleId: providerRole.id });

    const provider = await signIn(h, providerUser);
    const res = await provider.get(`/api/v1/children/${child.id}`);
    assert.equal(res.status, 200);
    assert.equal(givenName(res.body), 'Amina');
    assert.equal(res.body.legalStatus, undefined);
    assert.equal(res.body.protectionNotes, undefined);
    assert.deepEqual(res.body.hiddenFieldGroups.sort(), ['legal_status', 'protection_details', 'restricted_notes']);
    assert.ok(!JSON.stringify(res.body).includes('Asylum claim'), 'the legal status text is not disclosed');
  });

  test('writing a read-only field group is refused with field_read_only and nothing changes', async () => {
    const admin = await signIn(h, await h.org.user('administrator'));
    const role = await admin.post('/api/v1/roles', {
      key: 'outreach_worker',
      name: 'Outreach worker',
      category: 'child_protection',
      scope: 'own',
      permissions: ['child:create', 'child:read', 'child:update', 'child:list', 'case:work'],
      fieldRules: { location: 'read' },
      purposes: ['case_management'],
    });
    assert.equal(role.status, 201);
    const user = await h.org.user('caseworker');
    await admin.patch(`/api/v1/users/${user.id}`, { roleId: role.body.id });
    const worker = await signIn(h, user);
    const { locationDetail: _omit, ...withoutLocation } = sampleChild;
    const child = await register(worker, withoutLocation);
    const refused = await worker.post('/api/v1/children', sampleChild);
    assert.equal(refused.status, 403);
    assert.equal(refused.body.error.code, 'field_read_only');
    assert.deepEqual(refused.body.error.details.fields, ['locationDetail']);
    const update = await worker.patch(`/api/v1/children/${child.id}`, { locationDetail: 'Somewhere else', names: names('Amira') });
    assert.equal(update.body.error.code, 'field_read_only');
    assert.equal(givenName((await worker.get(`/api/v1/children/${child.id}`)).body), 'Amina');
  });

  test('a national authority lists children without any identifying field', async () => {
    const worker = await signIn(h, await h.org.user('caseworker'));
    await register(worker);
    const analyst = await signIn(h, await h.org.user('national_authority'));
    const list = await analyst.get('/api/v1/children');
    assert.equal(list.status, 200);
    assert.ok(list.body.items.length > 0);
    for (const item of list.body.items) {
      assert.equal(item.names, undefined);
      assert.equal(item.locationDetail, undefined);
      assert.ok(item.birthYear === null || typeof item.birthYear === 'number');
    }
    assert.equal((await analyst.get(`/api/v1/children/${list.body.items[0].id}`)).status, 403, 'no child:read');
  });
});

describe('administration', () => {
  test('an agency-scoped administrator cannot hand out a role wider than their own', async () => {
    const admin = await signIn(h, await h.org.user('administrator'));
    const role = await admin.post('/api/v1/roles', {
      key: 'agency_admin',
      name: 'Agency administrator',
      category: 'administration',
      scope: 'agency',
      permissions: ['user:read', 'user:manage', 'role:read', 'agency:read', 'team:read'],
      purposes: ['administration'],
      requireMfa: false,
    });
    const agencyAdminUser = await h.org.user('caseworker');
    await admin.patch(`/api/v1/users/${agencyAdminUser.id}`, { roleId: role.body.id });
    const agencyAdmin = await signIn(h, agencyAdminUser);
    const roles = (await agencyAdmin.get('/api/v1/roles')).body.items as { id: string; key: string }[];
    const administrator = roles.find((r) => r.key === 'administrator');
    const caseworker = roles.find((r) => r.key === 'caseworker');
    assert.ok(administrator && caseworker);
    const base = { displayName: 'New', password: 'a long enough password', agencyId: h.org.agencyA };
    const escalate = await agencyAdmin.post('/api/v1/users', { ...base, email: 'escalate@test.example', roleId: administrator.id });
    assert.equal(escalate.status, 403);
    const otherAgency = await agencyAdmin.post('/api/v1/users', {
      ...base,
      email: 'b@test.example',
      roleId: caseworker.id,
      agencyId: h.org.agencyB,
    });
    assert.equal(otherAgency.status, 404);
    const ok = await agencyAdmin.post('/api/v1/users', { ...base, email: 'ok@test.example', roleId: caseworker.id });
    assert.equal(ok.status, 201, JSON.stringify(ok.body));
    const users = (await agencyAdmin.get('/api/v1/users?limit=200')).body.items as { agencyId: string }[];
    assert.ok(users.every((u) => u.agencyId === h.org.agencyA));
  });

  test('a caseworker cannot reach administration routes', async () => {
    const worker = await signIn(h, await h.org.user('caseworker'));
    assert.equal((await worker.get('/api/v1/users')).status, 403);
    assert.equal((await worker.post('/api/v1/roles', { key: 'x' })).status, 403);
    assert.equal((await worker.get('/api/v1/audit/events')).status, 403);
  });

  test('deactivating a user ends their sessions at once', async () => {
    const user = await h.org.user('caseworker');
    const worker = await signIn(h, user);
    const admin = await signIn(h, await h.org.user('administrator'));
    await admin.patch(`/api/v1/users/${user.id}`, { active: false });
    assert.equal((await worker.get('/api/v1/children')).status, 401);
    assert.equal((await worker.login(user)).body.error.code, 'account_disabled');
  });
});
