import type { FieldRules, RolePolicy } from '@haven/domain';
import { passwordHasher } from '../../src/auth/passwords.ts';
import { uuidv7 } from '../../src/db/ids.ts';
import { bootstrapRepository } from '../../src/db/repositories/bootstrapRepository.ts';
import { runInTransaction } from '../../src/db/unitOfWork.ts';
import type { Harness, TestUser } from './harness.ts';

const system = { principal: null, purpose: 'administration' as const, requestId: null };
const password = 'correct horse battery staple';
let hash: Promise<string> | undefined;
let counter = 0;

/** Another office: an agency with one team, in a jurisdiction of its own (e.g. `GR-I`, inside `GR`). */
export async function createOffice(h: Harness, code: string, jurisdiction: string) {
  return runInTransaction(h.deps, system, async (uow) => {
    const repo = bootstrapRepository(uow);
    const agencyId = await repo.createAgency({ code, name: `Office ${code}`, jurisdiction });
    return { agencyId, teamId: await repo.createTeam(agencyId, `${code} team`), jurisdiction, name: `Office ${code}` };
  });
}

/** A user with a role (by key) in any agency, jurisdiction and teams. */
export async function createUserIn(
  h: Harness,
  roleKey: string,
  office: { agencyId: string; jurisdiction: string; teamIds: string[] },
): Promise<TestUser> {
  hash ??= passwordHasher.hash(password);
  const passwordHash = await hash;
  const email = `${roleKey}.x${++counter}.${Date.now()}@test.example`;
  const id = await runInTransaction(h.deps, system, async (uow) => {
    const repo = bootstrapRepository(uow);
    const role = await repo.roleByKey(roleKey);
    if (!role) throw new Error(`no role ${roleKey}`);
    return repo.createUser({ email, displayName: `Test ${roleKey}`, passwordHash, ...office, roleId: role.id });
  });
  return { id, email, password, agencyId: office.agencyId, roleKey };
}

/** A role that is not one of the defaults (e.g. one hiding a single field group). */
export async function createRole(h: Harness, key: string, policy: RolePolicy & { fieldRules: FieldRules }) {
  const now = new Date();
  await h.database.asOwner((db) =>
    db
      .insertInto('role')
      .values({
        id: uuidv7(now.getTime()),
        key,
        name: key,
        category: policy.category,
        scope: policy.scope,
        permissions: [...policy.permissions],
        field_rules: JSON.stringify(policy.fieldRules),
        purposes: [...policy.purposes],
        require_mfa: policy.requireMfa,
        created_at: now,
        updated_at: now,
      })
      .execute(),
  );
}

/** Switches a user to another role (sessions signed in afterwards carry it). */
export async function switchRole(h: Harness, userId: string, roleKey: string) {
  await h.database.asOwner(async (db) => {
    const role = await db.selectFrom('role').select('id').where('key', '=', roleKey).executeTakeFirstOrThrow();
    await db.updateTable('app_user').set({ role_id: role.id }).where('id', '=', userId).execute();
  });
}
