import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { verifyAudit } from '../src/audit/verify.ts';
import { runInTransaction } from '../src/db/unitOfWork.ts';
import { notifyOverdueTasks } from '../src/jobs/deadlines.ts';
import { purgeExpired } from '../src/jobs/housekeeping.ts';
import { type Jobs, startJobs } from '../src/jobs/jobs.ts';
import { createHarness, type Harness, sampleChild, signIn } from './support/harness.ts';

let h: Harness;
let jobs: Jobs;
before(async () => {
  h = await createHarness();
  jobs = await startJobs(h.database, h.deps, true);
});
after(async () => {
  await jobs.stop();
  await h.close();
});

test('pg-boss runs on this database: the audit-seal job seals every chain head', async () => {
  await runInTransaction(h.deps, { principal: null, purpose: null, requestId: null }, async (uow) => {
    uow.audit({ jurisdiction: 'GR', action: 'update', resource: 'child', recordId: 'job-test', changedFields: [] });
  });
  const scheduled = await jobs.boss.getSchedules();
  assert.ok(scheduled.some((s) => s.name === 'audit-seal'));
  await jobs.boss.send('audit-seal', {});
  const deadline = Date.now() + 20_000;
  let seals = 0;
  while (Date.now() < deadline && seals === 0) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    seals = (await h.database.db.selectFrom('audit_seal').select('id').execute()).length;
  }
  assert.ok(seals > 0, 'a seal was written by the job');
  const result = await verifyAudit(h.database.db);
  assert.equal(result.ok, true);
  assert.ok(result.seals > 0);
});

test('the app role is still in force after pg-boss started (audit rows stay append-only)', async () => {
  await assert.rejects(h.database.db.deleteFrom('audit_event').execute(), /permission denied/);
});

test('the case-deadlines job notifies an overdue high-risk task to the caseworker and the supervisors, once', async () => {
  const worker = await signIn(h, await h.org.user('caseworker'));
  const supervisorUser = await h.org.user('supervisor');
  const met = new Date(h.clock.now().getTime() - 48 * 3_600_000);
  const child = await worker.post('/api/v1/children', { ...sampleChild, firstContactAt: met.toISOString() });
  const screened = await worker.post(`/api/v1/children/${child.body.id}/actions`, {
    action: { type: 'screened', riskLevel: 'high' },
    occurredAt: new Date(met.getTime() + 60_000).toISOString(),
  });
  assert.equal(screened.status, 200, JSON.stringify(screened.body));
  assert.ok((await jobs.boss.getSchedules()).some((s) => s.name === 'case-deadlines'));
  const overdue = async (userId: string) =>
    h.database.db
      .selectFrom('notification')
      .select(['kind', 'ref'])
      .where('user_id', '=', userId)
      .where('child_id', '=', child.body.id)
      .where('kind', '=', 'task_overdue')
      .execute();
  await jobs.boss.send('case-deadlines', {});
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline && (await overdue(supervisorUser.id)).length === 0) await new Promise((r) => setTimeout(r, 250));
  assert.deepEqual(await overdue(supervisorUser.id), [{ kind: 'task_overdue', ref: 'first_action' }]);
  const workerId = (await worker.get('/api/v1/auth/session')).body.user.id;
  assert.ok((await overdue(workerId)).some((n) => n.ref === 'first_action'));
  assert.equal((await notifyOverdueTasks(h.deps)) > 0, true);
  assert.equal((await overdue(supervisorUser.id)).length, 1, 'notified once');
});

test('housekeeping purges sessions ended over 30 days ago and old idempotency keys, keeps live ones, and is audited', async () => {
  assert.ok((await jobs.boss.getSchedules()).some((s) => s.name === 'housekeeping'));
  const user = await h.org.user('caseworker');
  const old = await signIn(h, user);
  const created = await old.post('/api/v1/children', sampleChild, { 'idempotency-key': 'housekeeping-1234' });
  assert.equal(created.status, 201);
  h.clock.advance(31 * 86_400_000);
  const live = await signIn(h, user);
  const purged = await purgeExpired(h.deps);
  assert.ok(purged.sessions >= 1 && purged.idempotencyKeys >= 1, JSON.stringify(purged));
  assert.equal((await live.get('/api/v1/auth/session')).status, 200, 'a live session is kept');
  const keys = await h.database.db.selectFrom('idempotency_key').select('key').where('key', '=', 'housekeeping-1234').execute();
  assert.equal(keys.length, 0);
  const event = await h.database.db
    .selectFrom('audit_event')
    .select(['changed_fields', 'actor_user_id'])
    .where('action', '=', 'purge')
    .orderBy('occurred_at', 'desc')
    .executeTakeFirstOrThrow();
  assert.deepEqual(event.changed_fields, ['sessions', 'idempotencyKeys']);
  assert.equal(event.actor_user_id, null);
});
