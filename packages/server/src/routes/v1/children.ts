import { Child, ChildInput, ChildReceipt, ChildUpdateInput, HavenError, Page, PageQuery, Uuid } from '@haven/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../plugins/access.ts';
import type { DataService } from '../../services/dataService.ts';

const IdempotencyKey = z
  .string()
  .min(8)
  .max(100)
  .regex(/^[A-Za-z0-9_-]+$/);

export const childRoutes: FastifyPluginAsyncZod<{ data: DataService }> = async (app, { data }) => {
  app.post(
    '/children',
    {
      config: { access: { permission: 'child:create' } },
      schema: {
        tags: ['children'],
        summary: 'Register a child. Roles that may not read child records get a receipt only.',
        headers: z.object({ 'idempotency-key': IdempotencyKey.optional() }).loose(),
        body: ChildInput,
        response: { 201: z.union([Child, ChildReceipt]) },
      },
    },
    async (request, reply) => {
      const key = request.headers['idempotency-key'];
      const result = await data.createChild(
        actorOf(request),
        request.body,
        typeof key === 'string' ? { key, route: 'POST /api/v1/children', body: request.body } : undefined,
      );
      return reply.status(result.status as 201).send(result.body as z.infer<typeof Child>);
    },
  );

  app.get(
    '/children',
    {
      config: { access: { permission: 'child:list' } },
      schema: { tags: ['children'], querystring: PageQuery, response: { 200: Page(Child) } },
    },
    async (request) => data.listChildren(actorOf(request), request.query),
  );

  app.get(
    '/children/:id',
    {
      config: { access: { permission: 'child:read' } },
      schema: { tags: ['children'], params: z.object({ id: Uuid }), response: { 200: Child } },
    },
    async (request) => data.getChild(actorOf(request), request.params.id),
  );

  app.patch(
    '/children/:id',
    {
      config: { access: { permission: 'child:update' } },
      schema: {
        tags: ['children'],
        summary: 'Update a child; send If-Match with the version you read to avoid overwriting another change',
        params: z.object({ id: Uuid }),
        body: ChildUpdateInput,
        response: { 200: Child },
      },
    },
    async (request) => {
      const ifMatch = request.headers['if-match'];
      const version = ifMatch === undefined ? null : Number(String(ifMatch).replaceAll('"', ''));
      if (version !== null && !Number.isInteger(version)) throw new HavenError('bad_request', { header: 'if-match' });
      return data.updateChild(actorOf(request), request.params.id, request.body, version);
    },
  );
};
