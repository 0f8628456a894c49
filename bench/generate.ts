import { randomBytes } from 'node:crypto';
import {
  type CaseEvent,
  type CaseEventData,
  caseTasks,
  defaultCasePolicy,
  foldCase,
  type NamePart,
  type RiskLevel,
  type Typology,
} from '@haven/domain';
import { sql } from 'kysely';
import { newRecordKey } from '../packages/server/src/crypto/envelope.ts';
import type { KeyRing } from '../packages/server/src/crypto/keyring.ts';
import type { Database } from '../packages/server/src/db/connect.ts';
import { childReference, uuidv7 } from '../packages/server/src/db/ids.ts';
import { caseColumns, eventRow, taskRows } from '../packages/server/src/db/repositories/caseProjection.ts';
import { childRecordAad, fieldAad, recordKeyField, sealValue } from '../packages/server/src/db/repositories/childRecord.ts';
import { nameIndex, nameKeys } from '../packages/server/src/db/repositories/nameKeys.ts';

/** Synthetic, realistic-looking children: names in several scripts, nationalities of the main routes. */
const givenNames = [
  'Amina',
  'Mohammed',
  'Fatima',
  'Yusuf',
  'Aisha',
  'Omar',
  'Zainab',
  'Abdullah',
  'Mariam',
  'Khaled',
  'محمد',
  'فاطمة',
  'أحمد',
  'ሰላም',
  'ዮናስ',
  'Dawit',
  'Hana',
  'Ali',
  'Sara',
  'Ibrahim',
];
const familyNames = ['Al-Hassan', 'Yusuf', 'Haddad', 'Tesfaye', 'Mohamed', 'Abdi', 'Kassem', 'Rahimi', 'Diallo', 'Traoré', 'الحسن', 'حداد'];
const nationalities = ['SY', 'AF', 'ER', 'SD', 'SO', 'IQ', 'GN', 'CI', 'ML', 'PK', 'BD', 'XXA'];
const sexes = ['female', 'male', 'male', 'female', 'unknown'] as const;
const risks: RiskLevel[] = ['low', 'medium', 'medium', 'high'];
const typologies: Typology[][] = [
  ['unaccompanied'],
  ['separated'],
  ['unaccompanied', 'asylum_seeker'],
  ['trafficking_presumed'],
  ['returnee'],
  ['internally_displaced'],
  ['refugee'],
];
const locations = ['GR-I-ATH', 'GR-I-PIR', 'GR-K-LES', 'GR-A-EVR'];

const pick = <T>(list: readonly T[], i: number): T => list[i % list.length] as T;

export interface Owner {
  userId: string;
  agencyId: string;
  teamId: string;
}

/** One case: its log (registered, screened, a note, sometimes more), folded exactly as the server does. */
function caseLog(i: number, owner: Owner, opened: Date): CaseEventData[] {
  const log: CaseEventData[] = [
    {
      type: 'registered',
      mode: 'full',
      firstContactAt: opened.toISOString(),
      encounterSetting: 'border_post',
      agencyId: owner.agencyId,
      assignedUserId: owner.userId,
      urgentConcern: false,
    },
  ];
  if (i % 20 === 0) return log; // not screened yet
  log.push({
    type: 'screened',
    riskLevel: pick(risks, i * 7),
    urgentProtectionConcern: i % 50 === 1,
    indicators: ['trauma_violence_en_route'],
    familyComplicit: false,
  });
  log.push({ type: 'note_added', category: 'general', text: `Home visit ${i}: settled in the shelter, attends school.` });
  if (i % 10 === 3) log.push({ type: 'closure_requested', reason: 'moved_lost_contact', openActionReasons: {} });
  if (i % 10 === 3) log.push({ type: 'approval_decided', subject: 'closure', decision: 'approved' });
  return log;
}

interface Generated {
  children: Record<string, unknown>[];
  events: Record<string, unknown>[];
  tasks: Record<string, unknown>[];
}

function generateCase(keys: KeyRing, owners: readonly Owner[], i: number, started: number, count: number, out: Generated): void {
  const id = uuidv7(started + i);
  const owner = pick(owners, i);
  const jurisdiction = 'GR';
  const opened = new Date(started - (count - i) * 30_000);
  const names: NamePart[] = [
    { type: 'given', value: pick(givenNames, i * 13 + (i >> 5)), romanisations: [] },
    { type: 'family', value: pick(familyNames, i * 31 + (i >> 7)), romanisations: [] },
  ];
  const birthDate = `${2008 + (i % 17)}-0${1 + (i % 9)}-1${i % 10}`;
  const { dek, wrapped } = newRecordKey(keys, childRecordAad(id));
  const key = () => dek;
  const sensitive = {
    [recordKeyField]: wrapped,
    names: sealValue(key, fieldAad(id, 'names'), names),
    birthDate: sealValue(key, fieldAad(id, 'birthDate'), birthDate),
    locationDetail: sealValue(key, fieldAad(id, 'locationDetail'), `Shelter ${i % 500}`),
  };
  const events: CaseEvent[] = caseLog(i, owner, opened).map((data, n) => ({
    seq: n + 1,
    at: new Date(opened.getTime() + n * 3_600_000).toISOString(),
    actorUserId: owner.userId,
    data,
  }));
  const state = foldCase(events);
  const tasks = caseTasks(state, defaultCasePolicy, birthDate);
  const ref = { jurisdiction, id, agency_id: owner.agencyId, team_id: owner.teamId };
  out.children.push({
    ...ref,
    reference: childReference(jurisdiction) + randomBytes(1).toString('hex'),
    sex: pick(sexes, i * 3),
    birth_year: Number(birthDate.slice(0, 4)),
    nationality: [pick(nationalities, i * 11)],
    typology: pick(typologies, i * 5),
    location_code: pick(locations, i * 17),
    profile: JSON.stringify({ age: { birthDatePrecision: 'exact', ageBasis: 'documented' } }),
    sensitive: JSON.stringify(sensitive),
    name_index: nameIndex(keys, names),
    name_keys: nameKeys(keys, names),
    created_by: owner.userId,
    created_at: opened,
    ...caseColumns(state, tasks),
  });
  for (const event of events) out.events.push(eventRow(key, ref, event));
  out.tasks.push(...taskRows(ref, state, tasks));
}

