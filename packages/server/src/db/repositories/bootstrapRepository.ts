import { type AgencyKind, defaultRoles } from '@haven/domain';
import { globalJurisdiction } from '../../audit/hash.ts';
import { uuidv7 } from '../ids.ts';
import type { UnitOfWork } from '../unitOfWork.ts';

export interface AdminAreaInput {
  code: string;
  jurisdiction: string;
  parentCode?: string | null;
  level: number;
  names: Record<string, string>;
}

/**
 * What the system itself sets up, before any administrator exists: the default roles, the demo
 * organisation, the first administrator (from the CLI). Audited with no actor.
 */
export function bootstrapRepository(uow: UnitOfWork) {
  const { tx } = uow;
  const audit = (resource: string, recordId: string, changedFields: string[]) =>
    uow.audit({ jurisdiction: globalJurisdiction, resource, action: 'create', recordId, changedFields });

  return {
    /** Inserts the default roles that do not exist yet (by key); never changes edited ones. */
    async ensureDefaultRoles(): Promise<number> {
      const existing = new Set((await tx.selectFrom('role').select('key').execute()).map((r) => r.key));
      let added = 0;
      for (const role of defaultRoles.filter((r) => !existing.has(r.key))) {
        const id = uuidv7(uow.now.getTime());
        await tx
          .insertInto('role')
          .values({
            id,
            key: role.key,
            name: role.name,
            description: role.description,
            category: role.category,
            scope: role.scope,
            permissions: [...role.permissions],
            field_rules: JSON.stringify(role.fieldRules),
            purposes: [...role.purposes],
            require_mfa: role.requireMfa,
            created_at: uow.now,
            updated_at: uow.now,
          })
          .execute();
        audit('role', id, ['key', 'permissions', 'scope', 'category']);
        added++;
      }
      return added;
    },

    roleByKey: (key: string) => tx.selectFrom('role').selectAll().where('key', '=', key).executeTakeFirst(),
    agencyByCode: (code: string) => tx.selectFrom('agency').selectAll().where('code', '=', code).executeTakeFirst(),
    userByEmail: (email: string) => tx.selectFrom('app_user').select(['id']).where('email', '=', email).executeTakeFirst(),
    countUsers: async () =>
      Number(
        (
          await tx
            .selectFrom('app_user')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    listUsers: () =>
      tx
        .selectFrom('app_user as u')
        .innerJoin('role as r', 'r.id', 'u.role_id')
        .innerJoin('agency as a', 'a.id', 'u.agency_id')
        .select(['u.email', 'u.display_name', 'r.key as role', 'a.code as agency', 'u.active', 'u.mfa_enabled', 'u.locked_until'])
        .orderBy('u.email')
        .execute(),

    async createAgency(input: {
      code: string;
      name: string;
      jurisdiction: string;
      acceptsReferrals?: boolean;
      kind?: AgencyKind;
    }): Promise<string> {
      const id = uuidv7(uow.now.getTime());
      const { acceptsReferrals = false, kind = 'other', ...rest } = input;
      await tx
        .insertInto('agency')
        .values({ id, ...rest, kind, accepts_referrals: acceptsReferrals, created_at: uow.now, updated_at: uow.now })
        .execute();
      audit('agency', id, ['code', 'name', 'jurisdiction']);
      return id;
    },

    async createTeam(agencyId: string, name: string): Promise<string> {
      const id = uuidv7(uow.now.getTime());
      await tx.insertInto('team').values({ id, agency_id: agencyId, name, created_at: uow.now, updated_at: uow.now }).execute();
      audit('team', id, ['agency_id', 'name']);
      return id;
    },

    async createUser(input: {
      email: string;
      displayName: string;
      passwordHash: string;
      agencyId: string;
      roleId: string;
      jurisdiction: string;
      teamIds: string[];
    }): Promise<string> {
      const id = uuidv7(uow.now.getTime());
      await tx
        .insertInto('app_user')
        .values({
          id,
          email: input.email,
          display_name: input.displayName,
          password_hash: input.passwordHash,
          agency_id: input.agencyId,
          role_id: input.roleId,
          jurisdiction: input.jurisdiction,
          created_at: uow.now,
          updated_at: uow.now,
          password_changed_at: uow.now,
        })
        .execute();
      if (input.teamIds.length)
        await tx
          .insertInto('user_team')
          .values(input.teamIds.map((team_id) => ({ user_id: id, team_id })))
          .execute();
      audit('user', id, ['email', 'display_name', 'password', 'agency_id', 'role_id', 'jurisdiction']);
      return id;
    },

    getSetting: async (key: string) =>
      (await tx.selectFrom('system_setting').select('value').where('key', '=', key).executeTakeFirst())?.value,
    /** Adds or renames areas of the administrative hierarchy (parents first). */
    async upsertAdminAreas(areas: readonly AdminAreaInput[]): Promise<void> {
      for (const area of areas) {
        const names = JSON.stringify(area.names);
        await tx
          .insertInto('admin_area')
          .values({ code: area.code, jurisdiction: area.jurisdiction, parent_code: area.parentCode ?? null, level: area.level, names })
          .onConflict((oc) => oc.column('code').doUpdateSet({ names, parent_code: area.parentCode ?? null, level: area.level }))
          .execute();
      }
      audit(
        'admin_area',
        globalJurisdiction,
        areas.map((a) => a.code),
      );
    },

    async setSetting(key: string, value: unknown): Promise<void> {
      await tx
        .insertInto('system_setting')
        .values({ key, value: JSON.stringify(value), updated_at: uow.now })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value), updated_at: uow.now }))
        .execute();
    },
  };
}
