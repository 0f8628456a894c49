import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createHarness, type Harness, signIn } from './support/harness.ts';

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
