import { type ChildInput, type ChildListQuery, type ChildUpdateInput, type PageQuery, registrationPath } from '@haven/domain';
import { passwordHasher } from '../auth/passwords.ts';
import { isUniqueViolation } from '../db/databaseErrors.ts';
import { purposeOf } from '../db/repositories/access.ts';
import { auditRepository } from '../db/repositories/auditRepository.ts';
import { changeRequestRepository } from '../db/repositories/changeRequestRepository.ts';
import { childRepository } from '../db/repositories/childRepository.ts';
import { idempotencyRepository, type StoredResponse } from '../db/repositories/idempotencyRepository.ts';
import { organisationRepository } from '../db/repositories/organisationRepository.ts';
import {
  type Actor,
  appendDenied,
  type DataDeps,
  runAsOneStatement,
  runAuditedRead,
  runInTransaction,
  type UnitOfWork,
} from '../db/unitOfWork.ts';
import type { CasePolicyStore } from './casePolicyStore.ts';

/**
 * Runs a create once per Idempotency-Key: a retry of the same request gets the stored response,
 * the same key with another request is refused. Key and record commit together or not at all.
 */
async function idempotentCreate(
  deps: DataDeps,
  actor: Actor,
  idempotency: { key: string; route: string; body: unknown } | undefined,
  reads: boolean,
  create: (uow: UnitOfWork) => Promise<StoredResponse & { stored: Record<string, unknown> }>,
  replay: (uow: UnitOfWork, stored: Record<string, unknown>) => Promise<unknown>,
): Promise<StoredResponse> {
  // Without a key a create that reads nothing sends record and audit to the database as one statement.
  if (!idempotency && !reads) return runAsOneStatement(deps, actor, create);
  const attempt = () =>
    runInTransaction(deps, actor, async (uow): Promise<StoredResponse> => {
      const keys = idempotencyRepository(uow);
      const found = idempotency && (await keys.find(idempotency.key, idempotency.route, idempotency.body));
      if (found) return { status: found.status, body: await replay(uow, found.body as Record<string, unknown>) };
      const response = await create(uow);
      if (idempotency) {
        await keys.save(idempotency.key, idempotency.route, idempotency.body, { status: response.status, body: response.stored });
      }
      return { status: response.status, body: response.body };
    });
  try {
    return await attempt();
  } catch (error) {
    // Two concurrent retries of one request: the loser replays the winner's response.
    if (idempotency && isUniqueViolation(error)) return attempt();
    throw error;
  }
}

/** Use-cases over child and organisation data: each call is one transaction bound to one actor. */
function stripKind({ kind: _kind, ...rest }: Record<string, unknown>): Record<string, unknown> {
  return rest;
}

export function dataService(deps: DataDeps, policies: CasePolicyStore) {
  const inTx = <T>(actor: Actor, work: (uow: UnitOfWork) => Promise<T>) => runInTransaction(deps, actor, work);
  const children = async <T>(actor: Actor, work: (repo: ReturnType<typeof childRepository>) => Promise<T>) => {
    const policy = await policies.get();
    return inTx(actor, (uow) => work(childRepository(uow, policy)));
  };
  return {
    createChild: async (actor: Actor, input: ChildInput, idempotency?: { key: string; route: string; body: unknown }) => {
      const policy = await policies.get();
      // A referral reads the agencies it may go to and notifies the receiving intake.
      const referral = actor.principal !== null && registrationPath(actor.principal, purposeOf(actor, actor.principal)) === 'referral';
      return idempotentCreate(
        deps,
        actor,
        idempotency,
        referral,
        async (uow) => {
          const result = await childRepository(uow, policy).register(input);
          return 'child' in result
            ? { status: 201, body: result.child, stored: { kind: 'child', id: result.child.id } }
            : { status: 201, body: result.receipt, stored: { kind: 'receipt', ...result.receipt } };
        },
        // A replay re-reads the record through the policy (and is audited as a read); the stored
        // response holds the record id only, never child data.
        async (uow, stored) =>
          stored.kind === 'child' && typeof stored.id === 'string' ? childRepository(uow, policy).get(stored.id) : stripKind(stored),
      );
    },
    getChild: (actor: Actor, id: string) => children(actor, (repo) => repo.get(id)),
    // One statement: the list and its audit event, no transaction.
    listChildren: async (actor: Actor, query: ChildListQuery) => {
      const policy = await policies.get();
      return runAuditedRead(deps, actor, (uow) => childRepository(uow, policy).list(query));
    },
    updateChild: (actor: Actor, id: string, patch: ChildUpdateInput, version: number | null) =>
      children(actor, (repo) => repo.update(id, patch, version)),

    organisation: <T>(actor: Actor, work: (repo: ReturnType<typeof organisationRepository>) => Promise<T>) =>
      inTx(actor, (uow) => work(organisationRepository(uow))),
    hasher: passwordHasher,
    changeRequests: <T>(actor: Actor, work: (repo: ReturnType<typeof changeRequestRepository>) => Promise<T>) =>
      inTx(actor, (uow) => work(changeRequestRepository(uow, passwordHasher))),

    listAudit: (actor: Actor, page: PageQuery, filter: { resource?: string | undefined; recordId?: string | undefined }) =>
      inTx(actor, (uow) => auditRepository(uow).list(page, filter)),
    verifyAudit: (actor: Actor) => inTx(actor, (uow) => auditRepository(uow).verify()),
    recordDenial: (actor: Actor, resource: string, action: string, recordId: string | null) =>
      appendDenied(deps, actor, {
        jurisdiction: actor.principal?.jurisdiction ?? '_',
        resource,
        action,
        recordId,
        changedFields: [],
      }),
  };
}

export type DataService = ReturnType<typeof dataService>;
