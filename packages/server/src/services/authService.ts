import type { Principal } from '@haven/domain';
import { type ErrorCode, HavenError, type Me, type SessionState } from '@haven/domain';
import { decoyHash, passwordHasher } from '../auth/passwords.ts';
import { sessionCache } from '../auth/sessionCache.ts';
import { csrfKey, csrfTokenFor, newRecoveryCodes, newSessionToken, recoveryCodeHash, sessionIdOf } from '../auth/tokens.ts';
import { matchTotp, newTotpSecret, totpUri } from '../auth/totp.ts';
import { Envelope, open, seal } from '../crypto/envelope.ts';
import { identityGeneration } from '../db/identityWatch.ts';
import {
  type FailedAttempt,
  identityRepository,
  type LoadedPrincipal,
  type SessionRow,
  type UserRow,
} from '../db/repositories/identityRepository.ts';
import { type Actor, type DataDeps, runInTransaction, runReadOnly, type UnitOfWork } from '../db/unitOfWork.ts';

export interface AuthSettings {
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  lockoutThreshold: number;
  lockoutMinutes: number;
  /** How long a resolved session may be reused without a lookup (ms); 0 turns the cache off. */
  sessionCacheMs?: number;
}

const defaultSessionCacheMs = 2000;

/** A resolved session: who is signed in, how far, and the token that proves it. */
export interface SessionContext {
  session: SessionRow;
  state: SessionState;
  principal: Principal;
  me: Me;
}

const anonymous = (requestId: string | null): Actor => ({ principal: null, purpose: null, requestId });
const self = (principal: Principal, requestId: string | null): Actor => ({ principal, purpose: 'administration', requestId });

