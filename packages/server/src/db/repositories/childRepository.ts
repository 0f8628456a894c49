import {
  type Child,
  type ChildInput,
  type ChildUpdateInput,
  childFieldGroups,
  fieldAccess,
  HavenError,
  jurisdictionContains,
  type PageQuery,
  type RestrictedChildField,
} from '@haven/domain';
import type { Selectable } from 'kysely';
import { blindIndex, newRecordKey, openField, SealedField, sealField, unwrapRecordKey, WrappedKey } from '../../crypto/envelope.ts';
import { childReference, uuidv7 } from '../ids.ts';
import type { ChildTable } from '../schema.ts';
import type { UnitOfWork } from '../unitOfWork.ts';
import { type Allowed, authorize, can, requirePrincipal, rowScopeFilter } from './access.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';

type ChildRow = Selectable<ChildTable>;
const restrictedFields = Object.keys(childFieldGroups) as RestrictedChildField[];

function aad(id: string, field: string): string {
  return `child:${id}:${field}`;
}

/** Where a record's wrapped data key sits among its sealed fields. */
export const recordKeyField = '_key';

export function childRecordAad(id: string): string {
  return `child:${id}`;
}

/** The record's data key: unwrapped at most once, and only if a field is actually read or written. */
function recordKey(uow: UnitOfWork, id: string, sensitive: Record<string, unknown>): () => Buffer {
  let dek: Buffer | undefined;
  return () => {
    if (!dek) {
      const wrapped = sensitive[recordKeyField];
      if (wrapped) {
        dek = unwrapRecordKey(uow.keys, WrappedKey.parse(wrapped), childRecordAad(id));
      } else {
        const fresh = newRecordKey(uow.keys, childRecordAad(id));
        sensitive[recordKeyField] = fresh.wrapped;
        dek = fresh.dek;
      }
    }
    return dek;
  };
}

function readField(key: () => Buffer, id: string, sensitive: Record<string, unknown>, field: RestrictedChildField): string | null {
  const sealed = sensitive[field];
  return sealed ? openField(key(), SealedField.parse(sealed), aad(id, field)) : null;
}

function nameIndex(uow: UnitOfWork, given: string | undefined | null, family: string | undefined | null): string | null {
  const full = [given, family].filter(Boolean).join(' ');
  return full ? blindIndex(uow.keys, 'child.name', full) : null;
}

function birthYear(birthDate: string | undefined | null): number | null {
  return birthDate ? Number(birthDate.slice(0, 4)) : null;
}

/** Refuses a write that touches a field group the role may only read, or may not see. */
function assertWritable(decision: Allowed, fields: readonly string[]): void {
  const blocked = fields.filter(
    (f) => f in childFieldGroups && fieldAccess(decision, childFieldGroups[f as RestrictedChildField]) !== 'write',
  );
  if (blocked.length > 0) throw new HavenError('field_read_only', { fields: blocked });
}

