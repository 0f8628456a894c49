import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { passwordHasher } from '../src/auth/passwords.ts';
import { bootstrapRepository } from '../src/db/repositories/bootstrapRepository.ts';
import { runInTransaction } from '../src/db/unitOfWork.ts';
import { childCount, createHarness, type Harness, sampleChild, signIn } from './support/harness.ts';

let h: Harness;
before(async () => {
  h = await createHarness();
});
after(async () => h.close());

describe('a record with nothing sealed', () => {
  test('a first contact with only the sex, the setting and the time opens for the child protection agency', async () => {
    const border = await signIn(h, await h.org.user('border_official'));
    const supervisor = await signIn(h, await h.org.user('supervisor'));
    const referral = await border.post('/api/v1/children/first-contact', {
      sex: 'unknown',
      encounterSetting: 'border_post',
      firstContactAt: h.clock.now().toISOString(),
    });
    assert.equal(referral.status, 201, JSON.stringify(referral.body));
    const id = referral.body.id as string;
    const view = await supervisor.get(`/api/v1/children/${id}/case`);
    assert.equal(view.status, 200, JSON.stringify(view.body));
    assert.equal(view.body.events[0].type, 'registered');
    const child = await supervisor.get(`/api/v1/children/${id}`);
    assert.equal(child.status, 200);
    assert.deepEqual(child.body.names, []);
  });

  test('the nameless referral is taken on: opened, noted and named later, and every step reads back', async () => {
    const border = await signIn(h, await h.org.user('border_official'));
    const supervisor = await signIn(h, await h.org.user('supervisor'));
    const worker = await signIn(h, await h.org.user('caseworker'));
    const workerId = (await worker.get('/api/v1/auth/session')).body.user.id as string;
    const { id } = (
      await border.post('/api/v1/children/first-contact', {
        sex: 'female',
        encounterSetting: 'street',
        firstContactAt: h.clock.now().toISOString(),
      })
    ).body as { id: string };
    const steps = [{ type: 'assigned', userId: workerId }, { type: 'opened' }, { type: 'note_added', text: 'Arrived tired.' }];
    for (const action of steps) {
      const client = action.type === 'assigned' ? supervisor : worker;
      const res = await client.post(`/api/v1/children/${id}/actions`, { action });
      assert.equal(res.status, 200, `${action.type}: ${JSON.stringify(res.body)}`);
    }
    const named = await worker.patch(`/api/v1/children/${id}`, { names: [{ type: 'given', value: 'Selam' }] });
    assert.equal(named.status, 200, JSON.stringify(named.body));
    const view = await worker.get(`/api/v1/children/${id}/case`);
    assert.equal(view.status, 200, JSON.stringify(view.body));
    assert.deepEqual(
      view.body.events.map((e: { type: string }) => e.type),
      ['registered', 'assigned', 'opened', 'note_added', 'profile_updated'],
    );
    assert.equal((await worker.get(`/api/v1/children/${id}`)).body.displayName, 'Selam');
  });
});

const system = { principal: null, purpose: 'administration' as const, requestId: null };

/** A border official of a border agency in Greece: an agency that takes no referrals and does no case work. */
async function borderOfficial() {
  const password = 'correct horse battery staple';
  const email = `border.${Date.now()}.${Math.random().toString(36).slice(2)}@test.example`;
  await runInTransaction(h.deps, system, async (uow) => {
    const repo = bootstrapRepository(uow);
    const agencyId = await repo.createAgency({
      code: `BP${Math.random().toString(36).slice(2, 6)}`,
      name: 'Border police',
      jurisdiction: 'GR',
    });
    const role = await repo.roleByKey('border_official');
    if (!role) throw new Error('no border_official role');
    const team = await repo.createTeam(agencyId, 'Evros post');
    await repo.createUser({
      email,
      displayName: 'Officer',
      passwordHash: await passwordHasher.hash(password),
      agencyId,
      roleId: role.id,
      jurisdiction: 'GR',
      teamIds: [team],
    });
  });
  return signIn(h, { email, password });
}

