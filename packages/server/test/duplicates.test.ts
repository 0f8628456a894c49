import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type Client, createHarness, type Harness, names, sampleChild, signIn } from './support/harness.ts';
import { createOffice, createUserIn } from './support/orgExtras.ts';

/**
 * Duplicate checks see the whole jurisdiction: a colleague's or another office's registration is
 * found, disclosed as a reference only when it lies outside the searcher's scope, and a supervisor
 * review resolves it. Every disclosure is audited on the record's own jurisdiction.
 */
let h: Harness;
let office: Awaited<ReturnType<typeof createOffice>>;
after(async () => h.close());
before(async () => {
  h = await createHarness();
  office = await createOffice(h, 'AGC', 'GR-I');
});

const inOffice = (roleKey: string) =>
  createUserIn(h, roleKey, { agencyId: office.agencyId, jurisdiction: office.jurisdiction, teamIds: [office.teamId] });

let counter = 0;
/** A child with a name of its own, so each test's matches are its own. */
function uniqueChild(given: string) {
  counter++;
  return { ...sampleChild, names: names(`${given}${'abcdefgh'[counter] ?? ''}`, 'Okonkwo') };
}

async function register(client: Client, child: object): Promise<{ id: string; reference: string }> {
  const res = await client.post('/api/v1/children', child);
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body;
}

const check = (client: Client, child: { names: unknown; sex: string; nationality: string[] }) =>
  client.post('/api/v1/children/duplicate-check', { names: child.names, sex: child.sex, nationality: child.nationality });

async function auditOf(recordId: string) {
  return h.database.db.selectFrom('audit_event').select(['action', 'jurisdiction', 'outcome']).where('record_id', '=', recordId).execute();
}

describe('duplicate check across the jurisdiction', () => {
  test("a colleague's registration is found, as a reference without personal data, and the disclosure is audited", async () => {
    const mine = await signIn(h, await h.org.user('caseworker'));
    const colleague = await signIn(h, await h.org.user('caseworker'));
    const child = uniqueChild('Chidinma');
    const registered = await register(colleague, child);

    const res = await check(mine, child);
    assert.equal(res.status, 200);
    const found = res.body.items.find((c: { childId: string }) => c.childId === registered.id);
    assert.ok(found, 'the colleague’s record is found although it is outside the caseworker’s own cases');
    assert.deepEqual(found, {
      scope: 'reference',
      childId: registered.id,
      reference: registered.reference,
      agencyId: h.org.agencyA,
      agencyName: 'Agency A',
      likelihood: found.likelihood,
    });
    for (const text of ['Chidinma', 'Okonkwo', 'Athens', 'Asylum', '2011-03-04']) assert.ok(!res.raw.body.includes(text), text);
    assert.equal((await mine.get(`/api/v1/children/${registered.id}`)).status, 404, 'the record itself stays out of reach');

    const audit = await auditOf(registered.id);
    assert.ok(audit.some((a) => a.action === 'duplicate_disclosed' && a.jurisdiction === 'GR' && a.outcome === 'success'));
  });

  test('another office’s registration (a sub-jurisdiction) is found; the disclosure is audited on that office’s jurisdiction', async () => {
    const mine = await signIn(h, await h.org.user('caseworker'));
    const there = await signIn(h, await inOffice('caseworker'));
    const child = uniqueChild('Ngozi');
    const registered = await register(there, child);
    const res = await check(mine, child);
    const found = res.body.items.find((c: { childId: string }) => c.childId === registered.id);
    assert.equal(found?.scope, 'reference');
    assert.equal(found?.agencyName, office.name);
    assert.ok(!res.raw.body.includes('Ngozi'));
    const audit = await auditOf(registered.id);
    assert.ok(audit.some((a) => a.action === 'duplicate_disclosed' && a.jurisdiction === 'GR-I'));
    const search = await h.database.db
      .selectFrom('audit_event')
      .select('jurisdiction')
      .where('action', '=', 'search')
      .where('actor_user_id', '=', (await mine.get('/api/v1/auth/session')).body.user.id)
      .execute();
    assert.deepEqual(
      search.map((s) => s.jurisdiction),
      ['GR'],
      'the search itself is audited on the searcher’s jurisdiction',
    );
  });

  test('a record in the searcher’s scope is shown with its name; another jurisdiction is not searched', async () => {
    const mine = await signIn(h, await h.org.user('caseworker'));
    const child = uniqueChild('Adaeze');
    const own = await register(mine, child);
    const abroad = await signIn(h, await h.org.user('caseworker', { agency: 'B' }));
    const foreign = await register(abroad, child);
    const res = await check(mine, child);
    const found = res.body.items.find((c: { childId: string }) => c.childId === own.id);
    assert.equal(found.scope, 'record');
    assert.match(found.displayName, /Adaeze/);
    assert.ok(!res.body.items.some((c: { childId: string }) => c.childId === foreign.id), 'Italy is another jurisdiction');
  });
});

