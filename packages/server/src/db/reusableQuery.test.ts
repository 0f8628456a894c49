import assert from 'node:assert/strict';
import { test } from 'node:test';
import { reusableQuery } from './reusableQuery.ts';
import { buildOnlyDb } from './unitOfWork.ts';

test('a reusable query compiles once and binds each call its own values, in the right places', () => {
  let builds = 0;
  const query = reusableQuery(2, (id: string, after: Date) => {
    builds++;
    return buildOnlyDb
      .selectFrom('session')
      .select('id')
      .where('user_id', '=', id)
      .where('idle_expires_at', '>', after)
      .where('absolute_expires_at', '>', after);
  });
  const t1 = new Date('2026-01-01T00:00:00Z');
  const t2 = new Date('2026-02-01T00:00:00Z');
  const first = query('u1', t1);
  const second = query('u2', t2);
  assert.equal(builds, 1);
  assert.equal(first.sql, second.sql);
  assert.match(first.sql, /\$1.*\$2.*\$3/s);
  assert.deepEqual(first.parameters, ['u1', t1, t1]);
  assert.deepEqual(second.parameters, ['u2', t2, t2]);
});

test('a builder that adds a value of its own is refused', () => {
  const query = reusableQuery(1, (id: string) =>
    buildOnlyDb.selectFrom('session').select('id').where('user_id', '=', id).where('state', '=', 'active'),
  );
  assert.throws(() => query('u1'), /every parameter must come from the arguments/);
});
