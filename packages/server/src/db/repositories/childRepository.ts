import {
  type CaseEventData,
  type CasePolicy,
  type Child,
  type ChildInput,
  type ChildListQuery,
  type ChildUpdateInput,
  childFieldGroups,
  type FirstContactInput,
  fieldAccess,
  HavenError,
  holdsIdentityDocument,
  jurisdictionContains,
  type NamePart,
  occurredAtWithin,
  type RestrictedChildField,
  refuseAgeAtRegistration,
  refuseAgeEdit,
  registrationPath,
} from '@haven/domain';
import type { Updateable } from 'kysely';
import { childReference, uuidv7 } from '../ids.ts';
import type { ChildTable } from '../schema.ts';
import type { UnitOfWork } from '../unitOfWork.ts';
import { type Allowed, assertSearchable, authorize, can, purposeOf, requirePrincipal } from './access.ts';
import { ageOf, appendEvents, loadCase, writeNewCase } from './caseLog.ts';
import { childInScope } from './childInScope.ts';
import { listChildren } from './childList.ts';
import {
  type ChildProfile,
  type ChildRow,
  emptyProfile,
  fieldAad,
  legacyProtectionCategories,
  newRecord,
  profileOf,
  projectChild,
  readSealed,
  restrictedFields,
  sealValue,
  summarizeChild,
} from './childRecord.ts';
import { guarded, refuseWith } from './guardRefusals.ts';
import { nameIndex, nameKeys } from './nameKeys.ts';
import { notifyReferral, type ReferralAgency, referralAgency } from './referrals.ts';

type Receipt = { id: string; reference: string; createdAt: string };
type ReferralReceipt = Receipt & { referredTo: { id: string; name: string } };
type Registered = Extract<CaseEventData, { type: 'registered' }>;

/** Refuses a write that touches a field group the role may only read, or may not see. */
function assertWritable(decision: Allowed, fields: readonly RestrictedChildField[]): void {
  const blocked = fields.filter((f) => fieldAccess(decision, childFieldGroups[f]) !== 'write');
  if (blocked.length > 0) throw new HavenError('field_read_only', { fields: blocked });
}

/**
 * The restricted values an input carries, by sealed field name. A registration's empty lists and
 * absent date are not values (they are the defaults); in an update they clear the field.
 */
function restrictedValues(input: ChildUpdateInput, creating = false): Partial<Record<RestrictedChildField, unknown>> {
  const values: Partial<Record<RestrictedChildField, unknown>> = {};
  for (const field of restrictedFields) {
    const value = field === 'birthDate' ? input.age?.birthDate : input[field as keyof ChildUpdateInput];
    if (value === undefined || (creating && (value === null || (Array.isArray(value) && value.length === 0)))) continue;
    values[field] = value;
  }
  return values;
}

function profileFrom(input: ChildUpdateInput, base: ChildProfile): ChildProfile {
  const { birthDate: _sealed, ...age } = input.age ?? { ...base.age, birthDate: null };
  return {
    age,
    citizenshipStatus: input.citizenshipStatus ?? base.citizenshipStatus,
    countryOfBirth: input.countryOfBirth ?? base.countryOfBirth,
    languages: input.languages ?? base.languages,
    birthRegistration: input.birthRegistration ?? base.birthRegistration,
    movementType: input.movementType ?? base.movementType,
    drivers: input.drivers ?? base.drivers,
  };
}

/** An estimated date of birth that gives exactly the stated age today (never older: benefit of the doubt). */
function estimatedBirthDate(years: number, now: Date): string {
  const date = new Date(Date.UTC(now.getUTCFullYear() - years, now.getUTCMonth(), now.getUTCDate()));
  date.setUTCDate(date.getUTCDate() - 182);
  return date.toISOString().slice(0, 10);
}

/**
 * The only way to read or write child records. Every method evaluates the actor's policy,
 * limits rows to their scope, hides or protects field groups, encrypts restricted fields and
 * records an audit event in the same transaction. The case's log and its derived columns are
 * written with every change (caseLog.ts).
 */
