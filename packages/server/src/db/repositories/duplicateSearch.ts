import {
  comparePersons,
  type DuplicateCandidate,
  duplicateDisclosure,
  type MatchResult,
  type NamePart,
  type PersonDescriptor,
  type Principal,
  type RecordOwnership,
  type RowScope,
} from '@haven/domain';
import { type SqlBool, sql } from 'kysely';
import type { UnitOfWork } from '../unitOfWork.ts';
import { type Allowed, rowScopeFilter } from './access.ts';
import { birthDateOf } from './caseLog.ts';
import { type ChildRow, profileOf, readSealed, recordKey, visibleName } from './childRecord.ts';

export function ownershipOf(
  row: Pick<ChildRow, 'jurisdiction' | 'agency_id' | 'team_id' | 'owner_user_id' | 'pending_transfer_to'>,
): RecordOwnership {
  return {
    jurisdiction: row.jurisdiction,
    agencyId: row.agency_id,
    teamId: row.team_id,
    ownerUserId: row.owner_user_id,
    pendingTransferTo: row.pending_transfer_to,
  };
}

/** What the matcher compares of a record. Opened for matching only, never returned as such. */
export function personDescriptor(uow: UnitOfWork, row: ChildRow): PersonDescriptor {
  const sensitive = row.sensitive as Record<string, unknown>;
  const key = recordKey(uow.keys, row.id, sensitive);
  const profile = profileOf(row);
  return {
    names: (readSealed(key, row.id, sensitive, 'names') as NamePart[] | null) ?? [],
    sex: row.sex as PersonDescriptor['sex'],
    birthDate: birthDateOf(uow, row, key),
    birthDatePrecision: profile.age.birthDatePrecision,
    ageRange:
      profile.age.assessedMinAge !== null
        ? { min: profile.age.assessedMinAge, max: profile.age.assessedMaxAge ?? profile.age.assessedMinAge }
        : null,
    asOf: profile.age.assessmentDate ?? uow.now.toISOString().slice(0, 10),
    nationality: row.nationality,
  };
}

/**
 * Where a duplicate search looks: the searcher's whole jurisdiction (sub-jurisdictions included),
 * whatever their row scope, so a colleague's or another office's registration is not missed. A
 * wider row scope (all) stays as wide.
 */
export function duplicateSearchScope(principal: Principal, rows: RowScope): RowScope {
  return rows.kind === 'all' ? rows : { kind: 'jurisdiction', jurisdiction: principal.jurisdiction };
}

type MatchedRow = ChildRow & { agency_name: string };

/** Active records in the search scope sharing a blind name key with the subject, with the matcher's verdict. */
async function matches(uow: UnitOfWork, subject: PersonDescriptor, keys: readonly string[], scope: RowScope, exclude: string | null) {
  if (keys.length === 0) return [];
  let query = uow.tx
    .selectFrom('child')
    .innerJoin('agency', 'agency.id', 'child.agency_id')
    .selectAll('child')
    .select('agency.name as agency_name')
    .where(sql<SqlBool>`child.name_keys && ${sql.val([...keys])}::text[]`)
    .where('child.status', '<>', 'merged')
    .where(rowScopeFilter('child', scope))
    .limit(500);
  if (exclude) query = query.where('child.id', '<>', exclude);
  const rows: MatchedRow[] = await query.execute();
  return rows
    .map((row) => {
      const person = personDescriptor(uow, row);
      return { row, person, match: comparePersons(subject, person) };
    })
    .filter(
      (m): m is { row: MatchedRow; person: PersonDescriptor; match: MatchResult & { likelihood: 'likely' | 'possible' } } =>
        m.match.likelihood !== 'unlikely',
    )
    .sort((a, b) => b.match.score - a.match.score)
    .slice(0, 20);
}

/**
 * Possible duplicates of a subject across the searcher's jurisdiction. A record in their row scope
 * is shown through the same field projection as everywhere else (no name when identity is hidden);
 * a record outside it is disclosed as a reference only, and that disclosure is audited on the
 * record's own jurisdiction.
 */
export async function findDuplicates(
  uow: UnitOfWork,
  principal: Principal,
  decision: Allowed,
  subject: PersonDescriptor,
  keys: readonly string[],
  exclude: string | null,
): Promise<DuplicateCandidate[]> {
  const found = await matches(uow, subject, keys, duplicateSearchScope(principal, decision.rows), exclude);
  return found.map(({ row, person, match }): DuplicateCandidate => {
    if (duplicateDisclosure(decision.rows, ownershipOf(row)) === 'reference') {
      uow.audit({ jurisdiction: row.jurisdiction, action: 'duplicate_disclosed', resource: 'child', recordId: row.id, changedFields: [] });
      return {
        scope: 'reference',
        childId: row.id,
        reference: row.reference,
        agencyId: row.agency_id,
        agencyName: row.agency_name,
        likelihood: match.likelihood,
      };
    }
    return {
      scope: 'record',
      childId: row.id,
      reference: row.reference,
      ...visibleName(uow.keys, decision, row, person.names),
      sex: row.sex,
      birthYear: row.birth_year,
      nationality: row.nationality,
      status: row.status,
      score: Math.round(match.score * 1000) / 1000,
      likelihood: match.likelihood,
      reasons: match.reasons,
    };
  });
}
