import { spawn } from 'node:child_process';
import { sql } from 'kysely';
import type pg from 'pg';
import { buildApp } from '../../packages/server/src/app.ts';
import type { Database } from '../../packages/server/src/db/connect.ts';
import { sampleChild as sampleChildBody, testAuthSettings } from '../../packages/server/test/support/harness.ts';
import type { BenchResult } from '../run.ts';
import { benchKeys, benchOrganisation, machine, scratchDatabase } from './setup.ts';

/**
 * Authenticated API write throughput: POST /api/v1/children over HTTP (session, CSRF, Zod
 * validation, policy, AES-GCM encryption of the restricted fields and the log entry, blind name
 * keys, the case's log entry and tasks, audit chain append, one statement) against two floors on
 * the same database: the record and its audit row (the platform issue's floor), and the same rows
 * an API registration wrote (record, log entry, tasks) plus an audit row; precomputed values, one
 * transaction each.
 */
export async function apiWrite({ quick }: { quick: boolean }): Promise<BenchResult> {
  // Short segments, interleaved and repeated: the floors and the API see the same phases of a
  // noisy shared machine, and the median of each is compared.
  const seconds = quick ? 3 : 4;
  const rounds = quick ? 1 : 5;
  const scratch = await scratchDatabase();
  const keys = benchKeys();
  const deps = { db: scratch.database.db, keys, clock: { now: () => new Date() } };
  const [worker] = await benchOrganisation(deps, 1);
  if (!worker) throw new Error('no bench user');
  const { app } = await buildApp({
    database: scratch.database,
    deps,
    auth: testAuthSettings,
    secureCookies: false,
    loginRatePerMinute: 1000,
    logLevel: 'silent',
  });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: worker.email, password: worker.password }),
  });
  const me = (await login.json()) as { csrfToken: string };
  const cookie = String(login.headers.get('set-cookie')).split(';')[0] ?? '';
  const headers = { cookie, 'x-csrf-token': me.csrfToken, 'content-type': 'application/json' };

  // The load generator runs in its own process, as clients do: it must not share the server's event loop.
  const api = async (connections: number) => {
    const result = await runAutocannon(`${base}/api/v1/children`, connections, seconds, headers, JSON.stringify(sampleChildBody));
    if (result.non2xx > 0 || result.errors > 0) throw new Error(`API errors: ${result.non2xx} non-2xx, ${result.errors} errors`);
    return { perSecond: result.requests.total / seconds, p50: result.latency.p50, p99: result.latency.p99 };
  };

  await api(8); // warm-up: JIT, every pooled connection (a new PostgreSQL backend loads its caches), chain heads
  const template = {
    owner: worker,
    id: String((await sql<{ id: string }>`SELECT id FROM child ORDER BY created_at LIMIT 1`.execute(scratch.database.db)).rows[0]?.id),
  };
  const rows: Record<string, string | number>[] = [];
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
  for (const concurrency of [1, 8]) {
    const runs: { raw: number; same: number; api: Awaited<ReturnType<typeof api>> }[] = [];
    for (let round = 0; round < rounds; round++) {
      const raw = await rawFloor(scratch.database, worker, concurrency, seconds);
      const same = await sameRowsFloor(scratch.database, template, concurrency, seconds);
      runs.push({ raw, same, api: await api(concurrency) });
    }
    const [raw, same, perSecond] = [
      median(runs.map((r) => r.raw)),
      median(runs.map((r) => r.same)),
      median(runs.map((r) => r.api.perSecond)),
    ];
    rows.push({
      concurrency,
      'API writes/s': Math.round(perSecond),
      'raw INSERT+audit tx/s': Math.round(raw),
      'ratio API/raw': Number((perSecond / raw).toFixed(2)),
      'same rows tx/s': Math.round(same),
      'ratio API/same rows': Number((perSecond / same).toFixed(2)),
      'API p50 ms': median(runs.map((r) => r.api.p50)),
      'API p99 ms': median(runs.map((r) => r.api.p99)),
      rounds: runs.map((r) => `${Math.round(r.api.perSecond)}/${Math.round(r.raw)}/${Math.round(r.same)}`).join(' '),
    });
  }
  const created = await sql<{ n: number }>`SELECT count(*)::int AS n FROM child`.execute(scratch.database.db);
  await app.close();
  await scratch.drop();
  return {
    name: 'api-write',
    engine: scratch.engine,
    machine,
    rows,
    notes: [
      `${created.rows[0]?.n} records written through the API in total; every request returned 2xx.`,
      'Client and server share this machine; the ratio, measured in the same run, is the figure to compare (goal: at least 0.5 at 8 writers).',
      'rounds: API / record-and-audit floor / same-rows floor, per second, in each round.',
    ],
  };
}

type Client = pg.PoolClient;

/**
 * One floor: `concurrency` clients each loop, until the time is up, on BEGIN; `insertRecord`; the
 * record's audit row; COMMIT. Returns transactions per second.
 */
