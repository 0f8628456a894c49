import {
  type AccessHolder,
  type Agency,
  type AgencyInput,
  AgencyKind,
  type AgencyPatch,
  HavenError,
  type HolderChange,
  jurisdictionContains,
  type PageQuery,
  type Principal,
  type Role,
  type RoleInput,
  type RolePatch,
  RolePolicy,
  type RowScope,
  type SecondApprovalReason,
  scopes,
  secondApprovalReason,
  type Team,
  type TeamInput,
  type TeamPatch,
  type User,
  type UserCreateInput,
  type UserUpdateInput,
} from '@haven/domain';
import { type Selectable, sql } from 'kysely';
import { globalJurisdiction } from '../../audit/hash.ts';
import { uuidv7 } from '../ids.ts';
import type { AgencyTable, AppUserTable, RoleTable, TeamTable } from '../schema.ts';
import type { UnitOfWork } from '../unitOfWork.ts';
import { authorize, requirePrincipal } from './access.ts';
import { decodeTextCursor, encodeTextCursor } from './cursor.ts';

export interface PasswordHasher {
  hash(password: string): Promise<string>;
}

const toAgency = (r: Selectable<AgencyTable>): Agency => ({
  id: r.id,
  name: r.name,
  code: r.code,
  jurisdiction: r.jurisdiction,
  active: r.active,
  acceptsReferrals: r.accepts_referrals,
  kind: AgencyKind.parse(r.kind),
  createdAt: r.created_at.toISOString(),
});

const toTeam = (r: Selectable<TeamTable>): Team => ({
  id: r.id,
  agencyId: r.agency_id,
  name: r.name,
  active: r.active,
  createdAt: r.created_at.toISOString(),
});

const policyOf = (r: Selectable<RoleTable>): RolePolicy =>
  RolePolicy.parse({
    category: r.category,
    scope: r.scope,
    permissions: r.permissions,
    fieldRules: r.field_rules,
    purposes: r.purposes,
    requireMfa: r.require_mfa,
  });

export const toRole = (r: Selectable<RoleTable>): Role => ({
  id: r.id,
  key: r.key,
  name: r.name,
  description: r.description,
  ...policyOf(r),
});

/** A role's policy with a patch applied: what its holders would get. */
function patchedPolicy(policy: RolePolicy, patch: RolePatch): RolePolicy {
  const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  const { key: _key, name: _name, description: _description, ...rest } = defined as RolePatch;
  return RolePolicy.parse({ ...policy, ...rest });
}

/**
 * How a change to who may see child data is applied: `single` by one administrator, who is refused
 * when the change needs four eyes; `approved` when a second administrator approved a change request.
 */
export type ChangeApproval = 'single' | 'approved';

const toUser = (r: Selectable<AppUserTable>, teamIds: string[]): User => ({
  id: r.id,
  email: r.email,
  displayName: r.display_name,
  agencyId: r.agency_id,
  teamIds,
  roleId: r.role_id,
  jurisdiction: r.jurisdiction,
  locale: r.locale as User['locale'],
  active: r.active,
  mfaEnabled: r.mfa_enabled,
  lockedUntil: r.locked_until ? r.locked_until.toISOString() : null,
  lastLoginAt: r.last_login_at ? r.last_login_at.toISOString() : null,
  createdAt: r.created_at.toISOString(),
});

/** Organisation rows an actor may see: an agency-scoped administrator manages only their agency. */
function agencyVisible(rows: RowScope, principal: Principal, agency: { id: string; jurisdiction: string }): boolean {
  switch (rows.kind) {
    case 'all':
      return true;
    case 'jurisdiction':
      return jurisdictionContains(rows.jurisdiction, agency.jurisdiction);
    default:
      return agency.id === principal.agencyId;
  }
}

function changedKeys(patch: object): string[] {
  return Object.entries(patch)
    .filter(([, v]) => v !== undefined)
    .map(([k]) => k);
}

