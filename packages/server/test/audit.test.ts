import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { sealAudit, verifyAudit } from '../src/audit/verify.ts';
import { type AuditEntry, appendAudit } from '../src/audit/writer.ts';
import { runInTransaction } from '../src/db/unitOfWork.ts';
import { testEngine } from './support/database.ts';
import { createHarness, type Harness, sampleChild, signIn } from './support/harness.ts';

let h: Harness;
before(async () => {
  h = await createHarness();
});
after(() => h.close());

const entry = (recordId: string, jurisdiction = 'GR'): AuditEntry => ({
  jurisdiction,
  actorUserId: null,
  actorRole: 'test',
  actorAgencyId: null,
  purpose: 'case_management',
  action: 'update',
  resource: 'child',
  recordId,
  changedFields: ['givenName'],
  outcome: 'success',
  requestId: null,
});

const events = (recordId: string) =>
  h.database.db.selectFrom('audit_event').selectAll().where('record_id', '=', recordId).orderBy('seq').execute();

describe('audit events', () => {
  test('each write is audited with who, role, agency, purpose, action, record, field names (not values) and request id', async () => {
    const user = await h.org.user('caseworker');
    const worker = await signIn(h, user);
    const created = await worker.post('/api/v1/children', sampleChild);
    await worker.patch(`/api/v1/children/${created.body.id}`, { locationDetail: 'New shelter' });
    await worker.get(`/api/v1/children/${created.body.id}`);
    const trail = await events(created.body.id);
    assert.deepEqual(
      trail.map((e) => e.action),
      ['create', 'update', 'read'],
    );
    const [create, update] = trail;
    assert.equal(create?.actor_user_id, user.id);
    assert.equal(create?.actor_role, 'caseworker');
    assert.equal(create?.actor_agency_id, user.agencyId);
    assert.equal(create?.purpose, 'case_management');
    assert.equal(create?.jurisdiction, 'GR');
    assert.deepEqual(update?.changed_fields, ['locationDetail']);
    assert.match(String(update?.request_id), /^[0-9a-f-]{36}$/);
    assert.ok(!JSON.stringify(trail).includes('New shelter'), 'no values in the audit trail');
    assert.ok(!JSON.stringify(trail).includes('Amina'));
  });

  test('a change that fails leaves neither the change nor its audit event', async () => {
    const id = '01a20000-0000-7000-8000-000000000001';
    await assert.rejects(
      runInTransaction(h.deps, { principal: null, purpose: null, requestId: null }, async (uow) => {
        uow.audit({ jurisdiction: 'GR', action: 'update', resource: 'child', recordId: id, changedFields: [] });
        throw new Error('boom');
      }),
    );
    assert.equal((await events(id)).length, 0);
  });
});

describe('reading the trail', () => {
  test('oversight pages through every event, including events that share one timestamp, and verifies', async () => {
    await runInTransaction(h.deps, { principal: null, purpose: null, requestId: null }, async (uow) => {
      for (let i = 0; i < 7; i++)
        uow.audit({ jurisdiction: 'GR', action: 'update', resource: 'child', recordId: 'same-time', changedFields: [] });
    });
    const auditor = await signIn(h, await h.org.user('administrator'));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: { items: { chainId: string; seq: number }[]; nextCursor: string | null } } = await auditor.get(
        `/api/v1/audit/events?limit=3&resource=child${cursor ? `&cursor=${cursor}` : ''}`,
      );
      assert.equal(page.status, 200);
      seen.push(...page.body.items.map((e) => `${e.chainId}#${e.seq}`));
      cursor = page.body.nextCursor;
    } while (cursor);
    const expected = await h.database.db.selectFrom('audit_event').select(['chain_id', 'seq']).where('resource', '=', 'child').execute();
    assert.equal(seen.length, expected.length);
    assert.equal(new Set(seen).size, seen.length, 'no event twice');
    const verified = await auditor.post('/api/v1/audit/verify');
    assert.equal(verified.body.ok, true);
  });
});