describe('duplicate review by supervisors', () => {
  test('a supervisor with no reviews gets an empty list (found by the fuzz test: a 500 before)', async () => {
    const supervisor = await signIn(h, await h.org.user('supervisor', { agency: 'B' }));
    const res = await supervisor.get('/api/v1/duplicate-reviews');
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(res.body.items, []);
  });

  test('a supervisor asks the other office; its supervisor compares both, finds the same child and merges', async () => {
    const worker = await signIn(h, await h.org.user('caseworker'));
    const supervisor = await signIn(h, await h.org.user('supervisor'));
    const thereWorker = await signIn(h, await inOffice('caseworker'));
    const thereSupervisor = await signIn(h, await inOffice('supervisor'));
    const child = uniqueChild('Emeka');
    const here = await register(worker, child);
    const there = await register(thereWorker, child);

    const dupes = await supervisor.get(`/api/v1/children/${here.id}/duplicates`);
    const candidate = dupes.body.items.find((c: { childId: string }) => c.childId === there.id);
    assert.equal(candidate?.scope, 'reference', 'outside the supervisor’s team: a reference');
    assert.ok(!dupes.raw.body.includes('Emeka'));

    assert.equal((await worker.post(`/api/v1/children/${here.id}/duplicate-reviews`, { otherId: there.id })).status, 403);
    const requested = await supervisor.post(`/api/v1/children/${here.id}/duplicate-reviews`, { otherId: there.id });
    assert.equal(requested.status, 201, JSON.stringify(requested.body));
    const reviewId = requested.body.id as string;
    const again = await supervisor.post(`/api/v1/children/${here.id}/duplicate-reviews`, { otherId: there.id });
    assert.equal(again.body.id, reviewId, 'one open review per pair');

    // The requester sees their own record, never the other one.
    const asRequester = (await supervisor.get(`/api/v1/duplicate-reviews/${reviewId}`)).body;
    assert.ok(asRequester.requesting.record);
    assert.equal(asRequester.other.record, undefined);
    assert.equal(asRequester.other.agencyName, office.name);
    assert.equal(asRequester.canDecide, false);
    assert.equal((await supervisor.post(`/api/v1/duplicate-reviews/${reviewId}/decision`, { outcome: 'same_child' })).status, 403);

    // The other office's supervisor is notified and compares the two side by side.
    const notes = (await thereSupervisor.get('/api/v1/notifications')).body.items;
    assert.ok(notes.some((n: { kind: string; ref: string }) => n.kind === 'duplicate_review_requested' && n.ref === reviewId));
    const listed = (await thereSupervisor.get('/api/v1/duplicate-reviews')).body.items;
    assert.ok(listed.some((r: { id: string; requesting: { record?: unknown } }) => r.id === reviewId && !r.requesting.record));
    const compared = (await thereSupervisor.get(`/api/v1/duplicate-reviews/${reviewId}`)).body;
    assert.match(compared.requesting.record.displayName, /Emeka/);
    assert.match(compared.other.record.displayName, /Emeka/);
    assert.equal(compared.canDecide, true);

    // Nobody else: a supervisor of a third agency, or a caseworker.
    const elsewhere = await signIn(h, await h.org.user('supervisor', { agency: 'B' }));
    assert.equal((await elsewhere.get(`/api/v1/duplicate-reviews/${reviewId}`)).status, 404);
    assert.equal((await worker.get(`/api/v1/duplicate-reviews/${reviewId}`)).status, 403);

    const decided = await thereSupervisor.post(`/api/v1/duplicate-reviews/${reviewId}/decision`, { outcome: 'same_child' });
    assert.equal(decided.status, 200, JSON.stringify(decided.body));
    assert.equal(decided.body.status, 'same_child');
    assert.equal(
      (await thereSupervisor.post(`/api/v1/duplicate-reviews/${reviewId}/decision`, { outcome: 'different_child' })).status,
      409,
    );
    assert.ok(
      (await supervisor.get('/api/v1/notifications')).body.items.some((n: { kind: string }) => n.kind === 'duplicate_review_decided'),
    );

    // Found the same child: the other office's supervisor merges their record into the first one.
    assert.equal((await thereSupervisor.post(`/api/v1/children/${there.id}/merge`, { intoId: here.id })).status, 204);
    assert.equal((await supervisor.get(`/api/v1/children/${here.id}/case`)).body.mergedFrom[0], there.id);

    for (const [id, jurisdiction] of [
      [here.id, 'GR'],
      [there.id, 'GR-I'],
    ] as const) {
      const actions = (await auditOf(id)).filter((a) => a.jurisdiction === jurisdiction).map((a) => a.action);
      for (const action of ['duplicate_review_requested', 'duplicate_review_read', 'duplicate_review_same_child']) {
        assert.ok(actions.includes(action), `${action} audited on ${jurisdiction}`);
      }
    }
  });

  test('a review cannot probe a record that is not a possible duplicate, nor one already in scope', async () => {
    const worker = await signIn(h, await h.org.user('caseworker'));
    const supervisor = await signIn(h, await h.org.user('supervisor'));
    const thereWorker = await signIn(h, await inOffice('caseworker'));
    const child = uniqueChild('Obinna');
    const here = await register(worker, child);
    const unrelated = await register(thereWorker, { ...sampleChild, names: names('Zainab', 'Haddad'), sex: 'female' });
    const probe = await supervisor.post(`/api/v1/children/${here.id}/duplicate-reviews`, { otherId: unrelated.id });
    assert.equal(probe.status, 404);
    const sameTeam = await register(worker, child);
    const pointless = await supervisor.post(`/api/v1/children/${here.id}/duplicate-reviews`, { otherId: sameTeam.id });
    assert.equal(pointless.status, 409, 'both records in scope: the supervisor compares them directly');
    assert.equal(pointless.body.error.code, 'action_not_allowed');
  });

  test('without a same-child review, a supervisor still cannot merge a record outside their scope', async () => {
    const worker = await signIn(h, await h.org.user('caseworker'));
    const supervisor = await signIn(h, await h.org.user('supervisor'));
    const thereWorker = await signIn(h, await inOffice('caseworker'));
    const child = uniqueChild('Kelechi');
    const here = await register(worker, child);
    const there = await register(thereWorker, child);
    assert.equal((await supervisor.post(`/api/v1/children/${here.id}/merge`, { intoId: there.id })).status, 404);
  });
});
