import { AuditEvent, AuditVerifyResult, Page, PageQuery } from '@haven/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../plugins/access.ts';
import type { DataService } from '../../services/dataService.ts';

export const auditRoutes: FastifyPluginAsyncZod<{ data: DataService }> = async (app, { data }) => {
  app.get(
    '/audit/events',
    {
      config: { access: { permission: 'audit:read' } },
      schema: {
        tags: ['audit'],
        querystring: PageQuery.extend({ resource: z.string().max(50).optional(), recordId: z.string().max(100).optional() }),
        response: { 200: Page(AuditEvent) },
      },
    },
    async (request) =>
      data.listAudit(actorOf(request), request.query, { resource: request.query.resource, recordId: request.query.recordId }),
  );
  app.post(
    '/audit/verify',
    {
      config: { access: { permission: 'audit:verify' } },
      schema: { tags: ['audit'], summary: 'Recompute every audit hash chain', response: { 200: AuditVerifyResult } },
    },
    async (request) => data.verifyAudit(actorOf(request)),
  );
};
