import {
  type AgeInfo,
  ageInDoubt,
  ageInYears,
  type CaseSummary,
  type Child,
  type ChildSummary,
  childFieldGroups,
  disabilityIdentifier,
  eighteenthBirthday,
  fieldAccess,
  hiddenGroups,
  type NamePart,
  type RestrictedChildField,
  treatedAsChild,
  unknownAge,
} from '@haven/domain';
import type { Selectable } from 'kysely';
import { newRecordKey, openField, SealedField, sealField, unwrapRecordKey, WrappedKey } from '../../crypto/envelope.ts';
import type { KeyRing } from '../../crypto/keyring.ts';
import type { ChildTable } from '../schema.ts';
import type { Allowed } from './access.ts';

export type ChildRow = Selectable<ChildTable>;
export const restrictedFields = Object.keys(childFieldGroups) as RestrictedChildField[];

/** Where a record's wrapped data key sits among its sealed fields. */
export const recordKeyField = '_key';

/** `next_due_at` when nothing is due: a real date, so the column stays NOT NULL and indexable. */
export const nothingDue = new Date('9999-12-31T00:00:00Z');

export function childRecordAad(id: string): string {
  return `child:${id}`;
}

export function fieldAad(id: string, field: string): string {
  return `child:${id}:${field}`;
}

/**
 * A new record's data key, minted and wrapped at once: `sensitive` holds it before anything is
 * sealed under it, so whatever the first write seals (fields or only the log) is stored with its key.
 */
export function newRecord(keys: KeyRing, id: string): { sensitive: Record<string, unknown>; key: () => Buffer } {
  const { dek, wrapped } = newRecordKey(keys, childRecordAad(id));
  return { sensitive: { [recordKeyField]: wrapped }, key: () => dek };
}

/**
 * A stored record's data key: unwrapped at most once, and only if a field is actually read or
 * written. It is never minted here: a key minted on the way would seal data under a key that is
 * not stored, which no one could open again.
 */
export function recordKey(keys: KeyRing, id: string, sensitive: Record<string, unknown>): () => Buffer {
  let dek: Buffer | undefined;
  return () => {
    if (!dek) {
      const wrapped = sensitive[recordKeyField];
      if (!wrapped) throw new Error(`child record ${id} has no data key`);
      dek = unwrapRecordKey(keys, WrappedKey.parse(wrapped), childRecordAad(id));
    }
    return dek;
  };
}

/** Seals a JSON value under the record's key. */
export function sealValue(key: () => Buffer, aad: string, value: unknown): SealedField {
  return sealField(key(), JSON.stringify(value), aad);
}

export function openValue(key: () => Buffer, aad: string, sealed: unknown): unknown {
  const text = openField(key(), SealedField.parse(sealed), aad);
  try {
    return JSON.parse(text);
  } catch {
    return text; // a field sealed as plain text before values were JSON-encoded
  }
}

/**
 * Reads one restricted field. Records written before names became parts hold `givenName` and
 * `familyName`, and `location` before it became `locationDetail`: they are read as the new fields.
 */
export function readSealed(key: () => Buffer, id: string, sensitive: Record<string, unknown>, field: RestrictedChildField): unknown {
  if (sensitive[field] !== undefined) return openValue(key, fieldAad(id, field), sensitive[field]);
  if (field === 'names' && sensitive.givenName) {
    const parts: NamePart[] = [
      { type: 'given', value: String(openValue(key, fieldAad(id, 'givenName'), sensitive.givenName)), romanisations: [] },
    ];
    if (sensitive.familyName) {
      parts.push({ type: 'family', value: String(openValue(key, fieldAad(id, 'familyName'), sensitive.familyName)), romanisations: [] });
    }
    return parts;
  }
  if (field === 'locationDetail' && sensitive.location) return openValue(key, fieldAad(id, 'location'), sensitive.location);
  return null;
}

/** Given and family names first, then the chain, then the rest: how a name is shown in a list. */
export function displayName(names: readonly { type: string; value: string }[]): string {
  const order = ['given', 'father', 'grandfather', 'family', 'other', 'nickname'];
  return [...names]
    .sort((a, b) => order.indexOf(a.type) - order.indexOf(b.type))
    .filter((n) => n.type !== 'nickname' || names.length === 1)
    .map((n) => n.value)
    .join(' ');
}

/**
 * A name as a view shows it: `nameHidden` when the reader's role hides identity (`names` null);
 * otherwise the display name, absent when no name was recorded. The two never look alike.
 */
export function nameView(names: readonly { type: string; value: string }[] | null): { displayName?: string; nameHidden: boolean } {
  if (names === null) return { nameHidden: true };
  return names.length > 0 ? { displayName: displayName(names), nameHidden: false } : { nameHidden: false };
}

