import { buildApp } from '../../packages/server/src/app.ts';
import type { Database } from '../../packages/server/src/db/connect.ts';
import { type Client, signIn, TestClock, testAuthSettings } from '../../packages/server/test/support/harness.ts';
import { generateCases } from '../generate.ts';
import type { BenchResult } from '../run.ts';
import { benchKeys, benchOrganisation, machine, scratchDatabase } from './setup.ts';

/** p50 and p95 in milliseconds of `run`, called `n` times after `warm` unmeasured calls. */
async function percentiles(n: number, warm: number, run: (i: number) => Promise<void>) {
  for (let i = 0; i < warm; i++) await run(i);
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    await run(i);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => Number((times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0).toFixed(2));
  return { p50: at(0.5), p95: at(0.95) };
}

/** The raw floors: the same rows read with hand-written SQL on the same pool, no policy, no decryption. */
function rawQueries(database: Database) {
  return {
    firstPage: (ownerId: string) =>
      database.pool.query(`SELECT * FROM child WHERE owner_user_id = $1 AND status = 'open' ORDER BY next_due_at, id LIMIT 26`, [ownerId]),
    filtered: (teamId: string) =>
      database.pool.query(
        `SELECT * FROM child WHERE team_id = $1 AND status = 'open' AND risk_level = 'high' AND typology && '{unaccompanied}'::text[]
         ORDER BY next_due_at, id LIMIT 26`,
        [teamId],
      ),
    casePage: async (id: string) => {
      await database.pool.query(`SELECT * FROM child WHERE id = $1`, [id]);
      await database.pool.query(`SELECT * FROM case_event WHERE jurisdiction = 'GR' AND child_id = $1 ORDER BY seq`, [id]);
    },
  };
}

/**
 * Reading cases at scale (BENCH_ROWS cases, default 100,000; the figure is 1,000,000): a
 * caseworker's first page (25 open cases by due date), a supervisor's filtered list (high risk,
 * unaccompanied, in their team) and a case page (record, decrypted log, tasks, links), each as
 * server time through the whole HTTP stack in process (session, policy, audit, decryption,
 * serialisation), against the raw SQL for the same rows in the same run.
 */
export async function caseRead({ quick }: { quick: boolean }): Promise<BenchResult> {
  const count = Number(process.env.BENCH_ROWS ?? (quick ? 20_000 : 100_000));
  const iterations = quick ? 200 : 1000;
  const scratch = await scratchDatabase();
  const keys = benchKeys();
  const deps = { db: scratch.database.db, keys, clock: { now: () => new Date() } };
  // About 50 cases per caseworker, in teams of 10 (a realistic caseload and supervision span).
  const workers = await benchOrganisation(deps, Math.max(10, Math.round(count / 50)), 10);
  const loadStarted = performance.now();
  await generateCases(scratch.database, keys, workers, count);
  const loadSeconds = (performance.now() - loadStarted) / 1000;

  const { app } = await buildApp({
    database: scratch.database,
    deps,
    auth: testAuthSettings,
    secureCookies: false,
    loginRatePerMinute: 10_000,
    logLevel: 'silent',
  });
  const harness = { app, clock: new TestClock() };
  const signedIn: { client: Client; userId: string }[] = [];
  for (const worker of workers.slice(0, 10)) signedIn.push({ client: await signIn(harness, worker), userId: worker.userId });
  const supervisor = await signIn(harness, workers.supervisor);
  const raw = rawQueries(scratch.database);
  const caseIds = (
    await scratch.database.pool.query(`SELECT id FROM child WHERE owner_user_id = ANY($1::uuid[]) ORDER BY random() LIMIT 200`, [
      signedIn.map((s) => s.userId),
    ])
  ).rows.map((r: { id: string }) => r.id);
  const ownerOf = new Map(
    (await scratch.database.pool.query(`SELECT id, owner_user_id FROM child WHERE id = ANY($1::uuid[])`, [caseIds])).rows.map(
      (r: { id: string; owner_user_id: string }) => [r.id, r.owner_user_id],
    ),
  );
  const clientOf = (id: string) => signedIn.find((s) => s.userId === ownerOf.get(id))?.client ?? supervisor;
  // Server time: the request goes through the whole stack in process; the body is not parsed here.
  const get = async (client: Client | undefined, url: string) => {
    const res = await app.inject({ method: 'GET', url, headers: { cookie: `haven_session=${client?.cookie}` } });
    if (res.statusCode !== 200) throw new Error(`${url}: HTTP ${res.statusCode}`);
  };

  const scenarios = [
    {
      name: "caseworker's first page (25 open cases by due date)",
      raw: (i: number) => raw.firstPage(signedIn[i % signedIn.length]?.userId ?? '').then(() => undefined),
      api: (i: number) => get(signedIn[i % signedIn.length]?.client, '/api/v1/children?assignedUserId=me&status=open&sort=due&limit=25'),
    },
    {
      name: "supervisor's filtered list (high risk, unaccompanied, team)",
      raw: () => raw.filtered(workers.supervisor.teamId).then(() => undefined),
      api: () => get(supervisor, '/api/v1/children?status=open&risk=high&typology=unaccompanied&sort=due&limit=25'),
    },
    {
      name: 'case page (record, decrypted log, tasks, links)',
      raw: (i: number) => raw.casePage(caseIds[i % caseIds.length] as string),
      api: (i: number) => {
        const id = caseIds[i % caseIds.length] as string;
        return get(clientOf(id), `/api/v1/children/${id}/case`);
      },
    },
  ];
  const rows: Record<string, string | number>[] = [];
  for (const scenario of scenarios) {
    const rawTimes = await percentiles(iterations, 50, scenario.raw);
    const apiTimes = await percentiles(iterations, 50, scenario.api);
    rows.push({
      read: scenario.name,
      'raw p50 ms': rawTimes.p50,
      'raw p95 ms': rawTimes.p95,
      'API p50 ms': apiTimes.p50,
      'API p95 ms': apiTimes.p95,
      'ratio p95 API/raw': Number((apiTimes.p95 / rawTimes.p95).toFixed(1)),
    });
  }
  await app.close();
  await scratch.drop();
  return {
    name: 'case-read',
    engine: scratch.engine,
    machine,
    rows,
    notes: [
      `${count} cases (${workers.length} caseworkers, about ${Math.round(count / workers.length)} cases each) loaded in ${loadSeconds.toFixed(0)} s.`,
      'API times are server time: requests go through the whole Fastify stack in process (app.inject), with session lookup, policy, the audit append, decryption and response validation. Goals: p95 under 10 ms and within 10× of the raw query.',
    ],
  };
}
