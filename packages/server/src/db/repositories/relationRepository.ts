import { type CasePolicy, fieldAccess, HavenError, type RelationInput, type RelationView } from '@haven/domain';
import type { KeyRing } from '../../crypto/keyring.ts';
import { uuidv7 } from '../ids.ts';
import type { UnitOfWork } from '../unitOfWork.ts';
import { type Allowed, authorize, requirePrincipal } from './access.ts';
import { appendEvents, loadCase } from './caseLog.ts';
import { childInScope } from './childInScope.ts';
import { type ChildRow, openValue, recordKey, sealValue } from './childRecord.ts';
import { guarded } from './guardRefusals.ts';

const relationAad = (childId: string, relationId: string, field: string) => `child:${childId}:relation:${relationId}:${field}`;

/** A link as stored, with the related child's reference. */
export interface StoredRelation {
  id: string;
  kind: string;
  relationship: string;
  accompanying: boolean;
  related_child_id: string | null;
  sensitive: unknown;
  created_at: string | Date;
  reference: string | null;
}

/** The child's links as the reader may see them: an adult's name and contact only with identity. */
export function relationViews(keys: KeyRing, row: ChildRow, read: Allowed, rows: readonly StoredRelation[]): RelationView[] {
  const identity = fieldAccess(read, 'identity') !== 'hidden';
  const key = recordKey(keys, row.id, row.sensitive as Record<string, unknown>);
  return rows.map((r) => {
    const sealed = r.sensitive as Record<string, unknown>;
    const open = (field: string) => (sealed[field] ? String(openValue(key, relationAad(row.id, r.id, field), sealed[field])) : null);
    return {
      id: r.id,
      kind: r.kind as RelationView['kind'],
      relationship: r.relationship as RelationView['relationship'],
      accompanying: r.accompanying,
      relatedChildId: r.related_child_id,
      relatedReference: r.reference ?? null,
      ...(identity && r.kind === 'adult' ? { name: open('name'), contact: open('contact') } : {}),
      createdAt: new Date(r.created_at).toISOString(),
    };
  });
}

/**
 * Household and family links (R24): siblings as links between two child records (both
 * directions), accompanying or related adults with their name and contact sealed under the
 * child's data key.
 */
