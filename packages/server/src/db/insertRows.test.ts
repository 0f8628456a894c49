import assert from 'node:assert/strict';
import { test } from 'node:test';
import { insertRows } from './insertRows.ts';
import { buildOnlyDb } from './unitOfWork.ts';

const due = new Date('2026-11-23T10:00:00Z');
const task = (kind: string) => ({
  jurisdiction: 'GR',
  child_id: '0190a000-0000-7000-8000-000000000001',
  kind,
  due_at: due,
  agency_id: '0190a000-0000-7000-8000-000000000002',
  team_id: null,
  for_supervisor: kind === 'approve',
});

test('insertRows sends the same SQL and parameters as the query builder', () => {
  const rows = [task('screen'), task('approve')];
  const fast = insertRows(buildOnlyDb, 'case_task', rows).compile();
  const built = buildOnlyDb.insertInto('case_task').values(rows).compile();
  assert.equal(fast.sql, built.sql);
  assert.deepEqual(fast.parameters, built.parameters);
  // Arrays and JSON text stay one parameter each, as the builder sends them.
  const event = {
    jurisdiction: 'GR',
    child_id: 'c',
    seq: 1,
    type: 'registered',
    occurred_at: due,
    recorded_at: due,
    actor_user_id: null,
    data: '{"v":1}',
  };
  assert.deepEqual(
    insertRows(buildOnlyDb, 'case_event', [event]).compile().parameters,
    buildOnlyDb.insertInto('case_event').values(event).compile().parameters,
  );
});

test('a column missing from one row gets its DEFAULT, as with the query builder', () => {
  const { ref: _ref, ...noRef } = { ...task('screen'), ref: 'x' };
  const rows = [{ ...task('plan'), ref: 'a' }, noRef];
  const fast = insertRows(buildOnlyDb, 'case_task', rows).compile();
  const built = buildOnlyDb.insertInto('case_task').values(rows).compile();
  assert.equal(fast.sql, built.sql);
  assert.deepEqual(fast.parameters, built.parameters);
});

test('the tables a session is built from are refused: the identity watch must see their writes', () => {
  assert.throws(() => insertRows(buildOnlyDb, 'app_user', [{} as never]), /query builder/);
  assert.throws(() => insertRows(buildOnlyDb, 'case_task', []), /no rows/);
});
