import { sql } from 'kysely';
import PgBoss from 'pg-boss';
import { sealAudit } from '../audit/verify.ts';
import { appRoleName, type Database } from '../db/connect.ts';
import type { DataDeps } from '../db/unitOfWork.ts';
import { casePolicyStore } from '../services/casePolicyStore.ts';
import { applyPolicyChange, notifyOverdueTasks } from './deadlines.ts';
import { purgeExpired } from './housekeeping.ts';

export interface Jobs {
  boss: PgBoss;
  stop(): Promise<void>;
}

/** Background jobs on pg-boss, in the same database (PGlite through its loopback socket). */
export async function startJobs(database: Database, deps: DataDeps, appRole: boolean): Promise<Jobs> {
  const { db, clock } = deps;
  const boss = new PgBoss({ connectionString: database.url, max: 2, schema: 'pgboss' });
  boss.on('error', () => {
    // pg-boss retries by itself; errors carry no personal data but may be noisy on shutdown.
  });
  // PGlite has one backend session: pg-boss must create its schema as the owner, then the app role
  // gets the rights it needs there and the session goes back to the app role.
  if (database.engine === 'pglite') await sql`RESET ROLE`.execute(db);
  try {
    await boss.start();
    await boss.createQueue('audit-seal');
    await boss.schedule('audit-seal', '*/5 * * * *', {}, { singletonKey: 'audit-seal' });
    await boss.createQueue('case-deadlines');
    await boss.schedule('case-deadlines', '*/5 * * * *', {}, { singletonKey: 'case-deadlines' });
    await boss.createQueue('housekeeping');
    await boss.schedule('housekeeping', '17 3 * * *', {}, { singletonKey: 'housekeeping' });
    // The queue's own tables (never child data or audit) then belong to the app role, which
    // pg-boss's maintenance (partitions, archiving) runs as on the shared PGlite session.
    if (database.engine === 'pglite') {
      await sql
        .raw(`DO $$ DECLARE r record; BEGIN
                FOR r IN SELECT tablename FROM pg_tables WHERE schemaname = 'pgboss' LOOP
                  EXECUTE format('ALTER TABLE pgboss.%I OWNER TO ${appRoleName}', r.tablename);
                END LOOP;
                ALTER SCHEMA pgboss OWNER TO ${appRoleName};
              END $$;`)
        .execute(db);
    }
  } finally {
    if (database.engine === 'pglite' && appRole) await sql.raw(`SET ROLE ${appRoleName}`).execute(db);
  }
  await boss.work('audit-seal', async () => {
    await sealAudit(db, clock.now());
  });
  const policies = casePolicyStore(deps.db, 0);
  await boss.work('case-deadlines', async () => {
    await applyPolicyChange(deps, await policies.get());
    await notifyOverdueTasks(deps, 14);
  });
  await boss.work('housekeeping', async () => {
    await purgeExpired(deps);
  });
  return {
    boss,
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 5_000 }),
  };
}
