import { sql } from 'kysely';
import { globalJurisdiction } from '../../audit/hash.ts';
import { Envelope, open, rewrapRecordKey, seal, WrappedKey } from '../../crypto/envelope.ts';
import type { UnitOfWork } from '../unitOfWork.ts';
import { childRecordAad, recordKeyField } from './childRecord.ts';

/** Moves stored secrets to the active key, a batch at a time (key rotation). */
export function encryptionRepository(uow: UnitOfWork) {
  const { tx, keys } = uow;
  const reseal = (value: unknown, aad: string) => {
    const envelope = Envelope.parse(value);
    return envelope.kid === keys.activeKid ? envelope : seal(keys, open(keys, envelope, aad), aad);
  };

  return {
    /**
     * Re-wraps the data key of every child record still under an older key (fields are not
     * re-encrypted: they stay under their record's data key). Returns how many rows were rewritten
     * and where to continue, or null when done.
     */
    async rewrapChildKeys(after: { jurisdiction: string; id: string } | null, limit: number) {
      let query = tx
        .selectFrom('child')
        .select(['jurisdiction', 'id', 'sensitive'])
        .where(sql<string>`sensitive -> ${recordKeyField} ->> 'kid'`, '<>', keys.activeKid)
        .orderBy('jurisdiction')
        .orderBy('id')
        .limit(limit)
        .forUpdate();
      if (after) {
        query = query.where((eb) =>
          eb.or([
            eb('jurisdiction', '>', after.jurisdiction),
            eb.and([eb('jurisdiction', '=', after.jurisdiction), eb('id', '>', after.id)]),
          ]),
        );
      }
      const rows = await query.execute();
      for (const row of rows) {
        const sensitive = { ...(row.sensitive as Record<string, unknown>) };
        sensitive[recordKeyField] = rewrapRecordKey(keys, WrappedKey.parse(sensitive[recordKeyField]), childRecordAad(row.id));
        await tx
          .updateTable('child')
          .set({ sensitive: JSON.stringify(sensitive) })
          .where('jurisdiction', '=', row.jurisdiction)
          .where('id', '=', row.id)
          .execute();
      }
      if (rows.length > 0) {
        uow.audit({
          jurisdiction: globalJurisdiction,
          action: 'rewrap_keys',
          resource: 'child',
          recordId: null,
          changedFields: ['sensitive'],
        });
      }
      const last = rows.at(-1);
      return { rewritten: rows.length, next: rows.length === limit && last ? { jurisdiction: last.jurisdiction, id: last.id } : null };
    },

    async reencryptMfaSecrets(): Promise<number> {
      const users = await tx.selectFrom('app_user').select(['id', 'mfa_secret']).where('mfa_secret', 'is not', null).forUpdate().execute();
      let rewritten = 0;
      for (const user of users) {
        const next = reseal(user.mfa_secret, `app_user:${user.id}:mfa_secret`);
        if (next.kid === Envelope.parse(user.mfa_secret).kid) continue;
        await tx
          .updateTable('app_user')
          .set({ mfa_secret: JSON.stringify(next) })
          .where('id', '=', user.id)
          .execute();
        rewritten++;
      }
      if (rewritten > 0) {
        uow.audit({
          jurisdiction: globalJurisdiction,
          action: 'reencrypt',
          resource: 'user',
          recordId: null,
          changedFields: ['mfa_secret'],
        });
      }
      return rewritten;
    },

    /** Key ids still referenced by any stored envelope. */
    async keysInUse(): Promise<Set<string>> {
      const child = await tx
        .selectFrom('child')
        .select((eb) => eb.fn<string>('jsonb_path_query', ['sensitive', eb.val('$.*.kid')]).as('kid'))
        .distinct()
        .execute();
      const users = await tx
        .selectFrom('app_user')
        .select((eb) =>
          eb
            .ref('mfa_secret', '->>')
            .key('kid' as never)
            .as('kid'),
        )
        .distinct()
        .execute();
      return new Set([...child, ...users].map((r) => String(r.kid ?? '').replaceAll('"', '')).filter(Boolean));
    },
  };
}
