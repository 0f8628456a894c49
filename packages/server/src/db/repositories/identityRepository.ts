import { AgencyKind, type Principal, RolePolicy, type SessionState } from '@haven/domain';
import { type Kysely, type Selectable, sql } from 'kysely';
import { globalJurisdiction } from '../../audit/hash.ts';
import type { Envelope } from '../../crypto/envelope.ts';
import { reusableQuery } from '../reusableQuery.ts';
import type { AppUserTable, DB, SessionTable } from '../schema.ts';
import { buildOnlyDb, type UnitOfWork } from '../unitOfWork.ts';

export type UserRow = Selectable<AppUserTable>;
export type SessionRow = Selectable<SessionTable>;

/** What a failed attempt is audited as (unless it is the one that locks the account). */
export type FailedAttempt = 'login_failed' | 'mfa_failed' | 'password_check_failed';

export interface AttemptCount {
  /** The account is locked now (by this attempt or an earlier one). */
  locked: boolean;
  /** This attempt is the one that locked it. */
  lockedNow: boolean;
}

/**
 * Sign-in, sessions and second factors. It acts before there is a principal (a sign-in attempt)
 * or on the signed-in user's own account, and audits every change like the other repositories.
 */
export function identityRepository(uow: UnitOfWork) {
  const { tx } = uow;
  const audit = (action: string, userId: string, changedFields: string[] = []) =>
    uow.audit({ jurisdiction: globalJurisdiction, resource: 'session', action, recordId: userId, changedFields });

  return {
    findUserByEmail: (email: string) => tx.selectFrom('app_user').selectAll().where('email', '=', email).executeTakeFirst(),

    findUser: (id: string) => tx.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst(),

    /**
     * Counts a failed attempt (a wrong password or code, or any attempt on a locked account) in one
     * statement, so parallel attempts are all counted: the row lock serialises them and each reads
     * the count the previous one wrote. The attempt that reaches `limit` locks the account; a lock
     * stays as set until it expires, and counting starts again after that. Audited as `action`, or
     * `account_locked` for the attempt that locks.
     */
    async countFailedAttempt(userId: string, action: FailedAttempt, limit: number, lockMinutes: number): Promise<AttemptCount> {
      const now = uow.now;
      const lockUntil = new Date(now.getTime() + lockMinutes * 60_000);
      // FOR UPDATE waits for a parallel attempt's commit and reads the row it wrote.
      const row = await tx
        .with('before', (db) =>
          db
            .selectFrom('app_user')
            .select((eb) => [
              'id',
              'locked_until',
              eb('locked_until', '>', now).as('was_locked'),
              sql<number>`CASE WHEN locked_until <= ${now} THEN 1 ELSE failed_logins + 1 END`.as('failures'),
            ])
            .where('id', '=', userId)
            .forUpdate(),
        )
        .updateTable('app_user as u')
        .from('before as b')
        .set({
          failed_logins: sql<number>`b.failures`,
          locked_until: sql<Date | null>`CASE WHEN b.was_locked THEN b.locked_until WHEN b.failures >= ${limit} THEN ${lockUntil}::timestamptz END`,
        })
        .whereRef('u.id', '=', 'b.id')
        .returning([
          sql<boolean>`coalesce(u.locked_until > ${now}, false)`.as('locked'),
          sql<boolean>`coalesce(b.was_locked, false)`.as('was_locked'),
        ])
        .executeTakeFirst();
      if (!row) return { locked: false, lockedNow: false };
      const lockedNow = row.locked && !row.was_locked;
      audit(lockedNow ? 'account_locked' : action, userId, ['failed_logins']);
      return { locked: row.locked, lockedNow };
    },

    /**
     * After a correct password or code: the count starts again, unless a parallel attempt locked the
     * account meanwhile (then false, and the caller must refuse). Takes the row lock like a failure.
     */
    async acceptAttempt(userId: string): Promise<boolean> {
      const updated = await tx
        .updateTable('app_user')
        .set({ failed_logins: 0, locked_until: null })
        .where('id', '=', userId)
        .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', uow.now)]))
        .executeTakeFirst();
      return Number(updated.numUpdatedRows) === 1;
    },

    async recordLogin(userId: string): Promise<void> {
      await tx.updateTable('app_user').set({ last_login_at: uow.now }).where('id', '=', userId).execute();
      audit('login', userId);
    },

    async roleRequiresMfa(roleId: string): Promise<boolean> {
      const role = await tx.selectFrom('role').select('require_mfa').where('id', '=', roleId).executeTakeFirstOrThrow();
      return role.require_mfa;
    },

    async createSession(
      userId: string,
      id: string,
      state: SessionState,
      lifetimes: { idleMinutes: number; absoluteHours: number },
    ): Promise<void> {
      await tx
        .insertInto('session')
        .values({
          id,
          user_id: userId,
          state,
          created_at: uow.now,
          last_seen_at: uow.now,
          idle_expires_at: new Date(uow.now.getTime() + lifetimes.idleMinutes * 60_000),
          absolute_expires_at: new Date(uow.now.getTime() + lifetimes.absoluteHours * 3_600_000),
        })
        .execute();
    },

    findSession: (id: string) => tx.selectFrom('session').selectAll().where('id', '=', id).executeTakeFirst(),

    /** Moves the idle expiry on; returns the new times. */
    async touchSession(id: string, idleMinutes: number): Promise<Pick<SessionRow, 'last_seen_at' | 'idle_expires_at'>> {
      const touched = { last_seen_at: uow.now, idle_expires_at: new Date(uow.now.getTime() + idleMinutes * 60_000) };
      await tx.updateTable('session').set(touched).where('id', '=', id).execute();
      return touched;
    },

    /**
     * Replaces a session by a new one with a new token (no session fixation across a privilege
     * change), keeping its absolute expiry.
     */
    async rotateSession(old: SessionRow, newId: string, state: SessionState, idleMinutes: number): Promise<void> {
      await tx.updateTable('session').set({ revoked_at: uow.now }).where('id', '=', old.id).execute();
      await tx
        .insertInto('session')
        .values({
          id: newId,
          user_id: old.user_id,
          state,
          created_at: uow.now,
          last_seen_at: uow.now,
          idle_expires_at: new Date(uow.now.getTime() + idleMinutes * 60_000),
          absolute_expires_at: old.absolute_expires_at,
        })
        .execute();
    },

    async revokeSession(id: string, userId: string): Promise<void> {
      await tx.updateTable('session').set({ revoked_at: uow.now }).where('id', '=', id).execute();
      audit('logout', userId);
    },

    async revokeAllSessions(userId: string): Promise<void> {
      await tx.updateTable('session').set({ revoked_at: uow.now }).where('user_id', '=', userId).where('revoked_at', 'is', null).execute();
      audit('logout_everywhere', userId);
    },

    async setPassword(userId: string, passwordHash: string, keepSessionId: string): Promise<void> {
      await tx
        .updateTable('app_user')
        .set({ password_hash: passwordHash, password_changed_at: uow.now, updated_at: uow.now })
        .where('id', '=', userId)
        .execute();
      await tx
        .updateTable('session')
        .set({ revoked_at: uow.now })
        .where('user_id', '=', userId)
        .where('id', '!=', keepSessionId)
        .where('revoked_at', 'is', null)
        .execute();
      audit('password_changed', userId, ['password']);
    },

    async setLocale(userId: string, locale: string): Promise<void> {
      await tx.updateTable('app_user').set({ locale, updated_at: uow.now }).where('id', '=', userId).execute();
      audit('locale_changed', userId, ['locale']);
    },

    async setPendingTotpSecret(userId: string, secret: Envelope): Promise<void> {
      await tx
        .updateTable('app_user')
        .set({ mfa_secret: JSON.stringify(secret), updated_at: uow.now })
        .where('id', '=', userId)
        .execute();
      audit('mfa_enrolment_started', userId, ['mfa_secret']);
    },

    async enableTotp(userId: string, step: number, recoveryHashes: string[]): Promise<void> {
      await tx
        .updateTable('app_user')
        .set({ mfa_enabled: true, mfa_last_step: step, updated_at: uow.now })
        .where('id', '=', userId)
        .execute();
      await this.replaceRecoveryCodes(userId, recoveryHashes);
      audit('mfa_enabled', userId, ['mfa_enabled', 'recovery_codes']);
    },

    async replaceRecoveryCodes(userId: string, hashes: string[]): Promise<void> {
      await tx.deleteFrom('mfa_recovery_code').where('user_id', '=', userId).execute();
      await tx
        .insertInto('mfa_recovery_code')
        .values(hashes.map((code_hash) => ({ user_id: userId, code_hash })))
        .execute();
    },

    async recoveryCodesRegenerated(userId: string): Promise<void> {
      audit('recovery_codes_regenerated', userId, ['recovery_codes']);
    },

    /** Accepts a TOTP time step only once, and only moving forward (replay protection). */
    async useTotpStep(userId: string, step: number): Promise<boolean> {
      const updated = await tx
        .updateTable('app_user')
        .set({ mfa_last_step: step })
        .where('id', '=', userId)
        .where((eb) => eb.or([eb('mfa_last_step', 'is', null), eb('mfa_last_step', '<', step)]))
        .executeTakeFirst();
      return Number(updated.numUpdatedRows) === 1;
    },

    async useRecoveryCode(userId: string, hash: string): Promise<boolean> {
      const used = await tx
        .updateTable('mfa_recovery_code')
        .set({ used_at: uow.now })
        .where('user_id', '=', userId)
        .where('code_hash', '=', hash)
        .where('used_at', 'is', null)
        .executeTakeFirst();
      if (Number(used.numUpdatedRows) === 1) audit('recovery_code_used', userId);
      return Number(used.numUpdatedRows) === 1;
    },

    mfaVerified(userId: string): void {
      audit('mfa_verified', userId);
    },

    /** Everything the policy engine needs about a user, or undefined if they may not act. */
    async loadPrincipal(userId: string): Promise<LoadedPrincipal | undefined> {
      return toLoaded(await principalQuery(tx).where('u.id', '=', userId).executeTakeFirst());
    },

    /**
     * A live session (not revoked, not expired) with its user's principal, in one round trip:
     * this runs on every request.
     */
    async findLiveSession(id: string): Promise<{ session: SessionRow; loaded: LoadedPrincipal } | undefined> {
      const [row] = (await tx.executeQuery(liveSessionQuery(id, uow.now))).rows;
      const loaded = toLoaded(row);
      if (!row || !loaded) return undefined;
      return {
        loaded,
        session: {
          id: row.s_id,
          user_id: row.id,
          state: row.s_state,
          created_at: row.s_created_at,
          last_seen_at: row.s_last_seen_at,
          idle_expires_at: row.s_idle_expires_at,
          absolute_expires_at: row.s_absolute_expires_at,
          revoked_at: row.s_revoked_at,
        },
      };
    },
  };
}