describe('tamper evidence', () => {
  test('haven audit verify passes on an intact trail', async () => {
    await runInTransaction(h.deps, { principal: null, purpose: null, requestId: null }, async (uow) => {
      for (let i = 0; i < 20; i++)
        uow.audit({ jurisdiction: 'GR', action: 'update', resource: 'child', recordId: `r${i}`, changedFields: [] });
    });
    const result = await verifyAudit(h.database.db);
    assert.equal(result.ok, true, JSON.stringify(result.firstBroken));
    assert.ok(result.events >= 20);
  });

  test('the application role cannot update, delete or truncate audit rows', async () => {
    for (const statement of [
      sql`UPDATE audit_event SET action = 'read'`,
      sql`DELETE FROM audit_event`,
      sql`TRUNCATE audit_event`,
      sql`DELETE FROM audit_seal`,
    ]) {
      await assert.rejects(statement.execute(h.database.db), /permission denied/);
    }
  });

  async function tamperAndVerify(tamper: (chainId: string, seq: number) => Promise<unknown>) {
    const record = `tamper-${Math.random()}`;
    await runInTransaction(h.deps, { principal: null, purpose: null, requestId: null }, async (uow) => {
      for (let i = 0; i < 3; i++)
        uow.audit({ jurisdiction: 'GR', action: 'update', resource: 'child', recordId: record, changedFields: [`f${i}`] });
    });
    const [first, second] = await events(record);
    assert.ok(first && second);
    assert.equal((await verifyAudit(h.database.db)).ok, true);
    await h.database.asOwner(async () => tamper(second.chain_id, second.seq));
    const result = await verifyAudit(h.database.db);
    // Put the trail back in order for the next test: restore from a clean copy is not possible, so
    // each tamper test uses its own database state and this file checks the first broken entry.
    return { result, chainId: second.chain_id, seq: second.seq };
  }

  test('an edited event is found, with its chain and position', async () => {
    const { result, chainId, seq } = await tamperAndVerify((chain, seq) =>
      h.database.asOwner((db) => sql`UPDATE audit_event SET changed_fields = '{}' WHERE chain_id = ${chain} AND seq = ${seq}`.execute(db)),
    );
    assert.equal(result.ok, false);
    assert.deepEqual(result.firstBroken, { chainId, seq, reason: 'hash_mismatch' });
    await repairAll();
  });

  test('a deleted event is found', async () => {
    const { result, chainId, seq } = await tamperAndVerify((chain, seq) =>
      h.database.asOwner((db) => sql`DELETE FROM audit_event WHERE chain_id = ${chain} AND seq = ${seq}`.execute(db)),
    );
    assert.equal(result.ok, false);
    assert.equal(result.firstBroken?.chainId, chainId);
    assert.equal(result.firstBroken?.seq, seq + 1);
    assert.equal(result.firstBroken?.reason, 'sequence_gap');
    await repairAll();
  });

  test('reordered events are found', async () => {
    const { result, chainId } = await tamperAndVerify((chain, seq) =>
      h.database.asOwner(async (db) => {
        await sql`UPDATE audit_event SET seq = -1 WHERE chain_id = ${chain} AND seq = ${seq}`.execute(db);
        await sql`UPDATE audit_event SET seq = ${seq} WHERE chain_id = ${chain} AND seq = ${seq + 1}`.execute(db);
        await sql`UPDATE audit_event SET seq = ${seq + 1} WHERE chain_id = ${chain} AND seq = -1`.execute(db);
      }),
    );
    assert.equal(result.ok, false);
    assert.equal(result.firstBroken?.chainId, chainId);
    await repairAll();
  });

  test('a truncated chain is found from its head, and from a seal when the head is rewound too', async () => {
    const record = `truncate-${Math.random()}`;
    await runInTransaction(h.deps, { principal: null, purpose: null, requestId: null }, async (uow) => {
      for (let i = 0; i < 3; i++)
        uow.audit({ jurisdiction: 'GR', action: 'update', resource: 'child', recordId: record, changedFields: [] });
    });
    await sealAudit(h.database.db, h.clock.now());
    const last = (await events(record)).at(-1);
    assert.ok(last);
    await h.database.asOwner((db) => sql`DELETE FROM audit_event WHERE chain_id = ${last.chain_id} AND seq = ${last.seq}`.execute(db));
    assert.equal((await verifyAudit(h.database.db)).firstBroken?.reason, 'head_mismatch');
    const previous = (await events(record)).at(-1);
    assert.ok(previous);
    await h.database.asOwner((db) =>
      sql`UPDATE audit_chain SET seq = ${previous.seq}, head_hash = ${previous.hash} WHERE chain_id = ${last.chain_id}`.execute(db),
    );
    const result = await verifyAudit(h.database.db);
    assert.equal(result.ok, false);
    assert.deepEqual(result.firstBroken, { chainId: last.chain_id, seq: last.seq, reason: 'seal_mismatch' });
    await repairAll();
  });
});