/** The clear, non-identifying profile kept in the `profile` column. */
export interface ChildProfile {
  age: Omit<AgeInfo, 'birthDate'>;
  citizenshipStatus: Child['citizenshipStatus'];
  countryOfBirth: string | null;
  languages: Child['languages'];
  birthRegistration: Child['birthRegistration'];
  movementType: Child['movementType'];
  drivers: Child['drivers'];
}

const { birthDate: _none, ...unknownAgeProfile } = unknownAge;

export const emptyProfile: ChildProfile = {
  age: unknownAgeProfile,
  citizenshipStatus: 'unknown',
  countryOfBirth: null,
  languages: [],
  birthRegistration: 'unknown',
  movementType: null,
  drivers: [],
};

/**
 * Protection categories of a record written before they were sealed (ADR 0019): still in the clear
 * profile until the record is next written.
 */
export function legacyProtectionCategories(row: Pick<ChildRow, 'profile'>): Child['protectionCategories'] {
  const stored = (row.profile ?? {}) as { protectionCategories?: Child['protectionCategories'] };
  return stored.protectionCategories?.length ? stored.protectionCategories : undefined;
}

export function profileOf(row: Pick<ChildRow, 'profile'>): ChildProfile {
  const { protectionCategories: _sealedNow, ...stored } = (row.profile ?? {}) as Partial<ChildProfile> & { protectionCategories?: unknown };
  return { ...emptyProfile, ...stored, age: { ...emptyProfile.age, ...(stored.age ?? {}) } };
}

export function caseSummary(row: SummaryRow, now: Date): CaseSummary {
  const due = row.next_due_at.getTime() >= nothingDue.getTime() ? null : row.next_due_at;
  return {
    status: row.status as CaseSummary['status'],
    step: row.workflow_step as CaseSummary['step'],
    riskLevel: row.risk_level as CaseSummary['riskLevel'],
    urgent: row.urgent,
    nextDueAt: due?.toISOString() ?? null,
    overdue: due !== null && due < now,
    firstContactAt: row.first_contact_at?.toISOString() ?? null,
    referredAt: row.referred_at?.toISOString() ?? null,
    openedAt: row.opened_at?.toISOString() ?? null,
    closedAt: row.closed_at?.toISOString() ?? null,
    mergedInto: row.merged_into,
  };
}

type Known = Partial<Record<RestrictedChildField, unknown>>;

/**
 * What a reader may see of a record: its restricted fields opened on demand (never the hidden
 * ones), and its age. The date of birth is opened even when identity is hidden, to derive the age
 * and the child status, but is returned only when visible. `known` holds plaintext the caller
 * already has (a record it just wrote), so it is not decrypted again.
 */
function readerView(keys: KeyRing, decision: Allowed, row: SummaryRow, now: Date, known: Known) {
  const sensitive = row.sensitive as Record<string, unknown>;
  const key = recordKey(keys, row.id, sensitive);
  const read = (field: RestrictedChildField) => (field in known ? known[field] : readSealed(key, row.id, sensitive, field));
  const hidden = new Set(hiddenGroups(decision.fields));
  const visible = (field: RestrictedChildField) => !hidden.has(childFieldGroups[field]);
  const profile = profileOf(row);
  const birthDate = (read('birthDate') as string | null) ?? null;
  const age: AgeInfo = { ...profile.age, birthDate };
  const years = ageInYears(age, now);
  const names = visible('names') ? ((read('names') as NamePart[] | null) ?? []) : null;
  return { read, hidden, visible, profile, birthDate, age, years, names };
}

/**
 * The name a reader may be shown of a record (work lists, duplicates, reviews): hidden when their
 * role hides identity, and then the names are not even opened. The same rule as the record itself.
 * `opened`: the names when the caller has already opened them (the matcher has).
 */
export function visibleName(
  keys: KeyRing,
  decision: Allowed,
  row: Pick<ChildRow, 'id' | 'sensitive'>,
  opened?: readonly { type: string; value: string }[],
): { displayName?: string; nameHidden: boolean } {
  if (fieldAccess(decision, childFieldGroups.names) === 'hidden') return nameView(null);
  if (opened) return nameView(opened);
  const sensitive = row.sensitive as Record<string, unknown>;
  return nameView((readSealed(recordKey(keys, row.id, sensitive), row.id, sensitive, 'names') as NamePart[] | null) ?? []);
}

/** The columns a list row needs: no blind keys, and of the sealed fields only the key, names and date of birth. */
export type SummaryRow = Omit<ChildRow, 'name_index' | 'name_keys'>;