/** INSERT … SELECT FROM unnest(arrays): one parameter per column whatever the batch size. */
async function insertUnnest(database: Database, table: string, types: Record<string, string>, rows: Record<string, unknown>[]) {
  if (rows.length === 0) return;
  const columns = Object.keys(types);
  // Arrays of arrays cannot go through unnest; text[] columns travel as their literal form.
  const value = (row: Record<string, unknown>, column: string) => {
    const v = row[column] ?? null;
    return Array.isArray(v) ? `{${v.map((x) => `"${String(x)}"`).join(',')}}` : v;
  };
  const params = columns.map((c) => rows.map((r) => value(r, c)));
  const select = columns.map((c, n) => (types[c]?.endsWith('[]') ? `u${n}::${types[c]}` : `u${n}`)).join(', ');
  const unnest = columns.map((c, n) => `$${n + 1}::${types[c]?.endsWith('[]') ? 'text' : types[c]}[]`).join(', ');
  await database.pool.query(
    `INSERT INTO ${table} (${columns.join(', ')}) SELECT ${select} FROM unnest(${unnest}) AS u (${columns.map((_, n) => `u${n}`).join(', ')})`,
    params,
  );
}

const childTypes = {
  jurisdiction: 'text',
  id: 'uuid',
  reference: 'text',
  agency_id: 'uuid',
  team_id: 'uuid',
  owner_user_id: 'uuid',
  sex: 'text',
  birth_year: 'int',
  nationality: 'text[]',
  typology: 'text[]',
  location_code: 'text',
  profile: 'jsonb',
  sensitive: 'jsonb',
  name_index: 'text',
  name_keys: 'text[]',
  created_by: 'uuid',
  updated_by: 'uuid',
  created_at: 'timestamptz',
  updated_at: 'timestamptz',
  status: 'text',
  workflow_step: 'text',
  risk_level: 'text',
  urgent: 'boolean',
  next_due_at: 'timestamptz',
  pending_transfer_to: 'uuid',
  care_status: 'text',
  stage: 'text',
  first_contact_at: 'timestamptz',
  referred_at: 'timestamptz',
  opened_at: 'timestamptz',
  closed_at: 'timestamptz',
  merged_into: 'uuid',
  event_seq: 'int',
};
const eventTypes = {
  jurisdiction: 'text',
  child_id: 'uuid',
  seq: 'int',
  type: 'text',
  occurred_at: 'timestamptz',
  recorded_at: 'timestamptz',
  actor_user_id: 'uuid',
  field_group: 'text',
  data: 'jsonb',
};
const taskTypes = {
  jurisdiction: 'text',
  child_id: 'uuid',
  kind: 'text',
  ref: 'text',
  due_at: 'timestamptz',
  visible_from: 'timestamptz',
  assignee_user_id: 'uuid',
  for_supervisor: 'boolean',
  agency_id: 'uuid',
  team_id: 'uuid',
  risk_level: 'text',
};

/**
 * Loads `count` cases in bulk: each with real envelopes, blind name keys, an encrypted log of
 * 1–5 actions, and the derived columns and tasks computed by the same domain code the server runs.
 * Owned round-robin by `owners` (so a caseworker holds count / owners.length cases).
 */
export async function generateCases(
  database: Database,
  keys: KeyRing,
  owners: readonly Owner[],
  count: number,
  batch = 5000,
): Promise<void> {
  const started = Date.now();
  for (let offset = 0; offset < count; offset += batch) {
    const out: Generated = { children: [], events: [], tasks: [] };
    for (let i = offset; i < Math.min(count, offset + batch); i++) generateCase(keys, owners, i, started, count, out);
    for (const child of out.children) child.updated_by = child.created_by;
    for (const child of out.children) child.updated_at = child.created_at;
    await insertUnnest(database, 'child', childTypes, out.children);
    await insertUnnest(database, 'case_event', eventTypes, out.events);
    await insertUnnest(database, 'case_task', taskTypes, out.tasks);
  }
  await sql`ANALYZE child`.execute(database.db);
  await sql`ANALYZE case_event`.execute(database.db);
  await sql`ANALYZE case_task`.execute(database.db);
}