/** Tests above break the trail on purpose; start the next one from an empty, valid trail. */
async function repairAll() {
  await h.database.asOwner(async (db) => {
    await sql`DELETE FROM audit_event`.execute(db);
    await sql`DELETE FROM audit_seal`.execute(db);
    await sql`DELETE FROM audit_chain`.execute(db);
  });
  assert.equal((await verifyAudit(h.database.db)).ok, true);
}

describe('concurrent writers', () => {
  test('8 concurrent writers never fork a chain, and the trail verifies', async () => {
    await repairAll();
    const writers = 8;
    const perWriter = 40;
    await Promise.all(
      Array.from({ length: writers }, (_, w) =>
        (async () => {
          for (let i = 0; i < perWriter; i++) {
            // Records shared between writers so that several of them contend on the same chains.
            await runInTransaction(h.deps, { principal: null, purpose: null, requestId: null }, async (uow) => {
              uow.audit({ jurisdiction: 'GR', action: 'update', resource: 'child', recordId: `shared-${i % 5}`, changedFields: [] });
              uow.audit({ jurisdiction: 'GR', action: 'update', resource: 'child', recordId: `own-${w}-${i}`, changedFields: [] });
            });
          }
        })(),
      ),
    );
    const forks = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM (SELECT chain_id, prev_hash FROM audit_event GROUP BY chain_id, prev_hash HAVING count(*) > 1) f`.execute(
      h.database.db,
    );
    assert.equal(forks.rows[0]?.n, 0, 'no two events share a predecessor');
    const result = await verifyAudit(h.database.db);
    assert.equal(result.ok, true, JSON.stringify(result.firstBroken));
    assert.equal(result.events, writers * perWriter * 2);
    const chains = await h.database.db.selectFrom('audit_chain').select(['chain_id', 'seq']).execute();
    assert.ok(chains.length > 20, `events spread over ${chains.length} chains`);
  });

  test('writers on different chains do not wait for each other (no global serialisation)', {
    skip: testEngine === 'pglite' ? 'PGlite runs one transaction at a time by design; runs on PostgreSQL' : false,
  }, async () => {
    // Two records on different chains; the first transaction holds its chain lock while the second commits.
    const a = 'a0';
    let b = 'b0';
    const { chainFor } = await import('../src/audit/hash.ts');
    for (let i = 0; chainFor('GR', a) === chainFor('GR', b); i++) b = `b${i}`;
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let locked: () => void = () => {};
    const lockTaken = new Promise<void>((resolve) => {
      locked = resolve;
    });
    const slow = h.database.db.transaction().execute(async (tx) => {
      await appendAudit(tx, [entry(a)], new Date());
      locked();
      await held;
    });
    await lockTaken;
    const started = Date.now();
    await h.database.db.transaction().execute((tx) => appendAudit(tx, [entry(b)], new Date()));
    const waited = Date.now() - started;
    release();
    await slow;
    assert.ok(waited < 2000, `the second writer committed while the first held its chain (${waited} ms)`);

    // And a writer on the SAME chain does wait: that is what prevents forks.
    let release2: () => void = () => {};
    const held2 = new Promise<void>((resolve) => {
      release2 = resolve;
    });
    let locked2: () => void = () => {};
    const lockTaken2 = new Promise<void>((resolve) => {
      locked2 = resolve;
    });
    const first = h.database.db.transaction().execute(async (tx) => {
      await appendAudit(tx, [entry(a)], new Date());
      locked2();
      await held2;
    });
    await lockTaken2;
    let secondDone = false;
    const second = h.database.db
      .transaction()
      .execute((tx) => appendAudit(tx, [entry(a)], new Date()))
      .then(() => {
        secondDone = true;
      });
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(secondDone, false, 'same chain: the second writer waits for the first to commit');
    release2();
    await Promise.all([first, second]);
    assert.equal((await verifyAudit(h.database.db)).ok, true);
  });
});