/** The session with its user's principal: compiled once, it runs on every request. */
const liveSessionQuery = reusableQuery(2, (id: string, now: Date) =>
  principalQuery(buildOnlyDb)
    .innerJoin('session as s', 's.user_id', 'u.id')
    .select([
      's.id as s_id',
      's.state as s_state',
      's.created_at as s_created_at',
      's.last_seen_at as s_last_seen_at',
      's.idle_expires_at as s_idle_expires_at',
      's.absolute_expires_at as s_absolute_expires_at',
      's.revoked_at as s_revoked_at',
    ])
    .where('s.id', '=', id)
    .where('s.revoked_at', 'is', null)
    .where('s.idle_expires_at', '>', now)
    .where('s.absolute_expires_at', '>', now),
);

export interface LoadedPrincipal {
  principal: Principal;
  user: UserRow;
  agencyName: string;
  roleName: string;
}

function principalQuery(tx: Kysely<DB>) {
  return tx
    .selectFrom('app_user as u')
    .innerJoin('role as r', 'r.id', 'u.role_id')
    .innerJoin('agency as a', 'a.id', 'u.agency_id')
    .selectAll('u')
    .select([
      'r.key as role_key',
      'r.name as role_name',
      'r.category',
      'r.scope',
      'r.permissions',
      'r.field_rules',
      'r.purposes',
      'r.require_mfa',
      'a.name as agency_name',
      'a.active as agency_active',
      'a.kind as agency_kind',
      sql<string[]>`coalesce((SELECT array_agg(ut.team_id::text ORDER BY ut.team_id) FROM user_team ut WHERE ut.user_id = u.id), '{}')`.as(
        'team_ids',
      ),
    ]);
}

type PrincipalRow = NonNullable<Awaited<ReturnType<ReturnType<typeof principalQuery>['executeTakeFirst']>>>;

function toLoaded(row: PrincipalRow | undefined): LoadedPrincipal | undefined {
  if (!row?.active || !row.agency_active) return undefined;
  const policy = RolePolicy.parse({
    category: row.category,
    scope: row.scope,
    permissions: row.permissions,
    fieldRules: row.field_rules,
    purposes: row.purposes,
    requireMfa: row.require_mfa,
  });
  return {
    principal: {
      userId: row.id,
      agencyId: row.agency_id,
      teamIds: row.team_ids,
      jurisdiction: row.jurisdiction,
      agencyKind: AgencyKind.parse(row.agency_kind),
      roleId: row.role_id,
      roleKey: row.role_key,
      policy,
    },
    user: row,
    agencyName: row.agency_name,
    roleName: row.role_name,
  };
}
