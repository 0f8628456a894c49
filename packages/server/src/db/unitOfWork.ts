import { HavenError, type Principal, type Purpose } from '@haven/domain';
import type { Kysely } from 'kysely';
import { type AuditEntry, appendAudit } from '../audit/writer.ts';
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
  return work({ tx: deps.db, actor, keys: deps.keys, now: deps.clock.now(), audit: refuse, auditDenied: refuse });
}
