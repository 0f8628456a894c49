import { randomBytes } from 'node:crypto';
import { type Insertable, sql } from 'kysely';
import type { ChildTable } from '../packages/server/src/db/schema.ts';
import { blindIndex, newRecordKey, sealField } from '../packages/server/src/crypto/envelope.ts';
import { childRecordAad, recordKeyField } from '../packages/server/src/db/repositories/childRecord.ts';
import type { KeyRing } from '../packages/server/src/crypto/keyring.ts';
import type { Database } from '../packages/server/src/db/connect.ts';
import { childReference, uuidv7 } from '../packages/server/src/db/ids.ts';

/** One INSERT … SELECT FROM unnest(arrays): one parameter per column, whatever the batch size. */
async function insertChildren(database: Database, rows: Insertable<ChildTable>[]): Promise<void> {
  const column = <K extends keyof Insertable<ChildTable>>(key: K) => rows.map((r) => r[key] ?? null);
  await database.pool.query(
    `INSERT INTO child (jurisdiction, id, reference, agency_id, team_id, owner_user_id, sex, birth_year, nationality,
                        sensitive, name_index, created_by, updated_by, created_at, updated_at)
     SELECT j, i, r, a, t, o, s, b, string_to_array(n, ','), e::jsonb, x, o, o, c, c
     FROM unnest($1::text[], $2::uuid[], $3::text[], $4::uuid[], $5::uuid[], $6::uuid[], $7::text[], $8::int[],
                 $9::text[], $10::text[], $11::text[], $12::timestamptz[]) AS u (j, i, r, a, t, o, s, b, n, e, x, c)`,
    [
      column('jurisdiction'),
      column('id'),
      column('reference'),
      column('agency_id'),
      column('team_id'),
      column('owner_user_id'),
      column('sex'),
      column('birth_year'),
      rows.map((r) => (r.nationality ?? []).join(',')),
      column('sensitive'),
      column('name_index'),
      column('created_at'),
    ],
  );
}

/** Synthetic, realistic-looking children: names from several scripts, nationalities of main routes. */
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
const sexes = ['female', 'male', 'male', 'female', 'unknown'];
const jurisdictions = ['GR', 'GR-I', 'GR-K', 'IT', 'ES'];

const pick = <T>(list: readonly T[], i: number): T => list[i % list.length] as T;

/**
 * Loads `count` child records in bulk (multi-row INSERTs of `batch` rows inside one transaction per
 * batch), with real encrypted fields and blind indexes, owned round-robin by the given users.
 */
export async function generateChildren(
  database: Database,
  keys: KeyRing,
  owners: readonly { userId: string; agencyId: string; teamId: string }[],
  count: number,
  batch = 5000,
): Promise<void> {
  const started = Date.now();
  for (let offset = 0; offset < count; offset += batch) {
    const rows: Insertable<ChildTable>[] = [];
    for (let i = offset; i < Math.min(count, offset + batch); i++) {
      const id = uuidv7(started + i);
      const owner = pick(owners, i);
      const jurisdiction = pick(jurisdictions, i * 7);
      const given = pick(givenNames, i * 13 + (i >> 5));
      const family = pick(familyNames, i * 31 + (i >> 7));
      const year = 2008 + (i % 17);
      const { dek, wrapped } = newRecordKey(keys, childRecordAad(id));
      const sensitive = {
        [recordKeyField]: wrapped,
        givenName: sealField(dek, given, `child:${id}:givenName`),
        familyName: sealField(dek, family, `child:${id}:familyName`),
        birthDate: sealField(dek, `${year}-0${1 + (i % 9)}-1${i % 10}`, `child:${id}:birthDate`),
        location: sealField(dek, `Site ${i % 500}`, `child:${id}:location`),
      };
      rows.push({
        jurisdiction,
        id,
        reference: childReference(jurisdiction) + randomBytes(1).toString('hex'),
        agency_id: owner.agencyId,
        team_id: owner.teamId,
        owner_user_id: owner.userId,
        sex: pick(sexes, i * 3),
        birth_year: year,
        nationality: [pick(nationalities, i * 11)],
        sensitive: JSON.stringify(sensitive),
        name_index: blindIndex(keys, 'child.name', `${given} ${family}`),
        created_by: owner.userId,
        updated_by: owner.userId,
        created_at: new Date(started - (count - i) * 1000),
      });
    }
    await insertChildren(database, rows);
  }
  await sql`ANALYZE child`.execute(database.db);
}
