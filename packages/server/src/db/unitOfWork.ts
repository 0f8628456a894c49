import { HavenError, type Principal, type Purpose } from '@haven/domain';
import {
  type Compilable,
  type DatabaseConnection,
  type Driver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type TransactionSettings,
} from 'kysely';
import { type AuditEntry, appendAudit, auditRounds, auditStatement } from '../audit/writer.ts';
import type { KeyRing } from '../crypto/keyring.ts';
import type { DB } from './schema.ts';

/** Everything a request or a CLI command acts with. System actions have no principal. */
export interface Actor {
  principal: Principal | null;
  purpose: Purpose | null;
  requestId: string | null;
}

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export interface DataDeps {
  db: Kysely<DB>;
  keys: KeyRing;
  clock: Clock;
}

/**
 * One transaction, bound to one actor. Repositories receive it and record what they did with
 * `audit()`; the entries are written just before commit, in the same transaction, so a change
 * never commits without its audit events and the chain locks are held as briefly as possible.
 */
export interface UnitOfWork {
  readonly tx: Kysely<DB>;
  readonly actor: Actor;
  readonly keys: KeyRing;
  readonly now: Date;
  audit(entry: Omit<AuditEntry, 'actorUserId' | 'actorRole' | 'actorAgencyId' | 'purpose' | 'requestId' | 'outcome'>): void;
  /**
   * Performs an insert or update built on `tx`. In a transaction it runs at once; in a one-statement
   * unit of work (`runAsOneStatement`) it runs with the audit append, in the same statement.
   */
  write(query: Compilable & { execute(): Promise<unknown> }): Promise<void>;
  /** Recorded even when the transaction fails: refusals are audited in their own transaction. */
  auditDenied(entry: Omit<AuditEntry, 'actorUserId' | 'actorRole' | 'actorAgencyId' | 'purpose' | 'requestId' | 'outcome'>): void;
}

function complete(actor: Actor, entry: Parameters<UnitOfWork['audit']>[0], outcome: AuditEntry['outcome']): AuditEntry {
  return {
    ...entry,
    actorUserId: actor.principal?.userId ?? null,
    actorRole: actor.principal?.roleKey ?? null,
    actorAgencyId: actor.principal?.agencyId ?? null,
    purpose: actor.purpose,
    requestId: actor.requestId,
    outcome,
  };
}

/** Records a refusal decided before any repository ran (the route's permission gate). */
export async function appendDenied(deps: DataDeps, actor: Actor, entry: Parameters<UnitOfWork['audit']>[0]): Promise<void> {
  await deps.db.transaction().execute((tx) => appendAudit(tx, [complete(actor, entry, 'denied')], deps.clock.now()));
}

export async function runInTransaction<T>(deps: DataDeps, actor: Actor, work: (uow: UnitOfWork) => Promise<T>): Promise<T> {
  const now = deps.clock.now();
  const denied: AuditEntry[] = [];
  try {
    return await deps.db.transaction().execute(async (tx) => {
      const entries: AuditEntry[] = [];
      const uow: UnitOfWork = {
        tx,
        actor,
        keys: deps.keys,
        now,
        audit: (entry) => entries.push(complete(actor, entry, 'success')),
        auditDenied: (entry) => denied.push(complete(actor, entry, 'denied')),
        write: async (query) => void (await query.execute()),
      };
      const result = await work(uow);
      await appendAudit(tx, entries, now);
      return result;
    });
  } catch (error) {
    if (denied.length > 0 && error instanceof HavenError) {
      await deps.db.transaction().execute((tx) => appendAudit(tx, denied, now));
    }
    throw error;
  }
}

/**
 * For reads that need no transaction and record nothing (resolving a session cookie): one
 * statement at a time, autocommitted. Recording an audit event here is a programming error.
 */
export async function runReadOnly<T>(deps: DataDeps, actor: Actor, work: (uow: UnitOfWork) => Promise<T>): Promise<T> {
  const refuse = () => {
    throw new Error('runReadOnly: use runInTransaction for work that must be audited');
  };
  return work({ tx: deps.db, actor, keys: deps.keys, now: deps.clock.now(), audit: refuse, auditDenied: refuse, write: refuse });
}

/** Builds queries but refuses to run them: the `tx` of a one-statement unit of work, which may not read. */
class BuildOnlyDriver implements Driver {
  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    throw new Error('runAsOneStatement: this use-case may only write through uow.write(); use runInTransaction to read');
  }
  async beginTransaction(_c: DatabaseConnection, _s: TransactionSettings): Promise<void> {}
  async commitTransaction(): Promise<void> {}
  async rollbackTransaction(): Promise<void> {}
  async releaseConnection(): Promise<void> {}
  async destroy(): Promise<void> {}
}

/** Builds and compiles queries but cannot run them. */
export const buildOnlyDb = new Kysely<DB>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new BuildOnlyDriver(),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

/**
 * For write-only use-cases (a registration: policy checks in memory, an insert, its audit events):
 * the writes and the audit append go to the database as ONE statement, atomic without BEGIN and
 * COMMIT, which saves round trips on the hottest path. Falls back to a transaction when the audit
 * needs several rounds (several events on one chain).
 */
export async function runAsOneStatement<T>(deps: DataDeps, actor: Actor, work: (uow: UnitOfWork) => Promise<T>): Promise<T> {
  const now = deps.clock.now();
  const entries: AuditEntry[] = [];
  const denied: AuditEntry[] = [];
  const writes: Compilable[] = [];
  const uow: UnitOfWork = {
    tx: buildOnlyDb,
    actor,
    keys: deps.keys,
    now,
    audit: (entry) => entries.push(complete(actor, entry, 'success')),
    auditDenied: (entry) => denied.push(complete(actor, entry, 'denied')),
    write: async (query) => void writes.push(query),
  };
  try {
    const result = await work(uow);
    const rounds = auditRounds(entries, now);
    const [only] = rounds;
    if (rounds.length === 1 && only) {
      await auditStatement(only, now, writes).execute(deps.db);
    } else {
      await deps.db.transaction().execute(async (tx) => {
        for (const write of writes) await tx.executeQuery(write.compile());
        await appendAudit(tx, entries, now);
      });
    }
    return result;
  } catch (error) {
    if (denied.length > 0 && error instanceof HavenError) {
      await deps.db.transaction().execute((tx) => appendAudit(tx, denied, now));
    }
    throw error;
  }
}
