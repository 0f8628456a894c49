import { HavenError, JurisdictionCode, LocationCode } from '@haven/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { globalJurisdiction } from '../../audit/hash.ts';
import { authorize } from '../../db/repositories/access.ts';
import { bootstrapRepository } from '../../db/repositories/bootstrapRepository.ts';
import { type DataDeps, runInTransaction } from '../../db/unitOfWork.ts';
import { actorOf } from '../../plugins/access.ts';

const AdminArea = z.object({
  code: z.string(),
  jurisdiction: z.string(),
  parentCode: z.string().nullable(),
  level: z.number().int(),
  names: z.record(z.string(), z.string()),
});

const AreaInput = z
  .object({
    code: LocationCode,
    jurisdiction: JurisdictionCode,
    parentCode: LocationCode.nullable().default(null),
    level: z.number().int().min(1).max(6),
    names: z.object({ en: z.string().trim().min(1).max(200) }).catchall(z.string().trim().min(1).max(200)),
  })
  // Codes nest by prefix, so "this area and everything inside it" is a prefix filter.
  .refine((a) => (a.parentCode ? a.code.startsWith(`${a.parentCode}-`) : true), {
    message: 'the code must extend its parent code',
    path: ['code'],
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

  app.put(
    '/admin-areas',
    {
      config: { access: { permission: 'agency:manage' } },
      schema: {
        tags: ['reference'],
        summary: 'Add or rename areas of the administrative hierarchy (parents before their children)',
        body: z.object({ areas: z.array(AreaInput).min(1).max(2_000) }),
        response: { 200: z.object({ saved: z.number().int() }) },
      },
    },
    async (request) => {
      const { areas } = request.body;
      return runInTransaction(deps, actorOf(request), async (uow) => {
        authorize(uow, 'manage', 'agency', { jurisdiction: globalJurisdiction, recordId: null });
        const known = new Set((await uow.tx.selectFrom('admin_area').select('code').execute()).map((a) => a.code));
        for (const area of areas) {
          if (area.parentCode && !known.has(area.parentCode))
            throw new HavenError('validation_failed', { field: 'parentCode', code: area.code });
          known.add(area.code);
        }
        await bootstrapRepository(uow).upsertAdminAreas(areas);
        return { saved: areas.length };
      });
    },
  );
};
