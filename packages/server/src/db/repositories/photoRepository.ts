import { ageInYears, type CasePolicy, consentFor, fieldAccess, HavenError } from '@haven/domain';
import { openBytes, sealBytes } from '../../crypto/envelope.ts';
import type { UnitOfWork } from '../unitOfWork.ts';
import { type Allowed, authorize, requirePrincipal } from './access.ts';
import { ageOf, appendEvents, type LoadedCase, loadCase } from './caseLog.ts';
import { childInScope } from './childInScope.ts';
import { recordKey } from './childRecord.ts';
import { guarded } from './guardRefusals.ts';

export const photoTypes = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type PhotoType = (typeof photoTypes)[number];

const photoAad = (id: string) => `child:${id}:photo`;

/** Whether the bytes are what the content type says (magic numbers), so nothing else is stored as a photo. */
export function looksLike(type: PhotoType, bytes: Buffer): boolean {
  switch (type) {
    case 'image/jpeg':
      return bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
    case 'image/png':
      return bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    case 'image/webp':
      return bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP';
  }
}

/**
 * The child's photo: field group `photo`, encrypted under the record's data key, taken, kept and
 * shown only with a valid consent for the photo scope (or a documented best-interests override).
 * A withdrawal erases it; a consent no longer valid for the child's age band hides it (ADR 0017).
 */
export function photoRepository(uow: UnitOfWork, policy: CasePolicy) {
  const { tx } = uow;

  function photoConsent(loaded: LoadedCase) {
    return consentFor(loaded.state, 'photo', ageInYears(ageOf(loaded), uow.now), policy);
  }

  function assertConsent(loaded: LoadedCase): void {
    const consent = photoConsent(loaded);
    if (!consent.valid) throw new HavenError('consent_required', { scope: 'photo', missing: consent.missing });
  }

  const deletePhoto = (row: LoadedCase['row']) =>
    tx.deleteFrom('child_photo').where('jurisdiction', '=', row.jurisdiction).where('child_id', '=', row.id).execute();

  function writable(): Allowed {
    const decision = authorize(uow, 'update', 'child', { jurisdiction: requirePrincipal(uow).jurisdiction, recordId: null });
    if (fieldAccess(decision, 'photo') !== 'write') throw new HavenError('field_read_only', { fields: ['photo'] });
    return decision;
  }

  async function change(id: string, decision: Allowed, store: (loaded: LoadedCase) => Promise<boolean>) {
    const loaded = await loadCase(uow, await childInScope(uow, id, decision, { action: 'update', resource: 'child', lock: true }));
    const hasPhoto = await store(loaded);
    await appendEvents(uow, loaded, [{ type: 'profile_updated', fields: ['photo'] }], policy, { has_photo: hasPhoto });
    uow.audit({ jurisdiction: loaded.row.jurisdiction, action: 'update', resource: 'child', recordId: id, changedFields: ['photo'] });
    return loaded;
  }

  return {
    async put(id: string, type: PhotoType, bytes: Buffer): Promise<void> {
      if (!looksLike(type, bytes)) throw new HavenError('unsupported_media_type', { expected: type });
      const decision = writable();
      await change(id, decision, async (loaded) => {
        const { row } = loaded;
        assertConsent(loaded);
        const key = recordKey(uow.keys, row.id, row.sensitive as Record<string, unknown>);
        const values = {
          content_type: type,
          sealed: sealBytes(key(), bytes, photoAad(row.id)),
          updated_by: requirePrincipal(uow).userId,
          updated_at: uow.now,
        };
        await tx
          .insertInto('child_photo')
          .values({ jurisdiction: row.jurisdiction, child_id: row.id, ...values })
          .onConflict((oc) => oc.columns(['jurisdiction', 'child_id']).doUpdateSet(values))
          .execute();
        return true;
      });
    },

    async remove(id: string): Promise<void> {
      await change(id, writable(), async ({ row }) => {
        await deletePhoto(row);
        return false;
      });
    },

    /** After a consent withdrawal (in the same transaction): a photo left without valid consent is erased. */
    async eraseWithoutConsent(loaded: LoadedCase): Promise<LoadedCase> {
      if (!loaded.row.has_photo || photoConsent(loaded).valid) return loaded;
      await deletePhoto(loaded.row);
      return appendEvents(uow, loaded, [{ type: 'profile_updated', fields: ['photo'] }], policy, { has_photo: false });
    },

    async get(id: string): Promise<{ type: PhotoType; bytes: Buffer }> {
      const decision = authorize(uow, 'read', 'child', { jurisdiction: requirePrincipal(uow).jurisdiction, recordId: id });
      if (fieldAccess(decision, 'photo') === 'hidden') throw new HavenError('forbidden', { fieldGroup: 'photo' });
      const loaded = await loadCase(uow, await childInScope(uow, id, decision, { action: 'read', resource: 'child' }));
      const { row } = loaded;
      await guarded(uow, { jurisdiction: row.jurisdiction, action: 'read', resource: 'child', recordId: id }, async () =>
        assertConsent(loaded),
      );
      const photo = await tx
        .selectFrom('child_photo')
        .selectAll()
        .where('jurisdiction', '=', row.jurisdiction)
        .where('child_id', '=', row.id)
        .executeTakeFirst();
      if (!photo) throw new HavenError('not_found');
      uow.audit({ jurisdiction: row.jurisdiction, action: 'read', resource: 'child', recordId: id, changedFields: ['photo'] });
      const key = recordKey(uow.keys, row.id, row.sensitive as Record<string, unknown>);
      return { type: photo.content_type as PhotoType, bytes: openBytes(key(), photo.sealed, photoAad(row.id)) };
    },
  };
}