/** `known` holds plaintext the caller already has (a record it just wrote), so it is not decrypted again. */
function project(uow: UnitOfWork, decision: Allowed, row: ChildRow, known: Partial<Record<RestrictedChildField, string>> = {}): Child {
  const sensitive = row.sensitive as Record<string, unknown>;
  const hidden = new Set(
    restrictedFields.filter((f) => fieldAccess(decision, childFieldGroups[f]) === 'hidden').map((f) => childFieldGroups[f]),
  );
  const child: Child = {
    id: row.id,
    reference: row.reference,
    jurisdiction: row.jurisdiction,
    agencyId: row.agency_id,
    teamId: row.team_id,
    ownerUserId: row.owner_user_id,
    version: row.version,
    sex: row.sex as Child['sex'],
    birthYear: row.birth_year,
    nationality: row.nationality,
    hiddenFieldGroups: [...hidden],
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
  const key = recordKey(uow, row.id, sensitive);
  for (const field of restrictedFields) {
    if (hidden.has(childFieldGroups[field])) continue;
    const value = known[field] ?? readField(key, row.id, sensitive, field);
    if (field === 'givenName') child.givenName = value ?? '';
    else child[field] = value;
  }
  return child;
}

/**
 * The only way to read or write child records. Every method evaluates the actor's policy,
 * limits rows to their scope, hides or protects field groups, encrypts restricted fields and
 * records an audit event in the same transaction.
 */
export function childRepository(uow: UnitOfWork) {
  const { tx } = uow;

  async function findInScope(id: string, decision: Allowed): Promise<ChildRow | undefined> {
    return tx.selectFrom('child').selectAll().where('id', '=', id).where(rowScopeFilter('child', decision.rows)).executeTakeFirst();
  }

  /** Out-of-scope and missing look the same (404); an out-of-scope attempt is audited as denied. */
  async function notFound(id: string, action: 'read' | 'update'): Promise<never> {
    const exists = await tx.selectFrom('child').select(['jurisdiction']).where('id', '=', id).executeTakeFirst();
    if (exists) uow.auditDenied({ jurisdiction: exists.jurisdiction, action, resource: 'child', recordId: id, changedFields: [] });
    throw new HavenError('not_found');
  }

  return {
    async create(input: ChildInput): Promise<{ child: Child } | { receipt: { id: string; reference: string; createdAt: string } }> {
      const principal = requirePrincipal(uow);
      const jurisdiction = input.jurisdiction ?? principal.jurisdiction;
      const decision = authorize(uow, 'create', 'child', { jurisdiction, recordId: null });
      if (!jurisdictionContains(principal.jurisdiction, jurisdiction)) throw new HavenError('forbidden', { field: 'jurisdiction' });
      if (input.teamId && !principal.teamIds.includes(input.teamId)) throw new HavenError('forbidden', { field: 'teamId' });
      const provided = restrictedFields.filter((f) => input[f] !== undefined);
      assertWritable(decision, provided);

      const id = uuidv7(uow.now.getTime());
      const sensitive: Record<string, unknown> = {};
      const plaintext: Partial<Record<RestrictedChildField, string>> = {};
      const key = recordKey(uow, id, sensitive);
      for (const field of provided) {
        plaintext[field] = String(input[field]);
        sensitive[field] = sealField(key(), plaintext[field], aad(id, field));
      }
      const row: ChildRow = {
        jurisdiction,
        id,
        reference: childReference(jurisdiction),
        agency_id: principal.agencyId,
        team_id: input.teamId ?? principal.teamIds[0] ?? null,
        owner_user_id: principal.userId,
        sex: input.sex,
        birth_year: birthYear(input.birthDate),
        nationality: input.nationality,
        sensitive,
        name_index: nameIndex(uow, input.givenName, input.familyName),
        version: 1,
        created_by: principal.userId,
        updated_by: principal.userId,
        created_at: uow.now,
        updated_at: uow.now,
      };
      await uow.write(tx.insertInto('child').values({ ...row, sensitive: JSON.stringify(sensitive) }));
      uow.audit({
        jurisdiction,
        action: 'create',
        resource: 'child',
        recordId: id,
        changedFields: ['sex', 'nationality', ...provided],
      });
      // A write-only registrant (e.g. a border official) gets a receipt, never the record back.
      if (!can(uow, 'read', 'child')) return { receipt: { id, reference: row.reference, createdAt: row.created_at.toISOString() } };
      return { child: project(uow, decision, row, plaintext) };
    },

    async get(id: string): Promise<Child> {
      const principal = requirePrincipal(uow);
      const decision = authorize(uow, 'read', 'child', { jurisdiction: principal.jurisdiction, recordId: id });
      const row = (await findInScope(id, decision)) ?? (await notFound(id, 'read'));
      uow.audit({ jurisdiction: row.jurisdiction, action: 'read', resource: 'child', recordId: id, changedFields: [] });
      return project(uow, decision, row);
    },

    async list(page: PageQuery): Promise<{ items: Child[]; nextCursor: string | null }> {
      const principal = requirePrincipal(uow);
      const decision = authorize(uow, 'list', 'child', { jurisdiction: principal.jurisdiction, recordId: null });
      let query = tx
        .selectFrom('child')
        .selectAll()
        .where(rowScopeFilter('child', decision.rows))
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(page.limit + 1);
      const after = page.cursor ? decodeCursor(page.cursor) : null;
      if (after) {
        query = query.where((eb) =>
          eb.or([eb('created_at', '<', new Date(after.t)), eb.and([eb('created_at', '=', new Date(after.t)), eb('id', '<', after.id)])]),
        );
      }
      const rows = await query.execute();
      const items = rows.slice(0, page.limit);
      const last = items.at(-1);
      uow.audit({ jurisdiction: principal.jurisdiction, action: 'list', resource: 'child', recordId: null, changedFields: [] });
      return {
        items: items.map((row) => project(uow, decision, row)),
        nextCursor: rows.length > page.limit && last ? encodeCursor({ t: last.created_at.toISOString(), id: last.id }) : null,
      };
    },

    async update(id: string, patch: ChildUpdateInput, expectedVersion: number | null): Promise<Child> {
      const principal = requirePrincipal(uow);
      const decision = authorize(uow, 'update', 'child', { jurisdiction: principal.jurisdiction, recordId: id });
      const changed = Object.keys(patch).filter((k) => patch[k as keyof ChildUpdateInput] !== undefined);
      assertWritable(decision, changed);
      const current = (await findInScope(id, decision)) ?? (await notFound(id, 'update'));
      if (expectedVersion !== null && current.version !== expectedVersion) throw new HavenError('version_conflict');
      if (patch.teamId && !principal.teamIds.includes(patch.teamId)) throw new HavenError('forbidden', { field: 'teamId' });

      const sensitive = { ...(current.sensitive as Record<string, unknown>) };
      const key = recordKey(uow, id, sensitive);
      for (const field of restrictedFields) {
        const value = patch[field];
        if (value !== undefined) sensitive[field] = sealField(key(), value, aad(id, field));
      }
      const given = patch.givenName ?? readField(key, id, sensitive, 'givenName');
      const family = patch.familyName ?? readField(key, id, sensitive, 'familyName');
      const row = await tx
        .updateTable('child')
        .set({
          ...(patch.sex ? { sex: patch.sex } : {}),
          ...(patch.nationality ? { nationality: patch.nationality } : {}),
          ...(patch.teamId ? { team_id: patch.teamId } : {}),
          ...(patch.birthDate !== undefined ? { birth_year: birthYear(patch.birthDate) } : {}),
          sensitive: JSON.stringify(sensitive),
          name_index: nameIndex(uow, given, family),
          version: current.version + 1,
          updated_by: principal.userId,
          updated_at: uow.now,
        })
        .where('jurisdiction', '=', current.jurisdiction)
        .where('id', '=', id)
        .where('version', '=', current.version)
        .returningAll()
        .executeTakeFirst();
      if (!row) throw new HavenError('version_conflict');
      uow.audit({ jurisdiction: current.jurisdiction, action: 'update', resource: 'child', recordId: id, changedFields: changed });
      return project(uow, decision, row);
    },

    /** Exact-name search through the blind index: no decryption of non-matching records. */
    async findByExactName(given: string, family: string | null): Promise<Child[]> {
      const principal = requirePrincipal(uow);
      const decision = authorize(uow, 'list', 'child', { jurisdiction: principal.jurisdiction, recordId: null });
      const index = nameIndex(uow, given, family);
      const rows = await tx
        .selectFrom('child')
        .selectAll()
        .where('name_index', '=', index)
        .where(rowScopeFilter('child', decision.rows))
        .limit(50)
        .execute();
      uow.audit({ jurisdiction: principal.jurisdiction, action: 'search', resource: 'child', recordId: null, changedFields: [] });
      return rows.map((row) => project(uow, decision, row));
    },
  };
}
