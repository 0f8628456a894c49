import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  type AgeInfo,
  actionPermission,
  CaseActionInput,
  type CaseActionType,
  type Child,
  ChildInput,
  ChildUpdateInput,
  FirstContactInput,
  holdsIdentityDocument,
  RelationInput,
  refuseAgeEdit,
} from '@haven/domain';
import fc from 'fast-check';
import { type ActionMaterial, actionMaterial, childInput, childUpdate, firstContactInput, relationInput } from './support/arbitraries.ts';
import { type Client, createHarness, type Harness, signIn } from './support/harness.ts';

/**
 * Every record a route can write opens again, and reads back as it was written: generated inputs
 * for each write route (registration, first contact, profile update, each case action the workflow
 * offers, relations, photo) go through the HTTP API, and the record, its case and the list are read
 * back by a role that may see them. Bounded runs on a fixed seed (HAVEN_PROPERTY_SEED and
 * HAVEN_PROPERTY_RUNS change them); a failure prints the seed and the path that reproduce it.
 */

const seed = Number(process.env.HAVEN_PROPERTY_SEED ?? 20261204);
const runs = Number(process.env.HAVEN_PROPERTY_RUNS ?? 10);
const settings = (numRuns = runs) => ({
  seed,
  numRuns,
  includeErrorInReport: true,
  endOnFailure: process.env.HAVEN_PROPERTY_NO_SHRINK === '1',
});

let h: Harness;
let worker: Client;
let supervisor: Client;
let border: Client;
let workerId: string;
let colleagueId: string;
before(async () => {
  h = await createHarness();
  worker = await signIn(h, await h.org.user('caseworker'));
  supervisor = await signIn(h, await h.org.user('supervisor'));
  border = await signIn(h, await h.org.user('border_official'));
  workerId = (await worker.get('/api/v1/auth/session')).body.user.id;
  colleagueId = (await h.org.user('caseworker')).id;
});
after(async () => h.close());

type Json = Record<string, unknown>;

/** Whether `actual` holds everything `expected` says (objects: each key expected; arrays: element by element). */
function assertContains(actual: unknown, expected: unknown, path = '$'): void {
  if (expected === undefined) return;
  if (Array.isArray(expected)) {
    assert.ok(Array.isArray(actual), `${path}: expected an array, got ${JSON.stringify(actual)}`);
    assert.equal(actual.length, expected.length, `${path}: length`);
    expected.forEach((item, i) => {
      assertContains(actual[i], item, `${path}[${i}]`);
    });
  } else if (expected !== null && typeof expected === 'object') {
    assert.ok(actual !== null && typeof actual === 'object', `${path}: expected an object, got ${JSON.stringify(actual)}`);
    for (const [key, value] of Object.entries(expected)) assertContains((actual as Json)[key], value, `${path}.${key}`);
  } else {
    assert.deepEqual(actual, expected, path);
  }
}

const ok = (res: { status: number; body: unknown }, what: string) =>
  assert.ok(res.status >= 200 && res.status < 300, `${what}: ${res.status} ${JSON.stringify(res.body)}`);

/** The record, its case and its list row, each read back with a 2xx; the row agrees with the record. */
async function readBack(client: Client, id: string) {
  const child = await client.get(`/api/v1/children/${id}`);
  ok(child, 'GET /children/:id');
  const view = await client.get(`/api/v1/children/${id}/case`);
  ok(view, 'GET /children/:id/case');
  // Every status a write can leave the case in (the list shows referred and open cases by default).
  const list = await client.get('/api/v1/children?sort=created&limit=200&status=referred,open,closed');
  ok(list, 'GET /children');
  const row = list.body.items.find((c: Json) => c.id === id);
  assert.ok(row, 'the record is in the list');
  const { age, flags, ...rest } = row;
  assertContains(child.body, rest, 'list row');
  // A row raises the flags it can tell without opening the documents: some of the record's.
  for (const flag of flags) assert.ok(child.body.flags.includes(flag), `list row flag ${flag}`);
  assert.deepEqual(age, { years: child.body.age.years, treatedAsChild: child.body.age.treatedAsChild, inDoubt: child.body.age.inDoubt });
  return { child: child.body as Json, view: view.body as Json & { events: Json[] } };
}