async function floor(
  database: Database,
  owner: { userId: string; agencyId: string },
  concurrency: number,
  seconds: number,
  insertRecord: (client: Client, id: string) => Promise<unknown>,
) {
  const deadline = Date.now() + seconds * 1000;
  let done = 0;
  const hash = 'f'.repeat(64);
  await Promise.all(
    Array.from({ length: concurrency }, async (_, w) => {
      const client = await database.pool.connect();
      const chain = `floor:${w}:${crypto.randomUUID()}`;
      let seq = 0;
      try {
        while (Date.now() < deadline) {
          const id = crypto.randomUUID();
          await client.query('BEGIN');
          await insertRecord(client, id);
          await client.query(
            `INSERT INTO audit_event (chain_id, seq, jurisdiction, occurred_at, actor_user_id, actor_role, actor_agency_id, purpose, action, resource, record_id, changed_fields, request_id, prev_hash, hash)
             VALUES ($1, $2, 'GR', now(), $3, 'caseworker', $4, 'case_management', 'create', 'child', $5, '{givenName,familyName}', $6, $7, $7)`,
            [chain, ++seq, owner.userId, owner.agencyId, id, id, hash],
          );
          await client.query('COMMIT');
          done++;
        }
      } finally {
        client.release();
      }
    }),
  );
  return done / seconds;
}

/** An INSERT of the rows of `table` that belong to the template record, its values read once. */
async function copyRows(database: Database, table: string, where: string, templateId: string) {
  const types = await database.pool.query<{ column_name: string; type: string }>(
    `SELECT a.attname AS column_name, format_type(a.atttypid, a.atttypmod) AS type FROM pg_attribute a
      WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '' ORDER BY a.attnum`,
    [table],
  );
  const columns = types.rows.map((c) => c.column_name);
  const rows = (await database.pool.query(`SELECT ${columns.join(', ')} FROM ${table} WHERE ${where}`, [templateId])).rows;
  const values = rows.map((r) =>
    types.rows.map(({ column_name, type }) => (type.startsWith('json') ? JSON.stringify(r[column_name]) : r[column_name])),
  );
  const tuple = (offset: number) => `(${types.rows.map(({ type }, i) => `$${offset + i + 1}::${type}`).join(', ')})`;
  const text = `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${rows.map((_, r) => tuple(r * columns.length)).join(', ')}`;
  /** Inserts the copy with the given columns replaced (a new id, child id and reference). */
  return (client: Client, replace: Record<string, unknown>) =>
    rows.length === 0
      ? undefined
      : client.query(
          text,
          values.flatMap((row) => row.map((v, i) => ((columns[i] as string) in replace ? replace[columns[i] as string] : v))),
        );
}

/**
 * The same rows a registration writes, copied from one the API wrote (the record with its derived
 * columns, its first log entry, its tasks), inserted with a new id and reference plus one audit row
 * in one transaction: the raw floor for the same work.
 */
async function sameRowsFloor(
  database: Database,
  template: { id: string; owner: { userId: string; agencyId: string } },
  concurrency: number,
  seconds: number,
) {
  const child = await copyRows(database, 'child', 'id = $1', template.id);
  const events = await copyRows(database, 'case_event', 'child_id = $1', template.id);
  const tasks = await copyRows(database, 'case_task', 'child_id = $1', template.id);
  return floor(database, template.owner, concurrency, seconds, async (client, id) => {
    await child(client, { id, reference: `RAW-${id}` });
    await events(client, { child_id: id });
    await tasks(client, { child_id: id });
  });
}

/** The floor the platform issue set: the record (precomputed values) and one audit row, in one transaction. */
async function rawFloor(
  database: Database,
  owner: { userId: string; agencyId: string; teamId: string },
  concurrency: number,
  seconds: number,
) {
  const sensitive = JSON.stringify(
    Object.fromEntries(
      ['givenName', 'familyName', 'birthDate', 'location', 'legalStatus'].map((f) => [
        f,
        { v: 1, kid: 'k', wiv: 'x'.repeat(16), wdek: 'x'.repeat(64), iv: 'x'.repeat(16), ct: 'x'.repeat(40) },
      ]),
    ),
  );
  return floor(database, owner, concurrency, seconds, (client, id) =>
    client.query(
      `INSERT INTO child (jurisdiction, id, reference, agency_id, team_id, owner_user_id, sex, birth_year, nationality, sensitive, name_index, created_by, updated_by)
       VALUES ('GR', $1, $2, $3, $4, $5, 'female', 2011, '{SD}', $6, $7, $5, $5)`,
      [id, `RAW-${id}`, owner.agencyId, owner.teamId, owner.userId, sensitive, 'f'.repeat(64)],
    ),
  );
}

interface AutocannonResult {
  non2xx: number;
  errors: number;
  requests: { total: number };
  latency: { p50: number; p99: number };
}

function runAutocannon(
  url: string,
  connections: number,
  seconds: number,
  headers: Record<string, string>,
  body: string,
): Promise<AutocannonResult> {
  const bin = new URL('../../node_modules/autocannon/autocannon.js', import.meta.url).pathname;
  const args = [bin, '--json', '-c', String(connections), '-d', String(seconds), '-m', 'POST', '-b', body];
  for (const [name, value] of Object.entries(headers)) args.push('-H', `${name}=${value}`);
  args.push(url);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(JSON.parse(out) as AutocannonResult) : reject(new Error(`autocannon exited ${code}`)),
    );
  });
}
