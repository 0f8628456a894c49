import type { ChildInput, ChildUpdateInput, PageQuery } from '@haven/domain';
import { passwordHasher } from '../auth/passwords.ts';
import { auditRepository } from '../db/repositories/auditRepository.ts';
import { childRepository } from '../db/repositories/childRepository.ts';
import { idempotencyRepository, type StoredResponse } from '../db/repositories/idempotencyRepository.ts';
import { organisationRepository } from '../db/repositories/organisationRepository.ts';
import { type Actor, type DataDeps, runInTransaction, type UnitOfWork } from '../db/unitOfWork.ts';

const uniqueViolation = '23505';

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === uniqueViolation;
}

/**
 * Runs a create once per Idempotency-Key: a retry of the same request gets the stored response,
 * the same key with another request is refused. Key and record commit together or not at all.
 */
async function idempotentCreate(
  deps: DataDeps,
  actor: Actor,
  idempotency: { key: string; route: string; body: unknown } | undefined,
  create: (uow: UnitOfWork) => Promise<StoredResponse>,
): Promise<StoredResponse> {
  const attempt = () =>
    runInTransaction(deps, actor, async (uow) => {
      if (!idempotency) return create(uow);
      const keys = idempotencyRepository(uow);
      const stored = await keys.find(idempotency.key, idempotency.route, idempotency.body);
      if (stored) return stored;
      const response = await create(uow);
      await keys.save(idempotency.key, idempotency.route, idempotency.body, response);
      return response;
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
export function dataService(deps: DataDeps) {
  const inTx = <T>(actor: Actor, work: (uow: UnitOfWork) => Promise<T>) => runInTransaction(deps, actor, work);
  return {
    createChild: (actor: Actor, input: ChildInput, idempotency?: { key: string; route: string; body: unknown }) =>
      idempotentCreate(deps, actor, idempotency, async (uow) => {
        const result = await childRepository(uow).create(input);
        return { status: 201, body: 'child' in result ? result.child : result.receipt };
      }),
    getChild: (actor: Actor, id: string) => inTx(actor, (uow) => childRepository(uow).get(id)),
    listChildren: (actor: Actor, page: PageQuery) => inTx(actor, (uow) => childRepository(uow).list(page)),
    updateChild: (actor: Actor, id: string, patch: ChildUpdateInput, version: number | null) =>
      inTx(actor, (uow) => childRepository(uow).update(id, patch, version)),

    organisation: <T>(actor: Actor, work: (repo: ReturnType<typeof organisationRepository>) => Promise<T>) =>
      inTx(actor, (uow) => work(organisationRepository(uow))),
    hasher: passwordHasher,

    listAudit: (actor: Actor, page: PageQuery, filter: { resource?: string | undefined; recordId?: string | undefined }) =>
      inTx(actor, (uow) => auditRepository(uow).list(page, filter)),
    verifyAudit: (actor: Actor) => inTx(actor, (uow) => auditRepository(uow).verify()),
  };
}

export type DataService = ReturnType<typeof dataService>;
