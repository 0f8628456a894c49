import assert from 'node:assert/strict';
import { test } from 'node:test';
import { identityGeneration, identityWatch } from './identityWatch.ts';
import { buildOnlyDb } from './unitOfWork.ts';

const watched = buildOnlyDb.withPlugin(identityWatch());

/** Whether compiling (sending) the query moves the identity generation on. */
function moves(query: { compile(): unknown }): boolean {
  const before = identityGeneration();
  query.compile();
  return identityGeneration() !== before;
}

test('writes to users, roles, teams, agencies and session revocations invalidate cached sessions', () => {
  assert.ok(moves(watched.updateTable('app_user').set({ active: false }).where('id', '=', 'u')));
  assert.ok(moves(watched.updateTable('role').set({ name: 'x' }).where('id', '=', 'r')));
  assert.ok(moves(watched.deleteFrom('user_team').where('user_id', '=', 'u')));
  assert.ok(moves(watched.insertInto('user_team').values({ user_id: 'u', team_id: 't' })));
  assert.ok(moves(watched.updateTable('agency').set({ name: 'x' }).where('id', '=', 'a')));
  assert.ok(moves(watched.updateTable('session').set({ revoked_at: new Date() }).where('user_id', '=', 'u')));
  assert.ok(moves(watched.deleteFrom('session').where('user_id', '=', 'u')));
});

test('reads, other tables, a new session and keeping a session alive do not', () => {
  assert.ok(!moves(watched.selectFrom('app_user').selectAll()));
  assert.ok(!moves(watched.updateTable('child').set({ version: 2 }).where('id', '=', 'c')));
  const now = new Date();
  assert.ok(
    !moves(
      watched.insertInto('session').values({
        id: 's',
        user_id: 'u',
        state: 'active',
        created_at: now,
        last_seen_at: now,
        idle_expires_at: now,
        absolute_expires_at: now,
      }),
    ),
  );
  assert.ok(!moves(watched.updateTable('session').set({ last_seen_at: now, idle_expires_at: now }).where('id', '=', 's')));
});
