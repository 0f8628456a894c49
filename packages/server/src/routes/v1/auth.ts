import {
  HavenError,
  LocaleCode,
  LoginInput,
  Me,
  MfaVerifyInput,
  PasswordChangeInput,
  RecoveryCodes,
  TotpCode,
  TotpSetup,
} from '@haven/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sessionCookie } from '../../plugins/access.ts';
import type { AuthService, SessionContext } from '../../services/authService.ts';

export interface AuthRouteOptions {
  auth: AuthService;
  secureCookies: boolean;
  absoluteHours: number;
  loginRatePerMinute: number;
}

function sessionOf(request: FastifyRequest): SessionContext {
  if (!request.session) throw new HavenError('unauthenticated');
  return request.session;
}

export const authRoutes: FastifyPluginAsyncZod<AuthRouteOptions> = async (
  app,
  { auth, secureCookies, absoluteHours, loginRatePerMinute },
) => {
  const setSession = (reply: FastifyReply, token: string) =>
    reply.setCookie(sessionCookie, token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: secureCookies,
      path: '/',
      maxAge: absoluteHours * 3600,
    });
  const clearSession = (reply: FastifyReply) => reply.clearCookie(sessionCookie, { path: '/' });
  const requestId = (request: FastifyRequest) => String(request.id);
  /** Every route that checks a password or a code: per client address, per route. */
  const loginRate = { max: loginRatePerMinute, timeWindow: '1 minute' };

  app.post(
    '/auth/login',
    {
      config: { access: { public: true }, rateLimit: loginRate },
      schema: { tags: ['auth'], summary: 'Sign in with email and password', body: LoginInput, response: { 200: Me } },
    },
    async (request, reply) => {
      const { token, context } = await auth.login(request.body.email, request.body.password, requestId(request));
      setSession(reply, token);
      return context.me;
    },
  );

  app.get(
    '/auth/session',
    { config: { access: { session: true } }, schema: { tags: ['auth'], summary: 'The current session', response: { 200: Me } } },
    async (request) => sessionOf(request).me,
  );

  app.post(
    '/auth/mfa/verify',
    {
      config: { access: { session: true }, rateLimit: loginRate },
      schema: { tags: ['auth'], summary: 'Second sign-in step: TOTP or recovery code', body: MfaVerifyInput, response: { 200: Me } },
    },
    async (request, reply) => {
      const { token, context } = await auth.verifyMfa(sessionOf(request), request.body.code, requestId(request));
      setSession(reply, token);
      return context.me;
    },
  );

  app.post(
    '/auth/mfa/totp/setup',
    { config: { access: { session: true } }, schema: { tags: ['auth'], summary: 'Start TOTP enrolment', response: { 200: TotpSetup } } },
    async (request) => {
      const session = sessionOf(request);
      if (session.state === 'mfa_required') throw new HavenError('mfa_required');
      return auth.startTotpEnrolment(session, requestId(request));
    },
  );

  app.post(
    '/auth/mfa/totp/confirm',
    {
      config: { access: { session: true }, rateLimit: loginRate },
      schema: {
        tags: ['auth'],
        summary: 'Confirm TOTP enrolment with a first code',
        body: z.object({ code: TotpCode }),
        response: { 200: z.object({ recoveryCodes: z.array(z.string()), me: Me }) },
      },
    },
    async (request, reply) => {
      const session = sessionOf(request);
      if (session.state === 'mfa_required') throw new HavenError('mfa_required');
      const { token, context, recoveryCodes } = await auth.confirmTotp(session, request.body.code, requestId(request));
      setSession(reply, token);
      return { recoveryCodes, me: context.me };
    },
  );

  app.post(
    '/auth/mfa/recovery-codes',
    {
      config: { access: { signedIn: true } },
      schema: { tags: ['auth'], summary: 'Replace the recovery codes', response: { 200: RecoveryCodes } },
    },
    async (request) => ({ recoveryCodes: await auth.regenerateRecoveryCodes(sessionOf(request), requestId(request)) }),
  );

  app.post(
    '/auth/logout',
    { config: { access: { session: true } }, schema: { tags: ['auth'], summary: 'Sign out this session' } },
    async (request, reply) => {
      await auth.logout(sessionOf(request), requestId(request));
      clearSession(reply);
      return reply.status(204).send();
    },
  );

  app.post(
    '/auth/logout-everywhere',
    { config: { access: { signedIn: true } }, schema: { tags: ['auth'], summary: 'Sign out every session of this user' } },
    async (request, reply) => {
      await auth.logoutEverywhere(sessionOf(request), requestId(request));
      clearSession(reply);
      return reply.status(204).send();
    },
  );

  app.post(
    '/auth/password',
    {
      // Like sign-in: a stolen session must not be a way to guess the password.
      config: { access: { signedIn: true }, rateLimit: loginRate },
      schema: { tags: ['auth'], summary: 'Change my password', body: PasswordChangeInput },
    },
    async (request, reply) => {
      await auth.changePassword(sessionOf(request), request.body.currentPassword, request.body.newPassword, requestId(request));
      return reply.status(204).send();
    },
  );

  app.patch(
    '/auth/me',
    {
      config: { access: { signedIn: true } },
      schema: { tags: ['auth'], summary: 'Update my preferences', body: z.object({ locale: LocaleCode }), response: { 200: Me } },
    },
    async (request) => (await auth.setLocale(sessionOf(request), request.body.locale, requestId(request))).me,
  );
};
