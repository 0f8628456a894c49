import { sql } from 'kysely';
import { generateCases } from '../generate.ts';
import type { BenchResult } from '../run.ts';
import { benchKeys, benchOrganisation, machine, scratchDatabase } from './setup.ts';

/**
 * The synthetic data generator's speed: N realistic child records with real encryption and blind
 * indexes (BENCH_ROWS, default 100,000; 1,000,000 works) against the raw floor, an INSERT … SELECT
 * generate_series of the same number of rows without encryption, on the same database.
 */
export async function bulkLoad({ quick }: { quick: boolean }): Promise<BenchResult> {
  const count = Number(process.env.BENCH_ROWS ?? (quick ? 20_000 : 100_000));
  const scratch = await scratchDatabase();
  const keys = benchKeys();
  const owners = await benchOrganisation({ db: scratch.database.db, keys, clock: { now: () => new Date() } }, 8);
  const first = owners[0];
  if (!first) throw new Error('no owners');

  let started = performance.now();
  await sql`INSERT INTO child (jurisdiction, id, reference, agency_id, team_id, owner_user_id, sex, birth_year, nationality, sensitive, created_by, updated_by)
            SELECT 'ZZ', gen_random_uuid(), 'RAW-' || g, ${first.agencyId}, ${first.teamId}, ${first.userId}, 'female', 2010, '{SD}', '{}', ${first.userId}, ${first.userId}
            FROM generate_series(1, ${count}) g`.execute(scratch.database.db);
  const rawSeconds = (performance.now() - started) / 1000;
  await sql`DELETE FROM child WHERE jurisdiction = 'ZZ'`.execute(scratch.database.db);

  started = performance.now();
  await generateCases(scratch.database, keys, owners, count);
  const generatorSeconds = (performance.now() - started) / 1000;
  await scratch.drop();
  return {
    name: 'bulk-load',
    engine: scratch.engine,
    machine,
    rows: [
      {
        rows: count,
        'generator rows/s': Math.round(count / generatorSeconds),
        'raw INSERT…SELECT rows/s': Math.round(count / rawSeconds),
        'ratio generator/raw': Number((rawSeconds / generatorSeconds).toFixed(2)),
        'generator seconds': Number(generatorSeconds.toFixed(1)),
      },
    ],
    notes: [
      "Each generated case has three sealed fields (AES-256-GCM under its own data key), blind name keys across scripts, an encrypted log of 1–5 actions and its derived tasks, computed by the server's own domain code; the raw floor inserts bare rows.",
    ],
  };
}
