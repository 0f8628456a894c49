import { Email, HavenError, JurisdictionCode, Password } from '@haven/domain';
import { passwordHasher } from '../auth/passwords.ts';
import { bootstrapRepository } from '../db/repositories/bootstrapRepository.ts';
import { type DataDeps, runInTransaction } from '../db/unitOfWork.ts';

const system = { principal: null, purpose: 'administration' as const, requestId: null };

/**
 * Operator commands (the CLI): create a user, such as the first administrator of a production
 * install, and list users. Same validation and audit as the API; the actor is the system.
 */
export async function createUserAsOperator(
  deps: DataDeps,
  input: { email: string; password: string; role: string; agency?: string | undefined; name?: string | undefined },
): Promise<{ id: string; agency: string }> {
  const email = Email.parse(input.email);
  const password = Password.safeParse(input.password);
  if (!password.success) throw new Error('the password must be at least 12 characters long');
  return runInTransaction(deps, system, async (uow) => {
    const repo = bootstrapRepository(uow);
    await repo.ensureDefaultRoles();
    const role = await repo.roleByKey(input.role);
    if (!role) throw new Error(`unknown role "${input.role}"`);
    if (await repo.userByEmail(email)) throw new HavenError('email_taken');
    const code = (input.agency ?? 'HAVEN').toUpperCase();
    const agency = await repo.agencyByCode(code);
    const agencyId =
      agency?.id ?? (input.agency ? undefined : await repo.createAgency({ code, name: 'Haven administration', jurisdiction: 'XX' }));
    if (!agencyId) throw new Error(`unknown agency "${input.agency}"`);
    const jurisdiction = JurisdictionCode.parse(agency?.jurisdiction ?? 'XX');
    const id = await repo.createUser({
      email,
      displayName: input.name ?? email,
      passwordHash: await passwordHasher.hash(password.data),
      agencyId,
      roleId: role.id,
      jurisdiction,
      teamIds: [],
    });
    return { id, agency: code };
  });
}

export async function listUsersAsOperator(deps: DataDeps) {
  return runInTransaction(deps, system, (uow) => bootstrapRepository(uow).listUsers());
}