describe('a full registration by a role that does no case work', () => {
  test('is referred to the child protection agency: its intake sees it, the clock runs, the official gets a receipt, audited', async () => {
    const border = await borderOfficial();
    const supervisor = await signIn(h, await h.org.user('supervisor'));
    const res = await border.post('/api/v1/children', { ...sampleChild, encounterSetting: 'border_post', careStatus: 'unaccompanied' });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.deepEqual(Object.keys(res.body).sort(), ['createdAt', 'id', 'reference', 'referredTo'], 'a receipt, no child data');
    assert.deepEqual(res.body.referredTo, { id: h.org.agencyA, name: 'Agency A' });
    const id = res.body.id as string;
    assert.equal((await border.get(`/api/v1/children/${id}`)).status, 403, 'the official cannot read it back');

    const listed = (await supervisor.get('/api/v1/children?status=referred&limit=200')).body.items.find((c: { id: string }) => c.id === id);
    assert.ok(listed, "the agency's intake lists it");
    assert.equal(listed.agencyId, h.org.agencyA);
    assert.equal(listed.teamId, null);
    assert.equal(listed.assignedUserId, null);
    assert.ok(listed.case.referredAt, 'referred');
    assert.ok(listed.case.nextDueAt, 'the referral clock runs');
    const tasks = (await supervisor.get('/api/v1/tasks?view=supervision')).body.items;
    assert.ok(tasks.some((t: { childId: string; task: { kind: string } }) => t.childId === id && t.task.kind === 'open_referral'));
    const notices = (await supervisor.get('/api/v1/notifications')).body.items;
    assert.ok(notices.some((n: { kind: string; childId: string }) => n.kind === 'referral_received' && n.childId === id));

    const child = (await supervisor.get(`/api/v1/children/${id}`)).body;
    assert.deepEqual(
      child.names.map((n: { value: string }) => n.value),
      ['Amina', 'Yusuf'],
      'nothing recorded is lost',
    );
    assert.equal(child.protectionNotes, sampleChild.protectionNotes);
    assert.equal(child.careStatus, 'unaccompanied');
    const view = (await supervisor.get(`/api/v1/children/${id}/case`)).body;
    assert.equal(view.summary.status, 'referred');
    assert.equal(view.events[0].data.mode, 'first_contact');
    assert.equal(view.events[0].data.encounterSetting, 'border_post');

    const created = await h.database.db
      .selectFrom('audit_event')
      .select(['action', 'resource', 'jurisdiction', 'outcome', 'actor_role'])
      .where('record_id', '=', id)
      .where('action', '=', 'create')
      .execute();
    assert.deepEqual(created, [
      { action: 'create', resource: 'child', jurisdiction: 'GR', outcome: 'success', actor_role: 'border_official' },
    ]);
  });

  test('a retry with the same idempotency key gets the same receipt and files one child', async () => {
    const border = await borderOfficial();
    const before = await childCount(h);
    const headers = { 'idempotency-key': `border-${Date.now()}` };
    const first = await border.post('/api/v1/children', sampleChild, headers);
    const again = await border.post('/api/v1/children', sampleChild, headers);
    assert.equal(first.status, 201, JSON.stringify(first.body));
    assert.deepEqual(again.body, first.body);
    assert.equal(await childCount(h), before + 1);
  });

  test('refused, nothing written: no agency takes referrals there, or a team of the registrant is named', async () => {
    const italian = await signIn(h, await h.org.user('border_official', { agency: 'B' }));
    const border = await borderOfficial();
    const before = await childCount(h);
    const nowhere = await italian.post('/api/v1/children', sampleChild);
    assert.equal(nowhere.status, 400);
    assert.equal(nowhere.body.error.code, 'validation_failed');
    assert.equal(nowhere.body.error.details.field, 'referToAgencyId');
    const teamed = await border.post('/api/v1/children', { ...sampleChild, teamId: h.org.teamA1 });
    assert.equal(teamed.body.error.details.field, 'teamId');
    const unknownAgency = await border.post('/api/v1/children', { ...sampleChild, referToAgencyId: h.org.agencyB });
    assert.equal(unknownAgency.body.error.details.field, 'referToAgencyId', 'an agency that takes no referrals');
    assert.equal(await childCount(h), before);
  });

  test('a caseworker still opens the case they register, and cannot ask for a referral on the full form', async () => {
    const worker = await signIn(h, await h.org.user('caseworker'));
    const opened = await worker.post('/api/v1/children', sampleChild);
    assert.equal(opened.status, 201);
    assert.equal(opened.body.case.status, 'open');
    assert.equal(opened.body.assignedUserId, (await worker.get('/api/v1/auth/session')).body.user.id);
    const asked = await worker.post('/api/v1/children', { ...sampleChild, referToAgencyId: h.org.agencyA });
    assert.equal(asked.status, 400);
    assert.equal(asked.body.error.details.field, 'referToAgencyId');
  });
});

describe('a name not recorded and a name hidden', () => {
  test('the list, the record and the tasks tell them apart', async () => {
    const border = await borderOfficial();
    const supervisor = await signIn(h, await h.org.user('supervisor'));
    const analyst = await signIn(h, await h.org.user('national_authority'));
    const { id } = (
      await border.post('/api/v1/children/first-contact', {
        sex: 'male',
        encounterSetting: 'border_post',
        firstContactAt: h.clock.now().toISOString(),
      })
    ).body as { id: string };
    const find = (items: { id?: string; childId?: string; nameHidden?: boolean }[]) => items.find((c) => (c.id ?? c.childId) === id);

    const row = find((await supervisor.get('/api/v1/children?status=referred&limit=200')).body.items);
    assert.equal(row?.nameHidden, false);
    assert.equal(row && 'displayName' in row, false, 'no display name, not an empty one');
    const child = (await supervisor.get(`/api/v1/children/${id}`)).body;
    assert.deepEqual([child.names, child.nameHidden, 'displayName' in child], [[], false, false]);
    const task = find((await supervisor.get('/api/v1/tasks?view=supervision')).body.items);
    assert.deepEqual([task?.nameHidden, task && 'displayName' in task], [false, false]);

    const hidden = find((await analyst.get('/api/v1/children?limit=200')).body.items);
    assert.equal(hidden?.nameHidden, true, 'a role that hides identity sees the name as hidden');
    const named = (await supervisor.get('/api/v1/children?limit=200')).body.items.find(
      (c: { nameHidden: boolean; displayName?: string }) => c.displayName,
    );
    assert.equal(named?.nameHidden, false);
  });
});
