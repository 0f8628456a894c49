import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { runInTransaction } from '../src/db/unitOfWork.ts';
import { type Jobs, startJobs } from '../src/jobs/jobs.ts';
import { verifyAudit } from '../src/audit/verify.ts';
import { createHarness, type Harness } from './support/harness.ts';

let h: Harness;
let jobs: Jobs;
before(async () => {
  h = await createHarness();
  jobs = await startJobs(h.database, h.database.db, h.clock, true);
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
