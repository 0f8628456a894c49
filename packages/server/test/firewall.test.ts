import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { bootstrapRepository } from '../src/db/repositories/bootstrapRepository.ts';
import { runInTransaction } from '../src/db/unitOfWork.ts';
import { type Client, createHarness, type Harness, sampleChild, signIn, type TestUser } from './support/harness.ts';

let h: Harness;
let borderAgency: string;
const system = { principal: null, purpose: 'administration' as const, requestId: null };

before(async () => {
  h = await createHarness();
  borderAgency = await runInTransaction(h.deps, system, (uow) =>
    bootstrapRepository(uow).createAgency({ code: 'BGU', name: 'Border guard unit', jurisdiction: 'GR', kind: 'immigration_enforcement' }),
  );
});
after(() => h.close());

const db = () => h.database.db;

/** A user of the border agency holding the given role (set up directly, as the system would). */
async function borderUser(roleId?: string): Promise<TestUser> {
  const user = await h.org.user('border_official');
  await db()
    .updateTable('app_user')
    .set({ agency_id: borderAgency, ...(roleId ? { role_id: roleId } : {}) })
    .where('id', '=', user.id)
    .execute();
  return { ...user, agencyId: borderAgency };
}

async function roleIdOf(key: string): Promise<string> {
  return (await db().selectFrom('role').select('id').where('key', '=', key).executeTakeFirstOrThrow()).id;
}

async function registerChild(): Promise<{ id: string; reference: string }> {
  const worker = await signIn(h, await h.org.user('caseworker'));
  const res = await worker.post('/api/v1/children', sampleChild);
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body;
}