const profileKeys = [
  'names',
  'sex',
  'nationality',
  'citizenshipStatus',
  'countryOfBirth',
  'languages',
  'disability',
  'documents',
  'birthRegistration',
  'locationCode',
  'locationDetail',
  'typology',
  'protectionCategories',
  'careStatus',
  'stage',
  'movementType',
  'drivers',
  'route',
  'legalStatus',
  'protectionNotes',
] as const;

/** What a record shows of written profile fields (the age without what the server derives from it). */
function shown(values: Json): Json {
  const out: Json = {};
  for (const key of profileKeys) if (values[key] !== undefined) out[key] = values[key];
  if (values.age) {
    const { birthDate, birthDatePrecision, ageBasis, assessedMinAge, assessedMaxAge, assessmentConcluded } = values.age as Json;
    out.age = { birthDate, birthDatePrecision, ageBasis, assessedMinAge, assessedMaxAge, assessmentConcluded };
  }
  return out;
}

describe('every record a route writes reads back as written', () => {
  test('a full registration', async () => {
    await fc.assert(
      fc.asyncProperty(childInput, async (raw) => {
        const parsed = ChildInput.parse(raw);
        const created = await worker.post('/api/v1/children', raw);
        ok(created, 'POST /children');
        const { child, view } = await readBack(worker, created.body.id);
        assertContains(child, shown(parsed as unknown as Json), 'record');
        assertContains(created.body, shown(parsed as unknown as Json), 'response');
        assertContains(view.events[0], { type: 'registered', data: { mode: 'full', encounterSetting: parsed.encounterSetting ?? null } });
      }),
      settings(),
    );
  });

  test('a first contact, with as little as the sex, the setting and the time', async () => {
    await fc.assert(
      fc.asyncProperty(
        firstContactInput(() => h.clock.now()),
        async (raw) => {
          const parsed = FirstContactInput.parse(raw);
          const receipt = await border.post('/api/v1/children/first-contact', raw);
          ok(receipt, 'POST /children/first-contact');
          const { child, view } = await readBack(supervisor, receipt.body.id);
          assertContains(child, {
            names: parsed.names,
            sex: parsed.sex,
            nationality: parsed.nationality,
            typology: parsed.typology,
            careStatus: parsed.careStatus ?? null,
            locationCode: parsed.locationCode ?? null,
            nameHidden: false,
          });
          const age = child.age as Json;
          if (parsed.birthDate) assertContains(age, { birthDate: parsed.birthDate, birthDatePrecision: 'exact' });
          else if (parsed.approximateAge !== undefined)
            assertContains(age, { years: parsed.approximateAge, birthDatePrecision: 'estimated' });
          else assertContains(age, { birthDate: null, birthDatePrecision: 'unknown' });
          assertContains(view.events[0]?.data, {
            mode: 'first_contact',
            encounterSetting: parsed.encounterSetting,
            firstContactAt: parsed.firstContactAt,
            urgentConcern: parsed.urgentConcern,
            concerns: parsed.concerns,
          });
          if (parsed.note) assertContains(view.events[1], { type: 'note_added', data: { text: parsed.note } });
        },
      ),
      settings(),
    );
  });

  test('profile updates, one after another', async () => {
    await fc.assert(
      fc.asyncProperty(childInput, fc.array(childUpdate, { minLength: 1, maxLength: 3 }), async (raw, patches) => {
        const id = (await worker.post('/api/v1/children', raw)).body.id as string;
        let expected = shown(ChildInput.parse(raw) as unknown as Json);
        for (const patch of patches) {
          const parsed = ChildUpdateInput.parse(patch);
          const before = (await readBack(worker, id)).child as unknown as Child;
          // The domain's own age guard is the oracle: an edit it refuses is a 409 that changes nothing.
          const refusal = parsed.age
            ? refuseAgeEdit(
                { ...before.age, birthDate: before.age.birthDate ?? null } as AgeInfo,
                parsed.age,
                holdsIdentityDocument(parsed.documents ?? before.documents),
                new Date(),
              )
            : null;
          const res = await worker.patch(`/api/v1/children/${id}`, patch);
          if (refusal) {
            assert.equal(res.status, 409, `PATCH refused by the age guard: ${JSON.stringify(res.body)}`);
            assert.equal(res.body.error.code, refusal.code);
            const { child } = await readBack(worker, id);
            assert.equal(child.version, before.version, 'nothing written');
            continue;
          }
          ok(res, 'PATCH /children/:id');
          expected = { ...expected, ...shown(parsed as unknown as Json) };
          const { child } = await readBack(worker, id);
          assertContains(child, expected, 'record after update');
        }
      }),
      settings(Math.ceil(runs / 2)),
    );
  });

  test('case actions of each type the workflow offers, in any order', async () => {
    const steps = fc.array(fc.record({ choice: fc.nat(), material: actionMaterial }), { minLength: 2, maxLength: 8 });
    const written = new Set<string>();
    await fc.assert(
      fc.asyncProperty(childInput, steps, async (raw, walk) => {
        const id = (await worker.post('/api/v1/children', raw)).body.id as string;
        for (const { choice, material } of walk) {
          const views = { worker: await caseOf(worker, id), supervisor: await caseOf(supervisor, id) };
          const offered = (Object.keys(builders) as CaseActionType[]).filter((type) => {
            const who = actorFor(type);
            return views[who].allowedActions.includes(type);
          });
          const type = offered[choice % offered.length];
          if (!type) continue;
          const action = builders[type]?.(material, views.worker);
          const parsed = CaseActionInput.parse(action);
          const client = actorFor(type) === 'worker' ? worker : supervisor;
          const res = await client.post(`/api/v1/children/${id}/actions`, { action });
          const before = views.worker.events.length;
          if (res.status >= 400 && res.status < 500) {
            assert.equal(typeof res.body.error?.code, 'string', `${type}: a refusal names its reason`);
            assert.equal((await caseOf(worker, id)).events.length, before, `${type}: a refusal writes nothing`);
            continue;
          }
          ok(res, `POST /children/:id/actions ${type} ${JSON.stringify(action)}`);
          const { view } = await readBack(worker, id);
          const { type: _type, ...data } = parsed;
          assertContains(view.events.at(-1), { type, data }, `the ${type} entry`);
          ok(await supervisor.get(`/api/v1/children/${id}/case`), 'the supervisor opens the case');
          written.add(type);
        }
      }),
      settings(Math.ceil(runs / 2)),
    );
    assert.ok(written.size >= 6, `the walk wrote many kinds of action, not ${[...written].join(', ')}`);
  });

  test('relations and a photo', async () => {
    const sibling = (await worker.post('/api/v1/children', { names: [{ type: 'given', value: 'Sibling' }], sex: 'female' })).body.id;
    await fc.assert(
      fc.asyncProperty(
        childInput,
        fc.array(relationInput, { maxLength: 3 }),
        fc.uint8Array({ maxLength: 64 }),
        async (raw, adults, pixels) => {
          const id = (await worker.post('/api/v1/children', raw)).body.id as string;
          const link = await worker.post(`/api/v1/children/${id}/relations`, {
            kind: 'child',
            relatedChildId: sibling,
            relationship: 'sibling',
          });
          ok(link, 'POST relations (child)');
          for (const adult of adults) {
            const input = { kind: 'adult', ...adult };
            const parsed = RelationInput.parse(input);
            ok(await worker.post(`/api/v1/children/${id}/relations`, input), 'POST relations (adult)');
            const { view } = await readBack(worker, id);
            assert.ok(parsed.kind === 'adult');
            const found = (view.relations as Json[]).at(-1);
            assertContains(found, {
              kind: 'adult',
              relationship: parsed.relationship,
              accompanying: parsed.accompanying,
              name: parsed.name ?? null,
              contact: parsed.contact || null,
            });
          }
          for (const givenBy of ['child', 'guardian']) {
            const consent = {
              type: 'consent_recorded',
              scopes: ['photo'],
              givenBy,
              kind: 'consent',
              method: 'written',
              date: '2026-11-20',
            };
            ok(await worker.post(`/api/v1/children/${id}/actions`, { action: consent }), 'photo consent');
          }
          const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(pixels)]);
          const put = await h.app.inject({
            method: 'PUT',
            url: `/api/v1/children/${id}/photo`,
            headers: { cookie: `haven_session=${worker.cookie}`, 'x-csrf-token': worker.csrf ?? '', 'content-type': 'image/png' },
            payload: png,
          });
          assert.equal(put.statusCode, 204, put.body);
          const photo = await h.app.inject({
            method: 'GET',
            url: `/api/v1/children/${id}/photo`,
            headers: { cookie: `haven_session=${worker.cookie}` },
          });
          assert.equal(photo.statusCode, 200);
          assert.ok(photo.rawPayload.equals(png), 'the photo reads back byte for byte');
          const { child } = await readBack(worker, id);
          assert.equal(child.hasPhoto, true);
        },
      ),
      settings(Math.ceil(runs / 2)),
    );
  });
});

