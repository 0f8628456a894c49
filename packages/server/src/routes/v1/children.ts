import {
  Child,
  ChildInput,
  ChildListQuery,
  ChildReceipt,
  ChildSummary,
  ChildUpdateInput,
  DuplicateCandidate,
  FirstContactInput,
  HavenError,
  IsoDate,
  NamePart,
  NationalityCode,
  Page,
  ReferralReceipt,
  Sex,
  Uuid,
} from '@haven/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { photoTypes } from '../../db/repositories/photoRepository.ts';
import { actorOf } from '../../plugins/access.ts';
import type { CaseService } from '../../services/caseService.ts';
import type { DataService } from '../../services/dataService.ts';

const IdempotencyKey = z
  .string()
  .min(8)
  .max(100)
  .regex(/^[A-Za-z0-9_-]+$/);

const DuplicateCheck = z.object({
  names: z.array(NamePart).min(1).max(12),
  sex: Sex,
  birthDate: IsoDate.optional(),
  approximateAge: z.number().int().min(0).max(25).optional(),
  nationality: z.array(NationalityCode).max(5).default([]),
});

export const childRoutes: FastifyPluginAsyncZod<{ data: DataService; cases: CaseService }> = async (app, { data, cases }) => {
  app.put(
    '/children/:id/photo',
    {
      config: { access: { permission: 'child:update' } },
      bodyLimit: 3 * 1024 * 1024,
      schema: {
        tags: ['children'],
        summary: "Store the child's photo (JPEG, PNG or WebP, up to 3 MB), encrypted; needs consent for the photo scope",
        params: z.object({ id: Uuid }),
        headers: z.object({ 'content-type': z.enum(photoTypes) }).loose(),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      if (!Buffer.isBuffer(request.body)) throw new HavenError('unsupported_media_type');
      await cases.putPhoto(actorOf(request), request.params.id, request.headers['content-type'], request.body);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/children/:id/photo',
    {
      config: { access: { permission: 'child:read' } },
      schema: { tags: ['children'], summary: "The child's photo (field group photo)", params: z.object({ id: Uuid }) },
    },
    async (request, reply) => {
      const photo = await cases.getPhoto(actorOf(request), request.params.id);
      return reply.header('content-type', photo.type).send(photo.bytes);
    },
  );

  app.delete(
    '/children/:id/photo',
    {
      config: { access: { permission: 'child:update' } },
      schema: { tags: ['children'], params: z.object({ id: Uuid }), response: { 204: z.null() } },
    },
    async (request, reply) => {
      await cases.removePhoto(actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/children/first-contact',
    {
      config: { access: { permission: 'child:create' } },
      schema: {
        tags: ['children'],
        summary: 'Quick first-contact registration: creates the record and refers the child to child protection at once',
        body: FirstContactInput,
        response: { 201: ReferralReceipt },
      },
    },
    async (request, reply) => reply.status(201).send(await cases.registerFirstContact(actorOf(request), request.body)),
  );

  app.get(
    '/children/referral-agencies',
    {
      config: { access: { permission: 'child:create' } },
      schema: {
        tags: ['children'],
        summary: 'Child protection agencies a first-contact registrant can refer to',
        response: {
          200: z.object({ items: z.array(z.object({ id: Uuid, name: z.string(), code: z.string(), jurisdiction: z.string() })) }),
        },
      },
    },
    async (request) => ({ items: await cases.referralAgencies(actorOf(request)) }),
  );

  app.post(
    '/children/duplicate-check',
    {
      config: { access: { permission: 'child:list' }, readOnly: true },
      schema: {
        tags: ['children'],
        summary: 'Before registering: registered children who may be the same child',
        body: DuplicateCheck,
        response: { 200: z.object({ items: z.array(DuplicateCandidate) }) },
      },
    },
    async (request) => {
      const { names, sex, birthDate, approximateAge, nationality } = request.body;
      const subject = {
        names,
        sex,
        birthDate: birthDate ?? null,
        birthDatePrecision: birthDate ? ('exact' as const) : ('unknown' as const),
        ageRange: approximateAge !== undefined ? { min: Math.max(0, approximateAge - 2), max: approximateAge + 2 } : null,
        asOf: new Date().toISOString().slice(0, 10),
        nationality,
      };
      return { items: await cases.duplicatesFor(actorOf(request), subject) };
    },
  );

  app.post(
    '/children',
    {
      config: { access: { permission: 'child:create' } },
      schema: {
        tags: ['children'],
        summary:
          'Register a child. A role that does case work opens the case; any other role refers the child (as at first contact) and gets a receipt only.',
        headers: z.object({ 'idempotency-key': IdempotencyKey.optional() }).loose(),
        body: ChildInput,
        response: { 201: z.union([Child, ReferralReceipt, ChildReceipt]) },
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
      schema: {
        tags: ['children'],
        summary:
          'The case list: filters on status, risk, typology, nationality, age group, sex, caseworker, location and overdue; sorted by due date by default',
        querystring: ChildListQuery,
        response: { 200: Page(ChildSummary) },
      },
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
