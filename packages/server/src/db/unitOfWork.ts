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
import { type AuditEntry, appendAudit, auditedRead, auditRounds, auditStatement } from '../audit/writer.ts';
import type { KeyRing } from '../crypto/keyring.ts';
import { identityChanged, identityGeneration } from './identityWatch.ts';
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
  audit(entry: AuditInput): void;
  /**
   * Performs an insert or update built on `tx`. In a transaction it runs at once; in a one-statement
   * unit of work (`runAsOneStatement`) it runs with the audit append, in the same statement.
   */
  write(query: Compilable & { execute(): Promise<unknown> }): Promise<void>;
  /**
   * Runs a read built on `tx`. In a transaction it runs at once; in an audited read
   * (`runAuditedRead`) it runs as ONE statement with the audit events recorded before it, and its
   * rows come back unordered.
   */
  read<R>(query: Compilable<R> & { execute(): Promise<R[]> }): Promise<R[]>;
  /** Recorded even when the transaction fails: refusals are audited in their own transaction. */
  auditDenied(entry: AuditInput): void;
}

/** What a repository says about an action; the actor's identity and purpose are added here. */
export type AuditInput = Omit<AuditEntry, 'actorUserId' | 'actorRole' | 'actorAgencyId' | 'purpose' | 'requestId' | 'outcome'>;

function complete(actor: Actor, entry: AuditInput, outcome: AuditEntry['outcome']): AuditEntry {
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
export async function appendDenied(deps: DataDeps, actor: Actor, entry: AuditInput): Promise<void> {
  await deps.db.transaction().execute((tx) => appendAudit(tx, [complete(actor, entry, 'denied')], deps.clock.now()));
}

export async function runInTransaction<T>(deps: DataDeps, actor: Actor, work: (uow: UnitOfWork) => Promise<T>): Promise<T> {
  const generation = identityGeneration();
  try {
    return await inTransaction(deps, actor, work);
  } finally {
    // A session read between an identity write and this COMMIT saw the old state: drop it too.
    if (identityGeneration() !== generation) identityChanged();
  }
}

function inTransaction<T>(deps: DataDeps, actor: Actor, work: (uow: UnitOfWork) => Promise<T>): Promise<T> {
  return withRefusalsAudited(deps, actor, async (recorder) =>
    deps.db.transaction().execute(async (tx) => {
      const uow: UnitOfWork = {
        ...recorder.uow,
        tx,
        write: async (query) => void (await query.execute()),
        read: (query) => query.execute(),
      };
      const result = await work(uow);
      await appendAudit(tx, recorder.entries, recorder.now);
      return result;
    }),
  );
}

interface Recorder {
  now: Date;
  entries: AuditEntry[];
  /** A unit of work without its `tx` and `write`, which each runner supplies. */
  uow: Omit<UnitOfWork, 'tx' | 'write' | 'read'>;
}

/**
 * Runs `run` with a recorder of audit entries. Refusals (`auditDenied`) are written in their own
 * transaction when the work fails with a HavenError, since the work's own transaction rolls back.
 */
async function withRefusalsAudited<T>(deps: DataDeps, actor: Actor, run: (recorder: Recorder) => Promise<T>): Promise<T> {
  const now = deps.clock.now();
  const entries: AuditEntry[] = [];
  const denied: AuditEntry[] = [];
  const uow = {
    actor,
    keys: deps.keys,
    now,
    audit: (entry: AuditInput) => void entries.push(complete(actor, entry, 'success')),
    auditDenied: (entry: AuditInput) => void denied.push(complete(actor, entry, 'denied')),
  };
  try {
    return await run({ now, entries, uow });
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
  return work({
    tx: deps.db,
    actor,
    keys: deps.keys,
    now: deps.clock.now(),
    audit: refuse,
    auditDenied: refuse,
    write: refuse,
    read: (query) => query.execute(),
  });
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
  return withRefusalsAudited(deps, actor, async ({ now, entries, uow }) => {
    const writes: Compilable[] = [];
    const refuseRead = () => {
      throw new Error('runAsOneStatement: this use-case may only write');
    };
    const result = await work({ ...uow, tx: buildOnlyDb, write: async (query) => void writes.push(query), read: refuseRead });
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
  });
}

/**
 * For a use-case that is one read plus its audit events (a list): the audit append and the read go
 * to the database as ONE statement, atomic without BEGIN and COMMIT. The events must be recorded
 * before the read; the use-case may not read twice or audit afterwards.
 */
export async function runAuditedRead<T>(deps: DataDeps, actor: Actor, work: (uow: UnitOfWork) => Promise<T>): Promise<T> {
  return withRefusalsAudited(deps, actor, async ({ now, entries, uow }) => {
    let readAfter = -1;
    const refuse = () => {
      throw new Error('runAuditedRead: this use-case may only read once, after recording its audit events');
    };
    const read = async <R>(query: Compilable<R>): Promise<R[]> => {
      const [round, ...more] = auditRounds(entries, now);
      if (readAfter >= 0 || !round || more.length > 0) refuse();
      readAfter = entries.length;
      const result = await auditedRead(round as NonNullable<typeof round>, now, query).execute(deps.db);
      return result.rows as R[];
    };
    const result = await work({ ...uow, tx: buildOnlyDb, write: refuse, read });
    if (readAfter !== entries.length) refuse();
    return result;
  });
}