type CaseViewBody = { allowedActions: string[]; events: Json[]; plan: { actions: { id: string; status: string }[] } | null } & Json;

async function caseOf(client: Client, id: string): Promise<CaseViewBody> {
  const res = await client.get(`/api/v1/children/${id}/case`);
  ok(res, 'GET /children/:id/case');
  return res.body;
}

/** Who takes an action in the walk: supervisors approve, assign and override; the caseworker does the rest. */
function actorFor(type: CaseActionType): 'worker' | 'supervisor' {
  return ['case:approve', 'case:assign', 'case:override'].includes(actionPermission[type]) ? 'supervisor' : 'worker';
}

const pending = (view: CaseViewBody) =>
  Object.entries((view.approvals ?? {}) as Record<string, { status: string }>).find(([, a]) => a.status === 'pending')?.[0];

/** Turns the raw material into the action, with references taken from the case as it stands. */
const builders: Partial<Record<CaseActionType, (m: ActionMaterial, view: CaseViewBody) => Json>> = {
  opened: (m) => ({ type: 'opened', ...m.opened }),
  assigned: (m) => ({ type: 'assigned', userId: workerId, ...m.assigned }),
  transfer_requested: (m) => ({ type: 'transfer_requested', toUserId: colleagueId, ...m.transfer_requested }),
  screened: (m) => ({ type: 'screened', ...m.screened }),
  family_contact_reviewed: (m) => ({ type: 'family_contact_reviewed', ...m.family_contact_reviewed }),
  assessment_recorded: (m) => ({ type: 'assessment_recorded', ...m.assessment_recorded }),
  case_plan_recorded: (m) => ({ type: 'case_plan_recorded', ...m.case_plan_recorded }),
  plan_action_updated: (m, view) => {
    const actions = view.plan?.actions ?? [];
    const { pick, ...rest } = m.plan_action_updated;
    return { type: 'plan_action_updated', actionId: actions[pick % Math.max(1, actions.length)]?.id ?? 'none', ...rest };
  },
  approval_requested: (m) => ({ type: 'approval_requested', ...m.approval_requested }),
  approval_decided: (m, view) => ({ type: 'approval_decided', subject: pending(view) ?? 'assessment', ...m.approval_decided }),
  follow_up_recorded: (m) => ({ type: 'follow_up_recorded', ...m.follow_up_recorded }),
  review_recorded: (m) => ({ type: 'review_recorded', ...m.review_recorded }),
  note_added: (m) => ({ type: 'note_added', ...m.note_added }),
  care_status_changed: (m) => ({ type: 'care_status_changed', ...m.care_status_changed }),
  stage_changed: (m) => ({ type: 'stage_changed', ...m.stage_changed }),
  consent_recorded: (m) => ({ type: 'consent_recorded', ...m.consent_recorded }),
  consent_withdrawn: (m, view) => {
    const records = ((view.consents as Json)?.records ?? []) as { seq: number }[];
    return { type: 'consent_withdrawn', consentSeq: records[m.consent_withdrawn.pick % Math.max(1, records.length)]?.seq ?? 1 };
  },
  consent_overridden: (m) => ({ type: 'consent_overridden', ...m.consent_overridden }),
  closure_requested: (m, view) => {
    const open = (view.plan?.actions ?? []).filter((a) => a.status === 'planned' || a.status === 'in_progress');
    return {
      type: 'closure_requested',
      ...m.closure_requested,
      openActionReasons: Object.fromEntries(open.map((a) => [a.id, 'Moved on'])),
    };
  },
  reopened: (m) => ({ type: 'reopened', ...m.reopened }),
  transition_plan_recorded: (m) => ({ type: 'transition_plan_recorded', ...m.transition_plan_recorded }),
};
