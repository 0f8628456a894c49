import { randomBytes } from 'node:crypto';
import { cpus } from 'node:os';
import pg from 'pg';
import { passwordHasher } from '../../packages/server/src/auth/passwords.ts';
import type { KeyRing } from '../../packages/server/src/crypto/keyring.ts';
import { type Database, openDatabase } from '../../packages/server/src/db/connect.ts';
import { bootstrapRepository } from '../../packages/server/src/db/repositories/bootstrapRepository.ts';
import { type DataDeps, runInTransaction, systemClock } from '../../packages/server/src/db/unitOfWork.ts';

export const machine = { cpus: cpus().length, node: process.version };

export function benchKeys(): KeyRing {
  return { activeKid: 'bench', keys: new Map([['bench', randomBytes(32)]]), indexKey: randomBytes(32), source: { kind: 'env' } };
}

/** A scratch database: a new one on the PostgreSQL server when configured, else in-memory PGlite. */
export async function scratchDatabase(): Promise<{ database: Database; owner: Database; engine: string; drop(): Promise<void> }> {
  const server = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!server) {
    const database = await openDatabase({ migrate: true, appRole: true });
    return { database, owner: database, engine: 'PGlite (embedded)', drop: () => database.close() };
  }
  const name = `haven_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  const owner = await openDatabase({ url: url.toString(), migrate: true, poolSize: 10 });
  const database = await openDatabase({ url: url.toString(), appRole: true, poolSize: 10 });
  const version = (await admin.query('SHOW server_version')).rows[0]?.server_version;
  return {
    database,
    owner,
    engine: `PostgreSQL ${version}`,
    async drop() {
      await database.close();
      await owner.close();
      await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

const system = { principal: null, purpose: 'administration' as const, requestId: null };
const benchPassword = 'bench password 123';

/**
 * An agency with caseworkers in teams of `teamSize` (all in one team by default), and a supervisor
 * of the first team, all with a known password.
 */
export async function benchOrganisation(deps: DataDeps, users: number, teamSize = users) {
  return runInTransaction({ ...deps, clock: systemClock }, system, async (uow) => {
    const repo = bootstrapRepository(uow);
    await repo.ensureDefaultRoles();
    const [caseworker, supervisor] = [await repo.roleByKey('caseworker'), await repo.roleByKey('supervisor')];
    if (!caseworker || !supervisor) throw new Error('no default roles');
    const agencyId = await repo.createAgency({ code: 'BENCH', name: 'Bench agency', jurisdiction: 'GR' });
    const teams: string[] = [];
    for (let t = 0; t < Math.ceil(users / teamSize); t++) teams.push(await repo.createTeam(agencyId, `Bench team ${t}`));
    const passwordHash = await passwordHasher.hash(benchPassword);
    const account = async (email: string, roleId: string, teamId: string) => ({
      email,
      password: benchPassword,
      agencyId,
      teamId,
      userId: await repo.createUser({ email, displayName: email, passwordHash, agencyId, roleId, jurisdiction: 'GR', teamIds: [teamId] }),
    });
    const created = [];
    for (let i = 0; i < users; i++)
      created.push(await account(`worker${i}@bench.example`, caseworker.id, teams[Math.floor(i / teamSize)] as string));
    const lead = await account('supervisor@bench.example', supervisor.id, teams[0] as string);
    return Object.assign(created, { supervisor: lead });
  });
}