/** A list row as the reader may see it: names and age, the case summary, the flags the row can tell. */
export function summarizeChild(keys: KeyRing, decision: Allowed, row: SummaryRow, now: Date): ChildSummary {
  const { hidden, profile, age, years, names } = readerView(keys, decision, row, now, {});
  const summary: ChildSummary = {
    id: row.id,
    reference: row.reference,
    jurisdiction: row.jurisdiction,
    agencyId: row.agency_id,
    teamId: row.team_id,
    assignedUserId: row.owner_user_id,
    sex: row.sex as Child['sex'],
    birthYear: row.birth_year,
    age: { years, treatedAsChild: treatedAsChild(age, now), inDoubt: ageInDoubt(age) },
    nationality: row.nationality,
    typology: row.typology as Child['typology'],
    careStatus: row.care_status as Child['careStatus'],
    stage: row.stage as Child['stage'],
    locationCode: row.location_code,
    ...nameView(names),
    case: caseSummary(row, now),
    flags: [],
    hiddenFieldGroups: [...hidden],
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
  summary.flags = childFlags(
    { age: summary.age, birthRegistration: profile.birthRegistration, citizenshipStatus: profile.citizenshipStatus },
    row,
    years,
  );
  return summary;
}

/** A child as the reader's role may see it, with every field their role shows. */
export function projectChild(keys: KeyRing, decision: Allowed, row: ChildRow, now: Date, known: Known = {}): Child {
  const { read, hidden, visible, profile, birthDate, age, years, names } = readerView(keys, decision, row, now, known);
  const child: Child = {
    id: row.id,
    reference: row.reference,
    jurisdiction: row.jurisdiction,
    agencyId: row.agency_id,
    teamId: row.team_id,
    assignedUserId: row.owner_user_id,
    version: row.version,
    sex: row.sex as Child['sex'],
    birthYear: row.birth_year,
    age: {
      ...profile.age,
      years,
      treatedAsChild: treatedAsChild(age, now),
      inDoubt: ageInDoubt(age),
      ...(visible('birthDate') ? { birthDate, eighteenthBirthday: birthDate ? eighteenthBirthday(birthDate) : null } : {}),
    },
    nationality: row.nationality,
    citizenshipStatus: profile.citizenshipStatus,
    countryOfBirth: profile.countryOfBirth,
    languages: profile.languages,
    birthRegistration: profile.birthRegistration,
    typology: row.typology as Child['typology'],
    careStatus: row.care_status as Child['careStatus'],
    stage: row.stage as Child['stage'],
    movementType: profile.movementType,
    drivers: profile.drivers,
    locationCode: row.location_code,
    ...nameView(names),
    case: caseSummary(row, now),
    flags: [],
    hiddenFieldGroups: [...hidden],
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
  if (names) child.names = names;
  if (visible('documents')) child.documents = (read('documents') as Child['documents']) ?? [];
  if (visible('locationDetail')) child.locationDetail = (read('locationDetail') as string | null) ?? null;
  if (visible('route')) child.route = (read('route') as Child['route']) ?? [];
  if (visible('legalStatus')) child.legalStatus = (read('legalStatus') as string | null) ?? null;
  if (visible('protectionNotes')) child.protectionNotes = (read('protectionNotes') as string | null) ?? null;
  if (visible('protectionCategories')) {
    child.protectionCategories = (read('protectionCategories') as Child['protectionCategories']) ?? legacyProtectionCategories(row) ?? [];
  }
  if (visible('disability')) {
    child.disability = (read('disability') as Child['disability']) ?? null;
    child.disabilityIdentified = child.disability ? disabilityIdentifier(child.disability, years).hasDisability : null;
  }
  if (fieldAccess(decision, 'photo') !== 'hidden') child.hasPhoto = row.has_photo;
  child.flags = childFlags(child, row, years);
  return child;
}

/** Alerts the record raises by itself: birth registration (R21), statelessness (R22), majority (R159). */
function childFlags(
  child: Pick<Child, 'birthRegistration' | 'citizenshipStatus' | 'documents'> & { age: Pick<Child['age'], 'inDoubt' | 'treatedAsChild'> },
  row: SummaryRow,
  years: number | null,
): Child['flags'] {
  const flags: Child['flags'] = [];
  if (child.age.inDoubt) flags.push('age_in_doubt');
  if (!child.age.treatedAsChild) flags.push('not_treated_as_child');
  const hasBirthCertificate = child.documents?.some((d) => d.type === 'birth_certificate' && d.held);
  if (
    child.birthRegistration === 'not_registered' ||
    (child.documents !== undefined && child.birthRegistration === 'unknown' && !hasBirthCertificate)
  ) {
    flags.push('birth_registration_referral');
  }
  const alone = row.typology.includes('unaccompanied') || row.typology.includes('separated');
  const nationalityUnknown = row.nationality.length === 0 || row.nationality.includes('XXX') || child.citizenshipStatus === 'undetermined';
  if (alone && nationalityUnknown) flags.push('statelessness_referral');
  const undocumented = child.citizenshipStatus === 'stateless' || row.nationality.includes('XXA') || hasBirthCertificate === false;
  if (years !== null && years >= 16 && years < 18 && undocumented) flags.push('approaching_majority');
  return flags;
}
