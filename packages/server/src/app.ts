import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { HavenError, negotiateLocale } from '@haven/domain';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { Database } from './db/connect.ts';
import type { DataDeps } from './db/unitOfWork.ts';
import { describeAccess, type RouteAccess, registerAccessControl } from './plugins/access.ts';
import { RequestValidationError, registerErrorHandling, sendError } from './plugins/errors.ts';
import { findShapeProblem } from './plugins/requestShape.ts';
import { auditRoutes } from './routes/v1/audit.ts';
import { authRoutes } from './routes/v1/auth.ts';
import { caseRoutes } from './routes/v1/cases.ts';
import { childRoutes } from './routes/v1/children.ts';
import { organisationRoutes } from './routes/v1/organisation.ts';
import { referenceRoutes } from './routes/v1/reference.ts';
import { type AuthSettings, authService } from './services/authService.ts';
import { casePolicyStore } from './services/casePolicyStore.ts';
import { caseService } from './services/caseService.ts';
import { dataService } from './services/dataService.ts';

export interface AppOptions {
  database: Database;
  deps: DataDeps;
  auth: AuthSettings;
  secureCookies: boolean;
  loginRatePerMinute: number;
  webDist?: string | undefined;
  logLevel?: string | undefined;
  version?: string | undefined;
}

export interface RouteEntry {
  method: string;
  url: string;
  access: string;
  /** A read path: every GET, and the POST routes declared `readOnly` (searches with a body). */
  reads: boolean;
}

/** Builds the HTTP app from injected dependencies; tests drive it with `inject()`. */
export async function buildApp(options: AppOptions): Promise<{ app: FastifyInstance; routes: RouteEntry[] }> {
  const app = Fastify({
    logger: {
      level: options.logLevel ?? 'info',
      // Never log personal data: no bodies, no cookies, no query strings with names.
      redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
      serializers: {
        req: (req: FastifyRequest) => ({ method: req.method, route: req.routeOptions.url, id: req.id }),
      },
    },
    genReqId: () => randomUUID(),
    bodyLimit: 1_048_576,
    trustProxy: false,
    // A URL the router cannot decode (FST_ERR_BAD_URL): our error shape, and no echo of the URL it held.
    frameworkErrors: (_error, request, reply) => sendError(reply, negotiateLocale(request.headers['accept-language']), 'bad_request'),
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(({ schema, httpPart }) => (value) => {
    // Text PostgreSQL cannot store, or absurd nesting, in any request part: bad input, before any schema sees it.
    const problem = findShapeProblem(value);
    if (problem)
      return {
        error: new RequestValidationError(
          [{ code: 'custom', path: problem.path, message: problem.message, input: undefined }],
          httpPart ?? 'body',
        ),
      };
    const result = (schema as z.ZodType).safeParse(value);
    return result.success ? { value: result.data } : { error: new RequestValidationError(result.error.issues, httpPart ?? 'body') };
  });
  app.setSerializerCompiler(serializerCompiler);
  // Photos arrive as raw bytes; the route checks their magic numbers before anything is stored.
  app.addContentTypeParser(['image/jpeg', 'image/png', 'image/webp'], { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  const routes: RouteEntry[] = [];
  const auth = authService(options.deps, options.auth);
  const policies = casePolicyStore(options.deps.db);
  const data = dataService(options.deps, policies);
  const cases = caseService(options.deps, policies);

  registerErrorHandling(app);
  // Anything under /api/v1 may carry personal data (errors name fields and records): never kept in a cache.
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.url.startsWith('/api/v1/')) reply.header('cache-control', 'no-store');
    return payload;
  });
  registerAccessControl(app, auth, data.recordDenial);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD') continue;
      routes.push({
        method,
        url: route.url,
        access: describeAccess(route.config?.access as RouteAccess),
        reads: method === 'GET' || route.config?.readOnly === true,
      });
    }
  });

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // blob: for the child's photo, fetched with the session and shown from memory (never a cacheable URL).
        imgSrc: ["'self'", 'data:', 'blob:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: () => new HavenError('rate_limited'),
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Haven API',
        version: options.version ?? '0.1.0',
        description: 'Child protection case management for children in the context of migration.',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'haven_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  app.get('/api/openapi.json', { config: { access: { public: true } }, schema: { hide: true } }, async () => app.swagger());
  app.get(
    '/api/health',
    { config: { access: { public: true } }, schema: { tags: ['system'], summary: 'Liveness and database reachability' } },
    async (_request, reply) => {
      try {
        await options.database.pool.query('SELECT 1');
        return { status: 'ok', engine: options.database.engine, version: options.version ?? '0.1.0' };
      } catch {
        return reply.status(503).send({ status: 'unavailable', engine: options.database.engine });
      }
    },
  );

  const authOptions = {
    auth,
    secureCookies: options.secureCookies,
    absoluteHours: options.auth.sessionAbsoluteHours,
    loginRatePerMinute: options.loginRatePerMinute,
  };
  await app.register(
    async (v1) => {
      await v1.register(authRoutes, authOptions);
      await v1.register(organisationRoutes, { data });
      await v1.register(childRoutes, { data, cases });
      await v1.register(caseRoutes, { cases });
      await v1.register(referenceRoutes, { deps: options.deps });
      await v1.register(auditRoutes, { data });
    },
    { prefix: '/api/v1' },
  );

  await registerWebApp(app, options.webDist);
  await app.ready();
  return { app, routes: routes.sort((a, b) => `${a.url} ${a.method}`.localeCompare(`${b.url} ${b.method}`)) };
}

/** Serves the built web app; any non-API path falls back to index.html (client-side routing). */
async function registerWebApp(app: FastifyInstance, webDist: string | undefined): Promise<void> {
  const available = webDist !== undefined && existsSync(`${webDist}/index.html`);
  if (available) await app.register(fastifyStatic, { root: webDist, serve: false });
  app.get('/*', { config: { access: { public: true } }, schema: { hide: true } }, async (request, reply) => {
    if (request.url.startsWith('/api/')) throw new HavenError('route_not_found');
    if (!available) return reply.status(503).type('text/plain').send('The web app is not built: run `npm run build`.');
    const path = request.url.split('?')[0] ?? '/';
    const file = path.slice(1);
    if (file && !file.includes('..') && existsSync(`${webDist}/${file}`)) {
      const immutable = file.startsWith('assets/');
      return reply.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache').sendFile(file);
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