/** Agencies, teams, roles and users, through the same policy and audit as child data. */
export function organisationRepository(uow: UnitOfWork) {
  const { tx } = uow;
  const audit = (resource: string, action: string, recordId: string, changedFields: string[]) =>
    uow.audit({ jurisdiction: globalJurisdiction, resource, action, recordId, changedFields });

  async function visibleAgencyIds(rows: RowScope, principal: Principal): Promise<string[] | 'all'> {
    if (rows.kind === 'all') return 'all';
    const agencies = await tx.selectFrom('agency').select(['id', 'jurisdiction']).execute();
    return agencies.filter((a) => agencyVisible(rows, principal, a)).map((a) => a.id);
  }

  async function requireAgency(agencyId: string, rows: RowScope, principal: Principal) {
    const agency = await tx.selectFrom('agency').selectAll().where('id', '=', agencyId).executeTakeFirst();
    if (!agency || !agencyVisible(rows, principal, agency)) throw new HavenError('not_found', { field: 'agencyId' });
    return agency;
  }

  /** Refuses (audited, nothing written) a change one administrator may not make alone (ADR 0015). */
  function requireSecondApprovalUnlessApproved(
    approval: ChangeApproval,
    reason: SecondApprovalReason | null,
    resource: string,
    recordId: string,
    fields: string[],
  ): void {
    if (reason === null || approval === 'approved') return;
    uow.auditDenied({ jurisdiction: globalJurisdiction, resource, action: 'update', recordId, changedFields: fields });
    throw new HavenError('second_approval_required', { reason });
  }

  async function agencyKindOf(agencyId: string): Promise<AgencyKind> {
    const agency = await tx.selectFrom('agency').select('kind').where('id', '=', agencyId).executeTakeFirstOrThrow();
    return AgencyKind.parse(agency.kind);
  }

  async function rolePolicyOf(roleId: string): Promise<RolePolicy> {
    const role = await tx.selectFrom('role').selectAll().where('id', '=', roleId).executeTakeFirst();
    if (!role) throw new HavenError('not_found', { field: 'roleId' });
    return policyOf(role);
  }

  /** The kinds of the agencies whose users hold a role, and how many users hold it. */
  async function roleHolders(roleId: string): Promise<{ count: number; kinds: AgencyKind[] }> {
    const rows = await tx
      .selectFrom('app_user as u')
      .innerJoin('agency as a', 'a.id', 'u.agency_id')
      .select(['a.kind', (eb) => eb.fn.countAll<string>().as('n')])
      .where('u.role_id', '=', roleId)
      .groupBy('a.kind')
      .execute();
    return { count: rows.reduce((sum, r) => sum + Number(r.n), 0), kinds: rows.map((r) => AgencyKind.parse(r.kind)) };
  }

  async function teamIdsOf(userIds: string[]): Promise<Map<string, string[]>> {
    const map = new Map<string, string[]>();
    if (userIds.length === 0) return map;
    for (const row of await tx.selectFrom('user_team').selectAll().where('user_id', 'in', userIds).execute()) {
      map.set(row.user_id, [...(map.get(row.user_id) ?? []), row.team_id]);
    }
    return map;
  }

  async function checkTeams(teamIds: readonly string[], agencyId: string): Promise<void> {
    if (teamIds.length === 0) return;
    const found = await tx
      .selectFrom('team')
      .select('id')
      .where('id', 'in', [...teamIds])
      .where('agency_id', '=', agencyId)
      .execute();
    if (found.length !== new Set(teamIds).size) throw new HavenError('validation_failed', { field: 'teamIds' });
  }

  /** Nobody hands out a role that sees more rows than they do themselves, unless they see everything. */
  async function checkAssignableRole(roleId: string, principal: Principal): Promise<void> {
    const role = await tx.selectFrom('role').select(['scope']).where('id', '=', roleId).executeTakeFirst();
    if (!role) throw new HavenError('not_found', { field: 'roleId' });
    const rank = (s: string) => scopes.indexOf(s as (typeof scopes)[number]);
    if (principal.policy.scope !== 'all' && rank(role.scope) > rank(principal.policy.scope)) {
      throw new HavenError('forbidden', { field: 'roleId' });
    }
  }

  /** Team names are unique within an agency (the table's constraint); `exceptId` is the team being renamed. */
  async function requireTeamNameFree(agencyId: string, name: string, exceptId?: string): Promise<void> {
    let query = tx.selectFrom('team').select('id').where('agency_id', '=', agencyId).where('name', '=', name);
    if (exceptId) query = query.where('id', '!=', exceptId);
    if (await query.executeTakeFirst()) throw new HavenError('conflict', { field: 'name' });
  }

  return {
    async listAgencies(): Promise<Agency[]> {
      const principal = requirePrincipal(uow);
      const { rows } = authorize(uow, 'read', 'agency', { jurisdiction: globalJurisdiction, recordId: null });
      const all = await tx.selectFrom('agency').selectAll().orderBy('name').execute();
      return all.filter((a) => agencyVisible(rows, principal, a)).map(toAgency);
    },

    async createAgency(input: AgencyInput): Promise<Agency> {
      const { rows } = authorize(uow, 'manage', 'agency', { jurisdiction: globalJurisdiction, recordId: null });
      if (rows.kind !== 'all' && !(rows.kind === 'jurisdiction' && jurisdictionContains(rows.jurisdiction, input.jurisdiction))) {
        throw new HavenError('forbidden');
      }
      const taken = await tx.selectFrom('agency').select('id').where('code', '=', input.code).executeTakeFirst();
      if (taken) throw new HavenError('conflict', { field: 'code' });
      const id = uuidv7(uow.now.getTime());
      const row = await tx
        .insertInto('agency')
        .values({
          id,
          code: input.code,
          name: input.name,
          jurisdiction: input.jurisdiction,
          active: input.active,
          accepts_referrals: input.acceptsReferrals,
          kind: input.kind,
          created_at: uow.now,
          updated_at: uow.now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      audit('agency', 'create', id, changedKeys(input));
      return toAgency(row);
    },

    async updateAgency(id: string, patch: AgencyPatch, approval: ChangeApproval = 'single'): Promise<Agency> {
      const principal = requirePrincipal(uow);
      const { rows } = authorize(uow, 'manage', 'agency', { jurisdiction: globalJurisdiction, recordId: id });
      const agency = await requireAgency(id, rows, principal);
      if (patch.kind !== undefined && patch.kind !== agency.kind) {
        // An agency's kind is what the firewall reads: once people belong to it, two administrators change it.
        const member = await tx.selectFrom('app_user').select('id').where('agency_id', '=', id).limit(1).executeTakeFirst();
        const reason = secondApprovalReason({ label: { from: agency.kind, to: patch.kind, held: member !== undefined }, holders: [] });
        requireSecondApprovalUnlessApproved(approval, reason, 'agency', id, changedKeys(patch));
      }
      if (patch.code) {
        const taken = await tx.selectFrom('agency').select('id').where('code', '=', patch.code).where('id', '!=', id).executeTakeFirst();
        if (taken) throw new HavenError('conflict', { field: 'code' });
      }
      const { acceptsReferrals, ...rest } = patch;
      const row = await tx
        .updateTable('agency')
        .set({ ...rest, ...(acceptsReferrals !== undefined ? { accepts_referrals: acceptsReferrals } : {}), updated_at: uow.now })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      audit('agency', 'update', id, changedKeys(patch));
      return toAgency(row);
    },

    async listTeams(agencyId: string | undefined): Promise<Team[]> {
      const principal = requirePrincipal(uow);
      const { rows } = authorize(uow, 'read', 'team', { jurisdiction: globalJurisdiction, recordId: null });
      const visible = await visibleAgencyIds(rows, principal);
      let query = tx.selectFrom('team').selectAll().orderBy('name');
      if (agencyId) query = query.where('agency_id', '=', agencyId);
      if (visible !== 'all') query = visible.length ? query.where('agency_id', 'in', visible) : query.where(sql<boolean>`false`);
      return (await query.execute()).map(toTeam);
    },

    async createTeam(input: TeamInput): Promise<Team> {
      const principal = requirePrincipal(uow);
      const { rows } = authorize(uow, 'manage', 'team', { jurisdiction: globalJurisdiction, recordId: null });
      await requireAgency(input.agencyId, rows, principal);
      await requireTeamNameFree(input.agencyId, input.name);
      const id = uuidv7(uow.now.getTime());
      const row = await tx
        .insertInto('team')
        .values({ id, agency_id: input.agencyId, name: input.name, active: input.active, created_at: uow.now, updated_at: uow.now })
        .returningAll()
        .executeTakeFirstOrThrow();
      audit('team', 'create', id, changedKeys(input));
      return toTeam(row);
    },

    async updateTeam(id: string, patch: TeamPatch): Promise<Team> {
      const principal = requirePrincipal(uow);
      const { rows } = authorize(uow, 'manage', 'team', { jurisdiction: globalJurisdiction, recordId: id });
      const team = await tx.selectFrom('team').selectAll().where('id', '=', id).executeTakeFirst();
      if (!team) throw new HavenError('not_found');
      await requireAgency(team.agency_id, rows, principal);
      if (patch.name !== undefined) await requireTeamNameFree(team.agency_id, patch.name, id);
      const row = await tx
        .updateTable('team')
        .set({ ...patch, updated_at: uow.now })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      audit('team', 'update', id, changedKeys(patch));
      return toTeam(row);
    },

    async listRoles(): Promise<Role[]> {
      authorize(uow, 'read', 'role', { jurisdiction: globalJurisdiction, recordId: null });
      return (await tx.selectFrom('role').selectAll().orderBy('name').execute()).map(toRole);
    },

    async createRole(input: RoleInput): Promise<Role> {
      authorize(uow, 'manage', 'role', { jurisdiction: globalJurisdiction, recordId: null });
      const taken = await tx.selectFrom('role').select('id').where('key', '=', input.key).executeTakeFirst();
      if (taken) throw new HavenError('conflict', { field: 'key' });
      const id = uuidv7(uow.now.getTime());
      const row = await tx
        .insertInto('role')
        .values({
          id,
          key: input.key,
          name: input.name,
          description: input.description,
          category: input.category,
          scope: input.scope,
          permissions: [...new Set(input.permissions)],
          field_rules: JSON.stringify(input.fieldRules),
          purposes: [...new Set(input.purposes)],
          require_mfa: input.requireMfa,
          created_at: uow.now,
          updated_at: uow.now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      audit('role', 'create', id, changedKeys(input));
      return toRole(row);
    },

    async updateRole(id: string, patch: RolePatch, approval: ChangeApproval = 'single'): Promise<Role> {
      authorize(uow, 'manage', 'role', { jurisdiction: globalJurisdiction, recordId: id });
      const existing = await tx.selectFrom('role').selectAll().where('id', '=', id).executeTakeFirst();
      if (!existing) throw new HavenError('not_found');
      const before = policyOf(existing);
      const after = patchedPolicy(before, patch);
      const holders = await roleHolders(id);
      // Every agency kind its users sit in, and 'other' for whoever is given the role next.
      const kinds = new Set<AgencyKind>([...holders.kinds, 'other']);
      const changes: HolderChange[] = [...kinds].map((agencyKind) => ({
        before: { policy: before, agencyKind },
        after: { policy: after, agencyKind },
      }));
      const label = { from: before.category, to: after.category, held: holders.count > 0 };
      const reason = secondApprovalReason({ label, holders: changes });
      requireSecondApprovalUnlessApproved(approval, reason, 'role', id, changedKeys(patch));
      if (patch.key) {
        const taken = await tx.selectFrom('role').select('id').where('key', '=', patch.key).where('id', '!=', id).executeTakeFirst();
        if (taken) throw new HavenError('conflict', { field: 'key' });
      }
      const row = await tx
        .updateTable('role')
        .set({
          ...(patch.key !== undefined ? { key: patch.key } : {}),
          ...(patch.name !== undefined ? { name: patch.name } : {}),
          ...(patch.description !== undefined ? { description: patch.description } : {}),
          ...(patch.category !== undefined ? { category: patch.category } : {}),
          ...(patch.scope !== undefined ? { scope: patch.scope } : {}),
          ...(patch.permissions !== undefined ? { permissions: [...new Set(patch.permissions)] } : {}),
          ...(patch.fieldRules !== undefined ? { field_rules: JSON.stringify(patch.fieldRules) } : {}),
          ...(patch.purposes !== undefined ? { purposes: [...new Set(patch.purposes)] } : {}),
          ...(patch.requireMfa !== undefined ? { require_mfa: patch.requireMfa } : {}),
          updated_at: uow.now,
        })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      audit('role', 'update', id, changedKeys(patch));
      return toRole(row);
    },

    async listUsers(agencyId: string | undefined, page: PageQuery): Promise<{ items: User[]; nextCursor: string | null }> {
      const principal = requirePrincipal(uow);
      const { rows } = authorize(uow, 'read', 'user', { jurisdiction: globalJurisdiction, recordId: null });
      const visible = await visibleAgencyIds(rows, principal);
      let query = tx
        .selectFrom('app_user')
        .selectAll()
        .orderBy('email')
        .limit(page.limit + 1);
      if (agencyId) query = query.where('agency_id', '=', agencyId);
      if (rows.kind === 'own') query = query.where('id', '=', principal.userId);
      if (visible !== 'all') query = visible.length ? query.where('agency_id', 'in', visible) : query.where(sql<boolean>`false`);
      if (page.cursor) query = query.where('email', '>', decodeTextCursor(page.cursor));
      const found = await query.execute();
      const items = found.slice(0, page.limit);
      const teams = await teamIdsOf(items.map((u) => u.id));
      const last = items.at(-1);
      return {
        items: items.map((u) => toUser(u, teams.get(u.id) ?? [])),
        nextCursor: found.length > page.limit && last ? encodeTextCursor(last.email) : null,
      };
    },

    async getUser(id: string): Promise<User> {
      const principal = requirePrincipal(uow);
      const { rows } = authorize(uow, 'read', 'user', { jurisdiction: globalJurisdiction, recordId: id });
      const user = await tx.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst();
      if (!user || (rows.kind === 'own' && user.id !== principal.userId)) throw new HavenError('not_found');
      await requireAgency(user.agency_id, rows, principal).catch(() => {
        throw new HavenError('not_found');
      });
      return toUser(user, (await teamIdsOf([id])).get(id) ?? []);
    },

    async createUser(input: UserCreateInput, hasher: PasswordHasher): Promise<User> {
      const principal = requirePrincipal(uow);
      const { rows } = authorize(uow, 'manage', 'user', { jurisdiction: globalJurisdiction, recordId: null });
      const agency = await requireAgency(input.agencyId, rows, principal);
      await checkTeams(input.teamIds, input.agencyId);
      await checkAssignableRole(input.roleId, principal);
      const taken = await tx.selectFrom('app_user').select('id').where('email', '=', input.email).executeTakeFirst();
      if (taken) throw new HavenError('email_taken');
      const id = uuidv7(uow.now.getTime());
      const row = await tx
        .insertInto('app_user')
        .values({
          id,
          email: input.email,
          display_name: input.displayName,
          password_hash: await hasher.hash(input.password),
          agency_id: input.agencyId,
          role_id: input.roleId,
          jurisdiction: input.jurisdiction ?? agency.jurisdiction,
          locale: input.locale,
          created_at: uow.now,
          updated_at: uow.now,
          password_changed_at: uow.now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      if (input.teamIds.length)
        await tx
          .insertInto('user_team')
          .values(input.teamIds.map((team_id) => ({ user_id: id, team_id })))
          .execute();
      audit('user', 'create', id, changedKeys(input));
      return toUser(row, [...input.teamIds]);
    },

    async updateUser(id: string, patch: UserUpdateInput, hasher: PasswordHasher, approval: ChangeApproval = 'single'): Promise<User> {
      const principal = requirePrincipal(uow);
      const { rows } = authorize(uow, 'manage', 'user', { jurisdiction: globalJurisdiction, recordId: id });
      const user = await tx.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst();
      if (!user) throw new HavenError('not_found');
      await requireAgency(user.agency_id, rows, principal);
      const agencyId = patch.agencyId ?? user.agency_id;
      if (patch.agencyId) await requireAgency(patch.agencyId, rows, principal);
      if (patch.teamIds) await checkTeams(patch.teamIds, agencyId);
      if (patch.roleId) await checkAssignableRole(patch.roleId, principal);
      if ((patch.roleId && patch.roleId !== user.role_id) || agencyId !== user.agency_id) {
        const holder = async (roleId: string, agency: string): Promise<AccessHolder> => ({
          policy: await rolePolicyOf(roleId),
          agencyKind: await agencyKindOf(agency),
        });
        const change = { before: await holder(user.role_id, user.agency_id), after: await holder(patch.roleId ?? user.role_id, agencyId) };
        const reason = secondApprovalReason({ holders: [change] });
        requireSecondApprovalUnlessApproved(approval, reason, 'user', id, changedKeys(patch));
      }
      const row = await tx
        .updateTable('app_user')
        .set({
          ...(patch.displayName !== undefined ? { display_name: patch.displayName } : {}),
          ...(patch.agencyId !== undefined ? { agency_id: patch.agencyId } : {}),
          ...(patch.roleId !== undefined ? { role_id: patch.roleId } : {}),
          ...(patch.jurisdiction !== undefined ? { jurisdiction: patch.jurisdiction } : {}),
          ...(patch.locale !== undefined ? { locale: patch.locale } : {}),
          ...(patch.active !== undefined ? { active: patch.active } : {}),
          ...(patch.unlock ? { locked_until: null, failed_logins: 0 } : {}),
          ...(patch.resetMfa ? { mfa_enabled: false, mfa_secret: null, mfa_last_step: null } : {}),
          ...(patch.password !== undefined ? { password_hash: await hasher.hash(patch.password), password_changed_at: uow.now } : {}),
          updated_at: uow.now,
        })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      if (patch.teamIds) {
        await tx.deleteFrom('user_team').where('user_id', '=', id).execute();
        if (patch.teamIds.length)
          await tx
            .insertInto('user_team')
            .values(patch.teamIds.map((team_id) => ({ user_id: id, team_id })))
            .execute();
      }
      if (patch.resetMfa) await tx.deleteFrom('mfa_recovery_code').where('user_id', '=', id).execute();
      // Anything that changes what the user may do, or who they are, ends their sessions.
      if (patch.active === false || patch.roleId || patch.agencyId || patch.password || patch.resetMfa || patch.teamIds) {
        await tx.updateTable('session').set({ revoked_at: uow.now }).where('user_id', '=', id).where('revoked_at', 'is', null).execute();
      }
      audit('user', 'update', id, changedKeys(patch));
      return toUser(row, (await teamIdsOf([id])).get(id) ?? []);
    },

    async revokeSessions(id: string): Promise<void> {
      const principal = requirePrincipal(uow);
      const { rows } = authorize(uow, 'manage', 'user', { jurisdiction: globalJurisdiction, recordId: id });
      const user = await tx.selectFrom('app_user').select(['agency_id']).where('id', '=', id).executeTakeFirst();
      if (!user) throw new HavenError('not_found');
      await requireAgency(user.agency_id, rows, principal);
      await tx.updateTable('session').set({ revoked_at: uow.now }).where('user_id', '=', id).where('revoked_at', 'is', null).execute();
      audit('user', 'revoke_sessions', id, []);
    },
  };
}