export function childRepository(uow: UnitOfWork, policy: CasePolicy) {
  /** Seals the restricted values into `sensitive` (mutated) under the record's key. */
  function seal(key: () => Buffer, id: string, sensitive: Record<string, unknown>, values: Partial<Record<RestrictedChildField, unknown>>) {
    for (const [field, value] of Object.entries(values)) sensitive[field] = sealValue(key, fieldAad(id, field), value);
  }

  async function createCase(
    args: {
      jurisdiction: string;
      agencyId: string;
      teamId: string | null;
      input: ChildUpdateInput & { sex: Child['sex'] };
      typology: string[];
      nationality: string[];
      locationCode: string | null;
      events: (id: string) => CaseEventData[];
      /** When the case started, if it is recorded later (field work): deadlines run from then. */
      occurredAt?: Date;
    },
    decision: Allowed,
  ) {
    const principal = requirePrincipal(uow);
    const values = restrictedValues(args.input, true);
    assertWritable(decision, Object.keys(values) as RestrictedChildField[]);
    const id = uuidv7(uow.now.getTime());
    const { sensitive, key } = newRecord(uow.keys, id);
    seal(key, id, sensitive, values);
    const names = (values.names as NamePart[] | undefined) ?? [];
    const birthDate = (values.birthDate as string | undefined) ?? null;
    const profile = profileFrom(args.input, emptyProfile);
    const row = {
      jurisdiction: args.jurisdiction,
      id,
      reference: childReference(args.jurisdiction),
      agency_id: args.agencyId,
      team_id: args.teamId,
      owner_user_id: null,
      sex: args.input.sex,
      birth_year: birthDate ? Number(birthDate.slice(0, 4)) : null,
      nationality: args.nationality,
      typology: args.typology,
      location_code: args.locationCode,
      treated_as_child: true,
      profile: JSON.stringify(profile),
      sensitive: JSON.stringify(sensitive),
      name_index: nameIndex(uow.keys, names),
      name_keys: nameKeys(uow.keys, names),
      version: 1,
      created_by: principal.userId,
      updated_by: principal.userId,
      created_at: uow.now,
      updated_at: uow.now,
    };
    const columns = await writeNewCase(uow, row, key, args.events(id), policy, birthDate, args.occurredAt);
    uow.audit({
      jurisdiction: args.jurisdiction,
      action: 'create',
      resource: 'child',
      recordId: id,
      changedFields: Object.keys(args.input).filter((k) => args.input[k as keyof ChildUpdateInput] !== undefined),
    });
    const written: ChildRow = {
      ...row,
      ...columns,
      sensitive,
      profile: profile as unknown as Record<string, unknown>,
    } as ChildRow;
    return { receipt: { id, reference: row.reference, createdAt: uow.now.toISOString() }, row: written, values };
  }

  /** A registration entered after the encounter starts the case when the encounter happened. */
  function recordedLater(at: Date): Date {
    const accepted = occurredAtWithin(at, uow.now, policy);
    if (!accepted) throw new HavenError('validation_failed', { field: 'firstContactAt', backdateDays: policy.backdateDays });
    return accepted;
  }

  /**
   * Files the child with a child protection agency as a referral (R10–R13): no team and no holder
   * yet, the referral clock started, the agency's intake notified. The registrant gets a receipt.
   */
  async function refer(
    agency: ReferralAgency,
    args: Pick<Parameters<typeof createCase>[0], 'input' | 'typology' | 'nationality' | 'locationCode'> & {
      registered: Omit<Registered, 'type' | 'mode' | 'agencyId' | 'assignedUserId'>;
      followedBy?: CaseEventData[];
    },
  ): Promise<ReferralReceipt> {
    const decision = authorize(uow, 'create', 'child', { jurisdiction: agency.jurisdiction, recordId: null });
    const { registered, followedBy = [], ...rest } = args;
    const created = await createCase(
      {
        ...rest,
        jurisdiction: agency.jurisdiction,
        agencyId: agency.id,
        teamId: null,
        events: () => [
          { type: 'registered', mode: 'first_contact', agencyId: agency.id, assignedUserId: null, ...registered },
          ...followedBy,
        ],
      },
      decision,
    );
    await notifyReferral(uow, agency, { jurisdiction: agency.jurisdiction, id: created.receipt.id });
    return { ...created.receipt, referredTo: { id: agency.id, name: agency.name } };
  }

  return {
    /**
     * A full registration. A role that does case work opens the case in its agency, held by the
     * registrant; any other role refers the child as a first contact does (registrationPath).
     */
    async register(input: ChildInput): Promise<{ child: Child } | { receipt: Receipt | ReferralReceipt }> {
      const principal = requirePrincipal(uow);
      const jurisdiction = input.jurisdiction ?? principal.jurisdiction;
      const decision = authorize(uow, 'create', 'child', { jurisdiction, recordId: null });
      if (!jurisdictionContains(principal.jurisdiction, jurisdiction)) throw new HavenError('forbidden', { field: 'jurisdiction' });
      await guarded(uow, { jurisdiction, action: 'create', resource: 'child', recordId: null }, async () =>
        refuseWith(refuseAgeAtRegistration(input.age, uow.now)),
      );
      const occurredAt = input.firstContactAt ? recordedLater(new Date(input.firstContactAt)) : uow.now;
      const registered = {
        firstContactAt: input.firstContactAt ?? uow.now.toISOString(),
        encounterSetting: input.encounterSetting ?? null,
        urgentConcern: false,
        careStatus: input.careStatus,
        stage: input.stage,
      };
      const profile = { input, typology: input.typology, nationality: input.nationality, locationCode: input.locationCode ?? null };
      if (registrationPath(principal, purposeOf(uow.actor, principal)) === 'referral') {
        // The registrant's teams are not the receiving agency's: its intake assigns the case.
        if (input.teamId) throw new HavenError('validation_failed', { field: 'teamId' });
        const agency = await referralAgency(uow, jurisdiction, input.referToAgencyId);
        return { receipt: await refer(agency, { ...profile, registered }) };
      }
      if (input.referToAgencyId) throw new HavenError('validation_failed', { field: 'referToAgencyId' });
      if (input.teamId && !principal.teamIds.includes(input.teamId)) throw new HavenError('forbidden', { field: 'teamId' });
      const created = await createCase(
        {
          ...profile,
          jurisdiction,
          agencyId: principal.agencyId,
          teamId: input.teamId ?? principal.teamIds[0] ?? null,
          events: () => [
            { type: 'registered', mode: 'full', agencyId: principal.agencyId, assignedUserId: principal.userId, ...registered },
          ],
          occurredAt,
        },
        decision,
      );
      // A role that works cases but may not read records back gets a receipt.
      if (!can(uow, 'read', 'child')) return { receipt: created.receipt };
      return { child: projectChild(uow.keys, decision, created.row, uow.now, created.values) };
    },

    /**
     * Quick first-contact registration (R10, R11): the record and an immediate referral to the
     * child protection agency; the registrant gets a receipt only.
     */
    async registerFirstContact(input: FirstContactInput): Promise<ReferralReceipt> {
      const principal = requirePrincipal(uow);
      const agency = await referralAgency(uow, principal.jurisdiction, input.referToAgencyId);
      const birthDate = input.birthDate ?? (input.approximateAge !== undefined ? estimatedBirthDate(input.approximateAge, uow.now) : null);
      const profileInput: ChildUpdateInput & { sex: Child['sex'] } = {
        sex: input.sex,
        ...(input.names.length > 0 ? { names: input.names } : {}),
        age: {
          birthDate,
          birthDatePrecision: input.birthDate ? 'exact' : birthDate ? 'estimated' : 'unknown',
          ageBasis: 'claimed',
          assessedMinAge: null,
          assessedMaxAge: null,
          assessmentConcluded: false,
          assessmentDate: null,
        },
        nationality: input.nationality,
      };
      return refer(agency, {
        input: profileInput,
        typology: input.typology,
        nationality: input.nationality,
        locationCode: input.locationCode ?? null,
        registered: {
          firstContactAt: input.firstContactAt,
          encounterSetting: input.encounterSetting,
          urgentConcern: input.urgentConcern,
          careStatus: input.careStatus,
          concerns: input.concerns,
        },
        followedBy: input.note ? [{ type: 'note_added', category: 'general', text: input.note }] : [],
      });
    },

    async get(id: string): Promise<Child> {
      const principal = requirePrincipal(uow);
      const decision = authorize(uow, 'read', 'child', { jurisdiction: principal.jurisdiction, recordId: id });
      const row = await childInScope(uow, id, decision, { action: 'read', resource: 'child' });
      uow.audit({ jurisdiction: row.jurisdiction, action: 'read', resource: 'child', recordId: id, changedFields: [] });
      return projectChild(uow.keys, decision, row, uow.now);
    },

    async list(query: ChildListQuery) {
      const principal = requirePrincipal(uow);
      const decision = authorize(uow, 'list', 'child', { jurisdiction: principal.jurisdiction, recordId: null });
      assertSearchable(uow, decision, query.name ? ['name'] : [], {
        jurisdiction: principal.jurisdiction,
        recordId: null,
        action: 'list',
        resource: 'child',
      });
      uow.audit({ jurisdiction: principal.jurisdiction, action: 'list', resource: 'child', recordId: null, changedFields: [] });
      const page = await listChildren(uow, decision, query);
      return { items: page.rows.map((row) => summarizeChild(uow.keys, decision, row, uow.now)), nextCursor: page.nextCursor };
    },

    async update(id: string, patch: ChildUpdateInput, expectedVersion: number | null): Promise<Child> {
      const principal = requirePrincipal(uow);
      const decision = authorize(uow, 'update', 'child', { jurisdiction: principal.jurisdiction, recordId: id });
      const changed = Object.keys(patch).filter((k) => patch[k as keyof ChildUpdateInput] !== undefined);
      const values = restrictedValues(patch);
      assertWritable(decision, Object.keys(values) as RestrictedChildField[]);
      const current = await childInScope(uow, id, decision, { action: 'update', resource: 'child', lock: true });
      if (expectedVersion !== null && current.version !== expectedVersion) throw new HavenError('version_conflict');
      // Categories still in the clear profile move into the sealed fields with this write (ADR 0019).
      const legacyCategories = legacyProtectionCategories(current);
      if (values.protectionCategories === undefined && legacyCategories) values.protectionCategories = legacyCategories;
      if (patch.teamId && !principal.teamIds.includes(patch.teamId)) throw new HavenError('forbidden', { field: 'teamId' });

      const loaded = await loadCase(uow, current);
      const { key } = loaded;
      if (patch.age) {
        const age = patch.age;
        const documents = (values.documents ?? readSealed(key, id, current.sensitive as Record<string, unknown>, 'documents')) as
          | Child['documents']
          | null;
        await guarded(uow, { jurisdiction: current.jurisdiction, action: 'update', resource: 'child', recordId: id }, async () =>
          refuseWith(refuseAgeEdit(ageOf(loaded), age, holdsIdentityDocument(documents), uow.now)),
        );
      }
      const sensitive = { ...(current.sensitive as Record<string, unknown>) };
      seal(key, id, sensitive, values);
      const names = (values.names as NamePart[] | undefined) ?? (readSealed(key, id, sensitive, 'names') as NamePart[] | null) ?? [];
      const birthDate = patch.age ? (patch.age.birthDate ?? null) : undefined;
      const changes: Updateable<ChildTable> = {
        ...(patch.sex ? { sex: patch.sex } : {}),
        ...(patch.nationality ? { nationality: patch.nationality } : {}),
        ...(patch.typology ? { typology: patch.typology } : {}),
        ...(patch.locationCode ? { location_code: patch.locationCode } : {}),
        ...(patch.teamId ? { team_id: patch.teamId } : {}),
        ...(birthDate !== undefined ? { birth_year: birthDate ? Number(birthDate.slice(0, 4)) : null } : {}),
        profile: JSON.stringify(profileFrom(patch, profileOf(current))),
        sensitive: JSON.stringify(sensitive),
        name_index: nameIndex(uow.keys, names),
        name_keys: nameKeys(uow.keys, names),
        version: current.version + 1,
      };
      const after = await appendEvents(
        uow,
        loaded,
        [{ type: 'profile_updated', fields: changed }],
        policy,
        changes,
        birthDate === undefined ? loaded.birthDate : birthDate,
      );
      uow.audit({ jurisdiction: current.jurisdiction, action: 'update', resource: 'child', recordId: id, changedFields: changed });
      return projectChild(uow.keys, decision, after.row, uow.now, values);
    },
  };
}
