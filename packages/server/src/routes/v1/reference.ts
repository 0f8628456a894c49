import { JurisdictionCode } from '@haven/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { DataDeps } from '../../db/unitOfWork.ts';

const AdminArea = z.object({
  code: z.string(),
  jurisdiction: z.string(),
  parentCode: z.string().nullable(),
  level: z.number().int(),
  names: z.record(z.string(), z.string()),
});

/** Reference data every signed-in user needs (no child data, so nothing to audit). */
export const referenceRoutes: FastifyPluginAsyncZod<{ deps: DataDeps }> = async (app, { deps }) => {
  app.get(
    '/admin-areas',
    {
      config: { access: { signedIn: true } },
      schema: {
        tags: ['reference'],
        summary: 'The administrative hierarchy locations are recorded on, with names per language',
        querystring: z.object({ jurisdiction: JurisdictionCode.optional() }),
        response: { 200: z.object({ items: z.array(AdminArea) }) },
      },
    },
    async (request) => {
      let query = deps.db.selectFrom('admin_area').selectAll().where('active', '=', true).orderBy('code');
      const { jurisdiction } = request.query;
      if (jurisdiction)
        query = query.where((eb) => eb.or([eb('jurisdiction', '=', jurisdiction), eb('jurisdiction', 'like', `${jurisdiction}-%`)]));
      const rows = await query.execute();
      return {
        items: rows.map((r) => ({
          code: r.code,
          jurisdiction: r.jurisdiction,
          parentCode: r.parent_code,
          level: r.level,
          names: r.names as Record<string, string>,
        })),
      };
    },
  );
};
