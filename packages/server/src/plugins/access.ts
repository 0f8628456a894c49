import {
  type Action,
  defaultPurpose,
  denialError,
  evaluate,
  HavenError,
  isLocale,
  type Locale,
  negotiateLocale,
  type Permission,
  Purpose,
  type Resource,
  Uuid,
} from '@haven/domain';
import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import { safeEqual } from '../auth/tokens.ts';
import type { Actor } from '../db/unitOfWork.ts';
import type { AuthService, SessionContext } from '../services/authService.ts';

/**
 * What every route must declare. There is no default: a route without `access` stops the server
 * from starting, and the route table test lists them all.
 * - public: anyone (health, sign-in, the web app's files)
 * - session: any signed-in session, even one still waiting for its second factor
 * - signedIn: a fully signed-in user, no particular permission (their own account)
 * - permission: a fully signed-in user whose role grants it (the repository then applies scope and fields)
 * - anyOf: a fully signed-in user whose role grants one of them (the repository checks the exact one)
 */
export type RouteAccess =
  | { public: true }
  | { session: true }
  | { signedIn: true }
  | { permission: Permission }
  | { anyOf: readonly [Permission, ...Permission[]] };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
    /** A POST that only reads (a search with a body): listed with the GET routes as a read path. */
    readOnly?: true;
  }
  interface FastifyRequest {
    locale: Locale;
    session: SessionContext | undefined;
  }
}

export const sessionCookie = 'haven_session';
const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Routes registered by plugins we do not own (the OpenAPI viewer): public documentation. */
const pluginRoutePrefixes = ['/api/docs'];

export function describeAccess(access: RouteAccess): string {
  if ('public' in access) return 'public';
  if ('session' in access) return 'session';
  if ('signedIn' in access) return 'signed-in';
  if ('anyOf' in access) return access.anyOf.join(' | ');
  return access.permission;
}

export type DenialRecorder = (actor: Actor, resource: string, action: string, recordId: string | null) => Promise<void>;

/** The record a request targets (its `:id`), so a refusal is evidence about that record. Not yet validated: a uuid or nothing. */
function targetRecordId(request: FastifyRequest): string | null {
  const params = request.params as Record<string, unknown> | undefined;
  const parsed = Uuid.safeParse(params?.id);
  return parsed.success ? parsed.data : null;
}

export function registerAccessControl(app: FastifyInstance, auth: AuthService, recordDenial: DenialRecorder): void {
  app.decorateRequest('locale', 'en');
  app.decorateRequest('session', undefined);

  app.addHook('onRoute', (route: RouteOptions) => {
    if (route.config?.access) return;
    if (pluginRoutePrefixes.some((prefix) => route.url.startsWith(prefix))) {
      route.config = { ...route.config, access: { public: true } };
      return;
    }
    throw new Error(`route ${String(route.method)} ${route.url} declares no access: add config.access`);
  });

  app.addHook('onRequest', async (request) => {
    request.locale = negotiateLocale(request.headers['accept-language']);
  });

  // preValidation: an unauthorised caller learns nothing, not even what a valid body looks like.
  app.addHook('preValidation', async (request) => {
    const access = request.routeOptions.config.access;
    if (!access) throw new HavenError('forbidden'); // unreachable: onRoute refuses such routes
    if ('public' in access) return;

    const token = request.cookies[sessionCookie];
    const session = token ? await auth.resolve(token) : undefined;
    if (!session) throw new HavenError(token ? 'session_expired' : 'unauthenticated');
    request.session = session;
    if (!request.headers['accept-language'] && isLocale(session.me.user.locale)) request.locale = session.me.user.locale;

    if (!safeMethods.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !safeEqual(sent, session.me.csrfToken)) throw new HavenError('csrf_invalid');
    }
    if ('session' in access) return;
    if (session.state === 'mfa_required') throw new HavenError('mfa_required');
    if (session.state === 'mfa_enrolment_required') throw new HavenError('mfa_enrolment_required');
    if ('signedIn' in access) return;

    // Coarse gate; the repository applies the same policy with row scope and field masks.
    const purpose = purposeOf(request, session);
    const permissions = 'anyOf' in access ? access.anyOf : [access.permission];
    const decisions = permissions.map((permission) => {
      const [resource, action] = permission.split(':') as [Resource, Action];
      return { resource, action, decision: evaluate({ principal: session.principal, purpose, action, resource }) };
    });
    if (!decisions.some((d) => d.decision.allowed)) {
      const [first] = decisions as [(typeof decisions)[number]];
      // Refusals are evidence for oversight (an enforcement role probing child data, say): audit them.
      const actor = { principal: session.principal, purpose, requestId: String(request.id) };
      await recordDenial(actor, first.resource, first.action, targetRecordId(request));
      throw new HavenError(first.decision.allowed ? 'forbidden' : denialError(first.decision.reason));
    }
  });
}

/** The purpose a request declares (X-Haven-Purpose), or the role's first purpose. */
export function purposeOf(request: FastifyRequest, session: SessionContext): Purpose {
  const header = request.headers['x-haven-purpose'];
  if (header === undefined) return defaultPurpose(session.principal);
  const parsed = Purpose.safeParse(header);
  if (!parsed.success) throw new HavenError('bad_request', { header: 'x-haven-purpose' });
  return parsed.data;
}

/** The actor a route hands to services: the signed-in principal, purpose and request id. */
export function actorOf(request: FastifyRequest): Actor {
  const session = request.session;
  if (!session) throw new HavenError('unauthenticated');
  return { principal: session.principal, purpose: purposeOf(request, session), requestId: String(request.id) };
}