/** A fresh enforcement role, so one test's changes do not leak into the next. */
async function enforcementRole(admin: Client, key: string) {
  const res = await admin.post('/api/v1/roles', {
    key,
    name: `Border role ${key}`,
    category: 'immigration_enforcement',
    scope: 'own',
    permissions: ['child:create'],
    purposes: ['case_management'],
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body as { id: string };
}

const events = (filter: { resource: string; recordId: string; outcome?: 'denied' | 'success' }) =>
  db()
    .selectFrom('audit_event')
    .select(['action', 'outcome', 'actor_user_id'])
    .where('resource', '=', filter.resource)
    .where('record_id', '=', filter.recordId)
    .$if(filter.outcome !== undefined, (q) => q.where('outcome', '=', filter.outcome ?? 'success'))
    .orderBy('occurred_at')
    .execute();

async function notificationsOf(userId: string) {
  return db().selectFrom('notification').selectAll().where('user_id', '=', userId).execute();
}

describe('the firewall reads the agency kind as well as the role category', () => {
  test('the relabel attack: one administrator cannot recategorise a held enforcement role; refused, nothing written, audited', async () => {
    const admin = await signIn(h, await h.org.user('administrator'));
    const role = await enforcementRole(admin, 'relabel_target');
    const official = await signIn(h, await borderUser(role.id));
    const child = await registerChild();

    const relabel = await admin.patch(`/api/v1/roles/${role.id}`, {
      category: 'national_authority',
      scope: 'all',
      permissions: ['child:create', 'child:read', 'child:list'],
    });
    assert.equal(relabel.status, 409);
    assert.equal(relabel.body.error.code, 'second_approval_required');
    assert.equal(relabel.body.error.details.reason, 'removes_enforcement_label');
    const stored = await db().selectFrom('role').selectAll().where('id', '=', role.id).executeTakeFirstOrThrow();
    assert.equal(stored.category, 'immigration_enforcement', 'nothing written');
    assert.deepEqual(stored.permissions, ['child:create']);
    assert.deepEqual(
      (await events({ resource: 'role', recordId: role.id, outcome: 'denied' })).map((e) => e.action),
      ['update'],
      'the refused relabel is audited',
    );

    assert.equal((await official.get('/api/v1/children')).body.error.code, 'firewall_denied');
    assert.equal((await official.get(`/api/v1/children/${child.id}`)).body.error.code, 'firewall_denied');
  });

  test('even relabelled with two administrators, a user of the border agency reads no child record', async () => {
    const [admin1, admin2] = [await signIn(h, await h.org.user('administrator')), await signIn(h, await h.org.user('administrator'))];
    const role = await enforcementRole(admin1, 'relabel_approved');
    const official = await signIn(h, await borderUser(role.id));
    const child = await registerChild();
    const patch = { category: 'national_authority', scope: 'all', permissions: ['child:create', 'child:read', 'child:list'] };
    const request = await admin1.post('/api/v1/change-requests', { target: 'role', targetId: role.id, patch });
    assert.equal(request.status, 201, JSON.stringify(request.body));
    const approved = await admin2.post(`/api/v1/change-requests/${request.body.id}/approve`);
    assert.equal(approved.status, 200, JSON.stringify(approved.body));
    assert.equal(
      (await db().selectFrom('role').select('category').where('id', '=', role.id).executeTakeFirstOrThrow()).category,
      'national_authority',
    );

    const read = await official.get(`/api/v1/children/${child.id}`);
    assert.equal(read.status, 403);
    assert.equal(read.body.error.code, 'firewall_denied', 'the agency kind keeps the firewall closed');
    assert.equal((await official.get('/api/v1/children')).body.error.code, 'firewall_denied');
    assert.ok(!JSON.stringify(read.body).includes('Amina'));

    // And the agency's kind, which its users hold, is not relabelled by one administrator either.
    const kind = await admin1.patch(`/api/v1/agencies/${borderAgency}`, { kind: 'child_protection' });
    assert.equal(kind.status, 409);
    assert.equal(kind.body.error.code, 'second_approval_required');
    assert.equal(
      (await db().selectFrom('agency').select('kind').where('id', '=', borderAgency).executeTakeFirstOrThrow()).kind,
      'immigration_enforcement',
    );
  });

  test('a gate refusal of GET /children/:id records that record id in the denied audit event', async () => {
    const child = await registerChild();
    const official = await signIn(h, await h.org.user('border_official'));
    assert.equal((await official.get(`/api/v1/children/${child.id}`)).body.error.code, 'firewall_denied');
    const denied = await events({ resource: 'child', recordId: child.id, outcome: 'denied' });
    assert.deepEqual(
      denied.map((e) => e.action),
      ['read'],
    );
  });
});

describe('four eyes: changes that widen an enforcement-linked actor’s access to child data', () => {
  test('allowed path: one administrator requests, a second approves; applied, audited both sides, oversight alerted', async () => {
    const [admin1, admin2] = [await signIn(h, await h.org.user('administrator')), await signIn(h, await h.org.user('administrator'))];
    const auditor = await h.org.user('auditor');
    const official = await h.org.user('border_official');
    const caseworkerRole = await roleIdOf('caseworker');

    const direct = await admin1.patch(`/api/v1/users/${official.id}`, { roleId: caseworkerRole });
    assert.equal(direct.status, 409);
    assert.equal(direct.body.error.details.reason, 'removes_enforcement_label');
    const roleNow = async () =>
      (await db().selectFrom('app_user').select('role_id').where('id', '=', official.id).executeTakeFirstOrThrow()).role_id;
    assert.equal(await roleNow(), await roleIdOf('border_official'), 'nothing written');
    assert.equal((await events({ resource: 'user', recordId: official.id, outcome: 'denied' })).length, 1);

    const request = await admin1.post('/api/v1/change-requests', {
      target: 'user',
      targetId: official.id,
      patch: { roleId: caseworkerRole },
    });
    assert.equal(request.status, 201, JSON.stringify(request.body));
    assert.equal(request.body.status, 'pending');
    assert.equal(await roleNow(), await roleIdOf('border_official'), 'a request changes nothing yet');
    const alerted = await notificationsOf(auditor.id);
    assert.deepEqual(
      alerted.map((n) => [n.kind, n.ref, n.child_id]),
      [['access_change_requested', request.body.id, null]],
    );
    const pending = await admin2.get('/api/v1/change-requests?status=pending');
    assert.ok(pending.body.items.some((r: { id: string }) => r.id === request.body.id));

    const approved = await admin2.post(`/api/v1/change-requests/${request.body.id}/approve`);
    assert.equal(approved.status, 200, JSON.stringify(approved.body));
    assert.equal(approved.body.status, 'approved');
    assert.equal(
      approved.body.decidedBy,
      (await db().selectFrom('app_user').select('id').where('id', '=', approved.body.decidedBy).executeTakeFirstOrThrow()).id,
    );
    assert.notEqual(approved.body.decidedBy, approved.body.requestedBy);
    const nameOf = async (id: string) =>
      (await db().selectFrom('app_user').select('display_name').where('id', '=', id).executeTakeFirstOrThrow()).display_name;
    assert.equal(approved.body.requestedByName, await nameOf(approved.body.requestedBy), 'the decider sees who asked');
    assert.equal(approved.body.decidedByName, await nameOf(approved.body.decidedBy));
    assert.equal(await roleNow(), caseworkerRole, 'applied on approval');

    const trail = await events({ resource: 'access_change_request', recordId: request.body.id, outcome: 'success' });
    assert.deepEqual(
      trail.map((e) => e.action),
      ['request', 'approve'],
    );
    assert.notEqual(trail[0]?.actor_user_id, trail[1]?.actor_user_id);
    assert.ok((await events({ resource: 'user', recordId: official.id, outcome: 'success' })).some((e) => e.action === 'update'));
    assert.deepEqual((await notificationsOf(auditor.id)).map((n) => n.kind).sort(), ['access_change_decided', 'access_change_requested']);
  });

  test('the requester can neither approve nor reject; a user without the permission cannot; refused, nothing written, audited', async () => {
    const admin1 = await signIn(h, await h.org.user('administrator'));
    const official = await h.org.user('border_official');
    const request = await admin1.patch(`/api/v1/users/${official.id}`, { agencyId: h.org.agencyB }).then(async (direct) => {
      assert.equal(
        direct.body.error?.code,
        undefined,
        'moving agency between two non-enforcement agencies keeps the enforcement role: allowed',
      );
      return admin1.post('/api/v1/change-requests', {
        target: 'user',
        targetId: official.id,
        patch: { roleId: await roleIdOf('supervisor') },
      });
    });
    assert.equal(request.status, 201);
    const id = request.body.id;

    for (const decision of ['approve', 'reject']) {
      const self = await admin1.post(`/api/v1/change-requests/${id}/${decision}`);
      assert.equal(self.status, 403, decision);
      assert.equal(self.body.error.code, 'change_request_self_approval');
    }
    const worker = await signIn(h, await h.org.user('caseworker'));
    const noPermission = await worker.post(`/api/v1/change-requests/${id}/approve`);
    assert.equal(noPermission.status, 403);
    assert.equal(noPermission.body.error.code, 'forbidden');

    const stored = await db().selectFrom('access_change_request').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(stored.status, 'pending', 'nothing written');
    assert.equal(stored.decided_by, null);
    assert.equal(
      (await db().selectFrom('app_user').select('role_id').where('id', '=', official.id).executeTakeFirstOrThrow()).role_id,
      await roleIdOf('border_official'),
    );
    assert.deepEqual(
      (await events({ resource: 'access_change_request', recordId: id, outcome: 'denied' })).map((e) => e.action).sort(),
      ['approve', 'reject'],
      'the self-approval and self-rejection are audited',
    );
    const gate = await db()
      .selectFrom('audit_event')
      .select('actor_role')
      .where('record_id', '=', id)
      .where('outcome', '=', 'denied')
      .where('action', '=', 'manage')
      .execute();
    assert.deepEqual(
      gate.map((e) => e.actor_role),
      ['caseworker'],
      'and the gate refusal, with the request id',
    );
  });

  test('a rejected request changes nothing and cannot be decided again; oversight is told', async () => {
    const [admin1, admin2] = [await signIn(h, await h.org.user('administrator')), await signIn(h, await h.org.user('administrator'))];
    const auditor = await h.org.user('auditor');
    const request = await admin1.post('/api/v1/change-requests', {
      target: 'agency',
      targetId: borderAgency,
      patch: { kind: 'government' },
    });
    assert.equal(request.status, 201);
    const rejected = await admin2.post(`/api/v1/change-requests/${request.body.id}/reject`);
    assert.equal(rejected.status, 200);
    assert.equal(rejected.body.status, 'rejected');
    assert.equal(
      (await db().selectFrom('agency').select('kind').where('id', '=', borderAgency).executeTakeFirstOrThrow()).kind,
      'immigration_enforcement',
    );
    const again = await admin2.post(`/api/v1/change-requests/${request.body.id}/approve`);
    assert.equal(again.status, 409);
    assert.equal(again.body.error.code, 'change_request_not_pending');
    assert.equal(
      (await db().selectFrom('agency').select('kind').where('id', '=', borderAgency).executeTakeFirstOrThrow()).kind,
      'immigration_enforcement',
    );
    assert.deepEqual(
      (await events({ resource: 'access_change_request', recordId: request.body.id })).map((e) => `${e.action}:${e.outcome}`),
      ['request:success', 'reject:success', 'approve:denied'],
    );
    assert.deepEqual(
      (await notificationsOf(auditor.id))
        .filter((n) => n.ref === request.body.id)
        .map((n) => n.kind)
        .sort(),
      ['access_change_decided', 'access_change_requested'],
    );
  });

  test('moving a user out of the border agency, or giving them a child-data role there, needs a second administrator', async () => {
    const admin = await signIn(h, await h.org.user('administrator'));
    const official = await borderUser();
    const move = await admin.patch(`/api/v1/users/${official.id}`, { agencyId: h.org.agencyA, teamIds: [] });
    assert.equal(move.status, 409);
    assert.equal(move.body.error.details.reason, 'removes_enforcement_label', 'still an enforcement role, but one lock fewer');
    const reassign = await admin.patch(`/api/v1/users/${official.id}`, { roleId: await roleIdOf('caseworker') });
    assert.equal(reassign.status, 409);
    // A child-data role that keeps the enforcement category, in the border agency: more child access, two administrators.
    const wider = await admin.post('/api/v1/roles', {
      key: 'border_reader',
      name: 'Border reader',
      category: 'immigration_enforcement',
      scope: 'all',
      permissions: ['child:create', 'child:read'],
      purposes: ['case_management'],
    });
    const widen = await admin.patch(`/api/v1/users/${official.id}`, { roleId: wider.body.id });
    assert.equal(widen.status, 409);
    assert.equal(widen.body.error.details.reason, 'widens_enforcement_access');
    const row = await db().selectFrom('app_user').select(['agency_id', 'role_id']).where('id', '=', official.id).executeTakeFirstOrThrow();
    assert.deepEqual(row, { agency_id: borderAgency, role_id: await roleIdOf('border_official') });
  });

  test('one administrator may still narrow access and relabel what nobody holds', async () => {
    const admin = await signIn(h, await h.org.user('administrator'));
    const worker = await h.org.user('caseworker');
    assert.equal(
      (await admin.patch(`/api/v1/users/${worker.id}`, { roleId: await roleIdOf('border_official') })).status,
      200,
      'into enforcement',
    );
    const role = await enforcementRole(admin, 'unheld_role');
    assert.equal((await admin.patch(`/api/v1/roles/${role.id}`, { name: 'Renamed border role', permissions: [] })).status, 200);
    const unlabel = await admin.patch(`/api/v1/roles/${role.id}`, { category: 'child_protection' });
    assert.equal(unlabel.body.error.code, 'second_approval_required', 'an enforcement label is never removed alone, held or not');
    const plain = await admin.post('/api/v1/roles', {
      key: 'plain_role',
      name: 'Plain',
      category: 'service_provision',
      scope: 'own',
      permissions: [],
      purposes: ['service_delivery'],
    });
    assert.equal((await admin.patch(`/api/v1/roles/${plain.body.id}`, { category: 'guardianship' })).status, 200, 'held by nobody');
    const empty = await admin.post('/api/v1/agencies', { code: 'EMPTY', name: 'Empty agency', jurisdiction: 'GR', kind: 'government' });
    assert.equal(empty.status, 201);
    assert.equal(empty.body.kind, 'government');
    assert.equal((await admin.patch(`/api/v1/agencies/${empty.body.id}`, { kind: 'immigration_enforcement' })).status, 200, 'no users yet');
  });

  test('a patch changes only the fields it sends: renaming a role keeps its field rules', async () => {
    const admin = await signIn(h, await h.org.user('administrator'));
    const created = await admin.post('/api/v1/roles', {
      key: 'restricted_reader',
      name: 'Restricted reader',
      category: 'child_protection',
      scope: 'own',
      permissions: ['child:read'],
      fieldRules: { legal_status: 'hidden' },
      purposes: ['case_management'],
      requireMfa: true,
    });
    const renamed = await admin.patch(`/api/v1/roles/${created.body.id}`, { name: 'Restricted reader (renamed)' });
    assert.equal(renamed.status, 200);
    assert.deepEqual(renamed.body.fieldRules, { legal_status: 'hidden' });
    assert.equal(renamed.body.requireMfa, true);
    const agency = await admin.patch(`/api/v1/agencies/${h.org.agencyA}`, { name: 'Agency A renamed' });
    assert.equal(agency.body.acceptsReferrals, true, 'a rename does not reset the referral flag');
  });
});

describe('notifications go through the policy', () => {
  async function noticeAbout(userId: string, child: { id: string }) {
    await db()
      .insertInto('notification')
      .values({
        id: crypto.randomUUID(),
        user_id: userId,
        kind: 'case_assigned',
        jurisdiction: 'GR',
        child_id: child.id,
        ref: '',
        dedupe_key: `case_assigned:${child.id}`,
        created_at: new Date(),
      })
      .execute();
  }

  test('after a user’s role moves into the enforcement category, their notifications show no child id or reference', async () => {
    const child = await registerChild();
    const user = await h.org.user('caseworker');
    await noticeAbout(user.id, child);
    const reader = await signIn(h, user);
    const seen = await reader.get('/api/v1/notifications');
    assert.equal(seen.body.items[0].childId, child.id);
    assert.equal(seen.body.items[0].reference, child.reference);

    const admin = await signIn(h, await h.org.user('administrator'));
    assert.equal((await admin.patch(`/api/v1/users/${user.id}`, { roleId: await roleIdOf('border_official') })).status, 200);
    const blocked = await signIn(h, user);
    const redacted = await blocked.get('/api/v1/notifications');
    assert.equal(redacted.status, 200);
    assert.equal(redacted.body.unread, 1);
    assert.equal(redacted.body.items[0].childId, null);
    assert.equal(redacted.body.items[0].reference, null);
    assert.ok(!JSON.stringify(redacted.body).includes(child.id) && !JSON.stringify(redacted.body).includes(child.reference));
    assert.equal((await blocked.post('/api/v1/notifications/read', { ids: 'all' })).body.updated, 1);
  });

  test('after the user’s agency becomes an enforcement agency (two administrators), the same', async () => {
    const [admin1, admin2] = [await signIn(h, await h.org.user('administrator')), await signIn(h, await h.org.user('administrator'))];
    const agency = await admin1.post('/api/v1/agencies', { code: 'TURNS', name: 'Turning agency', jurisdiction: 'GR', kind: 'government' });
    const child = await registerChild();
    const user = await h.org.user('caseworker');
    await db().updateTable('app_user').set({ agency_id: agency.body.id }).where('id', '=', user.id).execute();
    await db().deleteFrom('user_team').where('user_id', '=', user.id).execute();
    await noticeAbout(user.id, child);
    const reader = await signIn(h, user);
    assert.equal((await reader.get('/api/v1/notifications')).body.items[0].reference, child.reference);

    const request = await admin1.post('/api/v1/change-requests', {
      target: 'agency',
      targetId: agency.body.id,
      patch: { kind: 'immigration_enforcement' },
    });
    assert.equal((await admin2.post(`/api/v1/change-requests/${request.body.id}/approve`)).status, 200);
    const after = await (await signIn(h, user)).get('/api/v1/notifications');
    assert.deepEqual([after.body.items[0].childId, after.body.items[0].reference], [null, null]);
  });
});