export function relationRepository(uow: UnitOfWork) {
  const { tx } = uow;

  return {
    /** The siblings and accompanying adults the child is recorded with (relationship and sibling's reference only). */
    async together(row: ChildRow): Promise<{ kind: string; relationship: string; reference: string | null }[]> {
      return tx
        .selectFrom('child_relation as r')
        .leftJoin('child as c', (join) =>
          join.onRef('c.jurisdiction', '=', 'r.related_jurisdiction').onRef('c.id', '=', 'r.related_child_id'),
        )
        .select(['r.kind', 'r.relationship', 'c.reference'])
        .where('r.jurisdiction', '=', row.jurisdiction)
        .where('r.child_id', '=', row.id)
        .where((eb) => eb.or([eb('r.kind', '=', 'child'), eb('r.accompanying', '=', true)]))
        .execute();
    },

    async add(childId: string, input: RelationInput): Promise<string> {
      const principal = requirePrincipal(uow);
      const decision = authorize(uow, 'work', 'case', { jurisdiction: principal.jurisdiction, recordId: childId });
      const child = await childInScope(uow, childId, decision, { action: 'link', resource: 'case', lock: true });
      // A refusal from here on (self-link, already linked, the other child out of scope) is a denied attempt.
      const attempt = { jurisdiction: child.jurisdiction, action: 'link', resource: 'case' as const, recordId: childId };
      return guarded(uow, attempt, async () => {
        const id = uuidv7(uow.now.getTime());
        const base = {
          jurisdiction: child.jurisdiction,
          created_by: principal.userId,
          created_at: uow.now,
          relationship: input.relationship,
        };
        if (input.kind === 'child') {
          if (input.relatedChildId === childId) throw new HavenError('validation_failed', { field: 'relatedChildId' });
          const other = await childInScope(uow, input.relatedChildId, decision, { action: 'link', resource: 'case' });
          const exists = await tx
            .selectFrom('child_relation')
            .select('id')
            .where('child_id', '=', childId)
            .where('related_child_id', '=', other.id)
            .executeTakeFirst();
          if (exists) throw new HavenError('conflict', { reason: 'already_linked' });
          const link = (from: ChildRow, to: ChildRow, linkId: string) => ({
            ...base,
            id: linkId,
            jurisdiction: from.jurisdiction,
            child_id: from.id,
            kind: 'child',
            related_jurisdiction: to.jurisdiction,
            related_child_id: to.id,
            accompanying: true,
            sensitive: '{}',
          });
          await tx
            .insertInto('child_relation')
            .values([link(child, other, id), link(other, child, uuidv7(uow.now.getTime()))])
            .execute();
          uow.audit({
            jurisdiction: other.jurisdiction,
            action: 'link',
            resource: 'case',
            recordId: other.id,
            changedFields: ['relations'],
          });
        } else {
          const sensitive: Record<string, unknown> = {};
          const key = recordKey(uow.keys, child.id, child.sensitive as Record<string, unknown>);
          if (input.name) sensitive.name = sealValue(key, relationAad(child.id, id, 'name'), input.name);
          if (input.contact) sensitive.contact = sealValue(key, relationAad(child.id, id, 'contact'), input.contact);
          await tx
            .insertInto('child_relation')
            .values({
              ...base,
              id,
              child_id: child.id,
              kind: 'adult',
              accompanying: input.accompanying,
              sensitive: JSON.stringify(sensitive),
            })
            .execute();
        }
        uow.audit({ jurisdiction: child.jurisdiction, action: 'link', resource: 'case', recordId: child.id, changedFields: ['relations'] });
        return id;
      });
    },

    /**
     * Removes a link (both directions for a sibling). The separation warning rests on these links,
     * so the removal is logged on each child's case with who and why (ADR 0017).
     */
    async remove(childId: string, relationId: string, reason: string, policy: CasePolicy): Promise<void> {
      const principal = requirePrincipal(uow);
      const decision = authorize(uow, 'work', 'case', { jurisdiction: principal.jurisdiction, recordId: childId });
      const child = await childInScope(uow, childId, decision, { action: 'unlink', resource: 'case', lock: true });
      const relation = await tx
        .selectFrom('child_relation')
        .selectAll()
        .where('id', '=', relationId)
        .where('child_id', '=', child.id)
        .executeTakeFirst();
      if (!relation) throw new HavenError('not_found');
      await tx.deleteFrom('child_relation').where('id', '=', relationId).execute();
      const removed = (relatedChildId: string | null) =>
        ({
          type: 'relation_removed',
          kind: relation.kind === 'child' ? 'child' : 'adult',
          relationship: relation.relationship,
          relatedChildId,
          reason,
        }) as const;
      await appendEvents(uow, await loadCase(uow, child), [removed(relation.related_child_id)], policy);
      if (relation.related_child_id && relation.related_jurisdiction) {
        await tx
          .deleteFrom('child_relation')
          .where('child_id', '=', relation.related_child_id)
          .where('related_child_id', '=', child.id)
          .execute();
        // The sibling's own record is written as part of the link, whatever the actor's scope on it.
        const other = await tx
          .selectFrom('child')
          .selectAll()
          .where('jurisdiction', '=', relation.related_jurisdiction)
          .where('id', '=', relation.related_child_id)
          .forUpdate()
          .executeTakeFirst();
        if (other) {
          await appendEvents(uow, await loadCase(uow, other), [removed(child.id)], policy);
          uow.audit({
            jurisdiction: other.jurisdiction,
            action: 'unlink',
            resource: 'case',
            recordId: other.id,
            changedFields: ['relations'],
          });
        }
      }
      uow.audit({ jurisdiction: child.jurisdiction, action: 'unlink', resource: 'case', recordId: child.id, changedFields: ['relations'] });
    },
  };
}