/** Sign-in, two-factor and session use-cases; transport-free (HTTP and tests call the same functions). */
export function authService(deps: DataDeps, settings: AuthSettings) {
  const csrf = csrfKey(deps.keys.indexKey);
  const sessions = sessionCache<SessionContext>(settings.sessionCacheMs ?? defaultSessionCacheMs);
  const touchAfterMs = Math.min(60_000, (settings.sessionIdleMinutes * 60_000) / 10);

  async function describe(sessionId: string, state: SessionState, userId: string): Promise<SessionContext | undefined> {
    return runInTransaction(deps, anonymous(null), (uow) => describeIn(uow, sessionId, state, userId));
  }

  async function describeIn(uow: UnitOfWork, sessionId: string, state: SessionState, userId: string): Promise<SessionContext | undefined> {
    const identity = identityRepository(uow);
    const loaded = await identity.loadPrincipal(userId);
    const session = await identity.findSession(sessionId);
    return loaded && session ? contextOf(session, state, loaded) : undefined;
  }

  function contextOf(session: SessionRow, state: SessionState, { principal, user, agencyName, roleName }: LoadedPrincipal): SessionContext {
    return {
      session,
      state,
      principal,
      me: {
        state,
        csrfToken: csrfTokenFor(csrf, session.id),
        user: {
          id: user.id,
          email: user.email,
          displayName: user.display_name,
          locale: user.locale as Me['user']['locale'],
          agencyId: user.agency_id,
          agencyName,
          jurisdiction: user.jurisdiction,
          mfaEnabled: user.mfa_enabled,
        },
        role: {
          id: principal.roleId,
          key: principal.roleKey,
          name: roleName,
          category: principal.policy.category,
          scope: principal.policy.scope,
          permissions: principal.policy.permissions,
          purposes: principal.policy.purposes,
          requireMfa: principal.policy.requireMfa,
        },
      },
    };
  }

  /** The live session with its principal, read from the database. */
  function lookUp(id: string): Promise<SessionContext | undefined> {
    return runReadOnly(deps, anonymous(null), async (uow) => {
      const identity = identityRepository(uow);
      const found = await identity.findLiveSession(id);
      if (!found) return undefined;
      let session = found.session;
      // Sliding idle expiry, written once a tenth of the idle limit (at most a minute) has passed: often enough
      // that a session in use never reaches its limit, rarely enough not to write on every request.
      if (uow.now.getTime() - session.last_seen_at.getTime() > touchAfterMs) {
        session = { ...session, ...(await identity.touchSession(id, settings.sessionIdleMinutes)) };
      }
      return contextOf(session, session.state as SessionState, found.loaded);
    });
  }

  /**
   * Checks a user's secret (password, second-factor code) under the lockout. While the account is
   * locked the secret is not even checked; a wrong one is counted. When the caller holds a session
   * (`endSessions`: the guess comes from inside), the attempt that locks also ends every session of
   * the user. A correct secret starts the count again, or is refused when a parallel attempt locked
   * the account meanwhile (thrown, so the transaction's writes roll back). Returns the refusal's
   * code (`account_locked`, or `wrong` for a wrong secret), or undefined when the secret is accepted.
   */
  async function checkSecret<Wrong extends ErrorCode>(
    uow: UnitOfWork,
    user: UserRow,
    failure: FailedAttempt,
    endSessions: boolean,
    wrong: Wrong,
    check: () => Promise<boolean>,
  ): Promise<Wrong | 'account_locked' | undefined> {
    const identity = identityRepository(uow);
    const locked = user.locked_until !== null && user.locked_until > uow.now;
    if (locked || !(await check())) {
      const count = await identity.countFailedAttempt(user.id, failure, settings.lockoutThreshold, settings.lockoutMinutes);
      if (count.lockedNow && endSessions) await identity.revokeAllSessions(user.id);
      return count.locked ? 'account_locked' : wrong;
    }
    if (!(await identity.acceptAttempt(user.id))) throw new HavenError('account_locked');
    return undefined;
  }

  async function requireContext(sessionId: string, state: SessionState, userId: string): Promise<SessionContext> {
    const context = await describe(sessionId, state, userId);
    if (!context) throw new HavenError('unauthenticated');
    return context;
  }

  return {
    csrfTokenFor: (sessionId: string) => csrfTokenFor(csrf, sessionId),

    /**
     * Checks email and password. A failed attempt is counted (and audited) in a committed
     * transaction before the error is raised; the account locks after the threshold.
     */
    async login(email: string, password: string, requestId: string | null): Promise<{ token: string; context: SessionContext }> {
      const outcome = await runInTransaction(deps, anonymous(requestId), async (uow) => {
        const identity = identityRepository(uow);
        const user = await identity.findUserByEmail(email);
        if (!user) {
          await passwordHasher.verify(await decoyHash(), password);
          return { error: 'invalid_credentials' as const };
        }
        // No session to end: whoever guesses here is outside, and the user's own sessions go on.
        const refused = await checkSecret(uow, user, 'login_failed', false, 'invalid_credentials', () =>
          passwordHasher.verify(user.password_hash, password),
        );
        if (refused) return { error: refused };
        if (!user.active) return { error: 'account_disabled' as const };
        const state: SessionState = user.mfa_enabled
          ? 'mfa_required'
          : (await identity.roleRequiresMfa(user.role_id))
            ? 'mfa_enrolment_required'
            : 'active';
        const { token, id } = newSessionToken();
        await identity.createSession(user.id, id, state, {
          idleMinutes: settings.sessionIdleMinutes,
          absoluteHours: settings.sessionAbsoluteHours,
        });
        if (state === 'active') await identity.recordLogin(user.id);
        return { token, id, state, userId: user.id };
      });
      if ('error' in outcome) throw new HavenError(outcome.error);
      return { token: outcome.token, context: await requireContext(outcome.id, outcome.state, outcome.userId) };
    },

    /** The session behind a cookie token, or undefined when it is unknown, revoked or expired. */
    async resolve(token: string): Promise<SessionContext | undefined> {
      const id = sessionIdOf(token);
      const now = deps.clock.now().getTime();
      const cached = sessions.get(id, now);
      if (cached) return cached;
      const generation = identityGeneration();
      const context = await lookUp(id);
      if (context) {
        const { idle_expires_at, absolute_expires_at } = context.session;
        sessions.set(id, context, now, Math.min(idle_expires_at.getTime(), absolute_expires_at.getTime()), generation);
      }
      return context;
    },

    /** Second step of sign-in: a TOTP code or an unused recovery code. Issues a new token. */
    async verifyMfa(context: SessionContext, code: string, requestId: string | null): Promise<{ token: string; context: SessionContext }> {
      if (context.state !== 'mfa_required') throw new HavenError('bad_request');
      const result = await runInTransaction(deps, self(context.principal, requestId), async (uow) => {
        const identity = identityRepository(uow);
        const user = await identity.findUser(context.principal.userId);
        const mfaSecret = user?.mfa_enabled ? user.mfa_secret : null;
        if (!user || !mfaSecret) return { error: 'mfa_invalid_code' as const };
        const refused = await checkSecret(uow, user, 'mfa_failed', true, 'mfa_invalid_code', async () => {
          if (!/^\d{6}$/.test(code)) return identity.useRecoveryCode(user.id, recoveryCodeHash(uow.keys.indexKey, user.id, code));
          const step = await matchTotp(open(uow.keys, Envelope.parse(mfaSecret), `app_user:${user.id}:mfa_secret`), code, uow.now);
          return step !== null && (await identity.useTotpStep(user.id, step));
        });
        if (refused) return { error: refused };
        const { token, id } = newSessionToken();
        await identity.rotateSession(context.session, id, 'active', settings.sessionIdleMinutes);
        identity.mfaVerified(user.id);
        await identity.recordLogin(user.id);
        return { token, id };
      });
      if ('error' in result) throw new HavenError(result.error);
      return { token: result.token, context: await requireContext(result.id, 'active', context.principal.userId) };
    },

    /** Starts (or restarts) TOTP enrolment: a new secret, stored encrypted until confirmed. */
    async startTotpEnrolment(context: SessionContext, requestId: string | null): Promise<{ secret: string; otpauthUri: string }> {
      if (context.me.user.mfaEnabled) throw new HavenError('mfa_already_enabled');
      const secret = newTotpSecret();
      await runInTransaction(deps, self(context.principal, requestId), async (uow) => {
        await identityRepository(uow).setPendingTotpSecret(
          context.principal.userId,
          seal(uow.keys, secret, `app_user:${context.principal.userId}:mfa_secret`),
        );
      });
      return { secret, otpauthUri: totpUri(secret, context.me.user.email) };
    },

    /** Confirms enrolment with a first code; returns recovery codes (shown once) and a new session. */
    async confirmTotp(
      context: SessionContext,
      code: string,
      requestId: string | null,
    ): Promise<{ token: string; context: SessionContext; recoveryCodes: string[] }> {
      if (context.me.user.mfaEnabled) throw new HavenError('mfa_already_enabled');
      const recoveryCodes = newRecoveryCodes();
      const result = await runInTransaction(deps, self(context.principal, requestId), async (uow) => {
        const identity = identityRepository(uow);
        const user = await identity.findUser(context.principal.userId);
        if (!user?.mfa_secret) return { error: 'mfa_invalid_code' as const };
        const secret = open(uow.keys, Envelope.parse(user.mfa_secret), `app_user:${user.id}:mfa_secret`);
        const step = await matchTotp(secret, code, uow.now);
        // Guessing here is guessing a second factor: the same lockout, which ends every session.
        const refused = await checkSecret(uow, user, 'mfa_failed', true, 'mfa_invalid_code', async () => step !== null);
        if (refused || step === null) return { error: refused ?? ('mfa_invalid_code' as const) };
        await identity.enableTotp(
          user.id,
          step,
          recoveryCodes.map((c) => recoveryCodeHash(uow.keys.indexKey, user.id, c)),
        );
        const { token, id } = newSessionToken();
        await identity.rotateSession(context.session, id, 'active', settings.sessionIdleMinutes);
        if (context.state !== 'active') await identity.recordLogin(user.id);
        return { token, id };
      });
      if ('error' in result) throw new HavenError(result.error);
      return { token: result.token, context: await requireContext(result.id, 'active', context.principal.userId), recoveryCodes };
    },

    async regenerateRecoveryCodes(context: SessionContext, requestId: string | null): Promise<string[]> {
      if (!context.me.user.mfaEnabled) throw new HavenError('mfa_not_enabled');
      const codes = newRecoveryCodes();
      await runInTransaction(deps, self(context.principal, requestId), async (uow) => {
        const identity = identityRepository(uow);
        await identity.replaceRecoveryCodes(
          context.principal.userId,
          codes.map((c) => recoveryCodeHash(uow.keys.indexKey, context.principal.userId, c)),
        );
        await identity.recoveryCodesRegenerated(context.principal.userId);
      });
      return codes;
    },

    async logout(context: SessionContext, requestId: string | null): Promise<void> {
      await runInTransaction(deps, self(context.principal, requestId), (uow) =>
        identityRepository(uow).revokeSession(context.session.id, context.principal.userId),
      );
    },

    async logoutEverywhere(context: SessionContext, requestId: string | null): Promise<void> {
      await runInTransaction(deps, self(context.principal, requestId), (uow) =>
        identityRepository(uow).revokeAllSessions(context.principal.userId),
      );
    },

    async changePassword(context: SessionContext, current: string, next: string, requestId: string | null): Promise<void> {
      const error = await runInTransaction(deps, self(context.principal, requestId), async (uow) => {
        const identity = identityRepository(uow);
        const user = await identity.findUser(context.principal.userId);
        if (!user) return 'unauthenticated' as const;
        // Someone holding the session may be guessing the password: the sign-in lockout, ending every session.
        const refused = await checkSecret(uow, user, 'password_check_failed', true, 'current_password_incorrect', () =>
          passwordHasher.verify(user.password_hash, current),
        );
        if (refused) return refused;
        await identity.setPassword(user.id, await passwordHasher.hash(next), context.session.id);
        return undefined;
      });
      if (error) throw new HavenError(error);
    },

    async setLocale(context: SessionContext, locale: string, requestId: string | null): Promise<SessionContext> {
      await runInTransaction(deps, self(context.principal, requestId), (uow) =>
        identityRepository(uow).setLocale(context.principal.userId, locale),
      );
      return requireContext(context.session.id, context.state, context.principal.userId);
    },
  };
}

export type AuthService = ReturnType<typeof authService>;
