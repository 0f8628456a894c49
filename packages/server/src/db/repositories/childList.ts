import { birthYearsForAgeGroup, type ChildListQuery } from '@haven/domain';
import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { KeyRing } from '../../crypto/keyring.ts';
import type { DB } from '../schema.ts';
import type { UnitOfWork } from '../unitOfWork.ts';
import { type Allowed, requirePrincipal, rowScopeFilter } from './access.ts';
import type { SummaryRow } from './childRecord.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { nameKeys } from './nameKeys.ts';

type Eb = ExpressionBuilder<DB, 'child'>;

const summaryColumns = [
  'jurisdiction',
  'id',
  'reference',
  'agency_id',
  'team_id',
  'owner_user_id',
  'sex',
  'birth_year',
  'nationality',
  'profile',
  'version',
  'created_by',
  'updated_by',
  'created_at',
  'updated_at',
  'status',
  'workflow_step',
  'risk_level',
  'urgent',
  'next_due_at',
  'typology',
  'care_status',
  'stage',
  'location_code',
  'treated_as_child',
  'first_contact_at',
  'referred_at',
  'opened_at',
  'closed_at',
  'merged_into',
  'pending_transfer_to',
  'has_photo',
  'event_seq',
] as const;

const sortColumn = { due: 'next_due_at', created: 'created_at', updated: 'updated_at' } as const;

/** Each word of a searched name, as the blind phonetic keys any one of which a record must carry. */
function nameWordKeys(keys: KeyRing, name: string): string[][] {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => nameKeys(keys, [{ type: 'other', value: word, romanisations: [] }]))
    .filter((wordKeys) => wordKeys.length > 0);
}

/** Filters of the case list, each on an indexed column of `child`. */
function filters(eb: Eb, query: ChildListQuery, userId: string, now: Date, keys: KeyRing) {
  const conditions: Expression<SqlBool>[] = [eb('status', 'in', query.status ?? ['referred', 'open'])];
  if (query.risk) conditions.push(eb('risk_level', 'in', query.risk));
  if (query.sex) conditions.push(eb('sex', 'in', query.sex));
  if (query.typology) conditions.push(sql<SqlBool>`typology && ${sql.val(query.typology)}::text[]`);
  if (query.nationality) conditions.push(sql<SqlBool>`nationality && ${sql.val(query.nationality)}::text[]`);
  if (query.assignedUserId === 'none') conditions.push(eb('owner_user_id', 'is', null));
  else if (query.assignedUserId) conditions.push(eb('owner_user_id', '=', query.assignedUserId === 'me' ? userId : query.assignedUserId));
  if (query.location)
    conditions.push(eb.or([eb('location_code', '=', query.location), eb('location_code', 'like', `${query.location}-%`)]));
  if (query.overdue !== undefined) conditions.push(eb('next_due_at', query.overdue ? '<' : '>=', now));
  if (query.name) {
    const words = nameWordKeys(keys, query.name);
    if (words.length === 0) conditions.push(sql<SqlBool>`false`);
    for (const wordKeys of words) conditions.push(sql<SqlBool>`name_keys && ${sql.val(wordKeys)}::text[]`);
  }
  if (query.ageGroup) {
    conditions.push(
      eb.or(
        query.ageGroup.map((group) => {
          const years = birthYearsForAgeGroup(group, now);
          return eb.and([eb('birth_year', '>=', years.min), eb('birth_year', '<=', years.max)]);
        }),
      ),
    );
  }
  return eb.and(conditions);
}

/**
 * One page of the case list in the actor's row scope: keyset pagination on (sort column, id), so a
 * page costs the same at the millionth row as at the first.
 */
export async function listChildren(
  uow: UnitOfWork,
  decision: Allowed,
  query: ChildListQuery,
): Promise<{ rows: SummaryRow[]; nextCursor: string | null }> {
  const column = sortColumn[query.sort];
  const ascending = query.sort === 'due';
  const direction = ascending ? 'asc' : 'desc';
  let select = uow.tx
    .selectFrom('child')
    .select(summaryColumns)
    // Of the sealed fields, only what a list row opens: less to send and to parse.
    .select(
      sql<Record<string, unknown>>`jsonb_strip_nulls(jsonb_build_object('_key', sensitive->'_key', 'names', sensitive->'names',
        'birthDate', sensitive->'birthDate', 'givenName', sensitive->'givenName', 'familyName', sensitive->'familyName'))`.as('sensitive'),
    )
    .where(rowScopeFilter('child', decision.rows))
    .where((eb) => filters(eb, query, requirePrincipal(uow).userId, uow.now, uow.keys))
    .orderBy(column, direction)
    .orderBy('id', direction)
    .limit(query.limit + 1);
  if (query.cursor) {
    const after = decodeCursor(query.cursor);
    const beyond = ascending ? '>' : '<';
    // A row comparison, which PostgreSQL turns into one range scan of the composite index.
    select = select.where(sql<boolean>`(${sql.ref(column)}, id) ${sql.raw(beyond)} (${after.at}, ${after.id}::uuid)`);
  }
  // An audited read returns its rows unordered: order them as the index did.
  const sign = ascending ? 1 : -1;
  const rows = (await uow.read(select)).sort(
    (a, b) => sign * (a[column].getTime() - b[column].getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
  );
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    rows: page,
    nextCursor: rows.length > query.limit && last ? encodeCursor({ t: last[column].toISOString(), id: last.id }) : null,
  };
}
