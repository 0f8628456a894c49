import {
  CaseActionRequest,
  CaseloadRow,
  CasePolicy,
  CaseView,
  DuplicateCandidate,
  DuplicateReview,
  DuplicateReviewDecision,
  DuplicateReviewRequest,
  MergeInput,
  notificationKinds,
  ReassignInput,
  RelationInput,
  RelationRemoval,
  TaskItem,
  TaskListQuery,
  Uuid,
} from '@haven/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../plugins/access.ts';
import type { CaseService } from '../../services/caseService.ts';

const ChildParams = z.object({ id: Uuid });
const Note = z.object({ note: z.string().trim().max(2_000).optional() });

/** Case management: the case page, actions on the log, work lists, duplicates, household links. */
export const caseRoutes: FastifyPluginAsyncZod<{ cases: CaseService }> = async (app, { cases }) => {
  app.get(
    '/children/:id/case',
    {
      config: { access: { permission: 'child:read' } },
      schema: {
        tags: ['cases'],
        summary: 'The case page: derived state, tasks, consents, links and the timeline',
        params: ChildParams,
        response: { 200: CaseView },
      },
    },
    async (request) => cases.view(actorOf(request), request.params.id),
  );

  app.post(
    '/children/:id/actions',
    {
      // The action's own permission (case:work, case:approve, …) is checked by the repository.
      config: { access: { anyOf: ['case:work', 'case:approve', 'case:assign', 'case:override'] } },
      schema: {
        tags: ['cases'],
        summary: 'Record an action on the case log; the workflow table and safeguards decide whether it may go ahead',
        params: ChildParams,
        body: CaseActionRequest,
        response: { 200: CaseView },
      },
    },
    async (request) => cases.act(actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/children/:id/duplicates',
    {
      config: { access: { permission: 'child:list' } },
      schema: {
        tags: ['cases'],
        summary: 'Registered children who may be the same child',
        params: ChildParams,
        response: { 200: z.object({ items: z.array(DuplicateCandidate) }) },
      },
    },
    async (request) => ({ items: await cases.duplicatesOf(actorOf(request), request.params.id) }),
  );

  const supervision = { anyOf: ['case:merge', 'case:approve'] } as const;

  app.post(
    '/children/:id/duplicate-reviews',
    {
      config: { access: supervision },
      schema: {
        tags: ['cases'],
        summary: 'Ask the supervisors who cover a possible duplicate outside your scope to compare it with this record',
        params: ChildParams,
        body: DuplicateReviewRequest,
        response: { 201: z.object({ id: Uuid }) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await cases.requestDuplicateReview(actorOf(request), request.params.id, request.body.otherId)),
  );

  app.get(
    '/duplicate-reviews',
    {
      config: { access: supervision },
      schema: {
        tags: ['cases'],
        summary: 'Duplicate reviews on records in your scope, open ones first (references only)',
        response: { 200: z.object({ items: z.array(DuplicateReview) }) },
      },
    },
    async (request) => ({ items: await cases.duplicateReviews(actorOf(request)) }),
  );

  app.get(
    '/duplicate-reviews/:id',
    {
      config: { access: supervision },
      schema: {
        tags: ['cases'],
        summary: 'Compare the two records of a duplicate review, each side as your field rules show it',
        params: z.object({ id: Uuid }),
        response: { 200: DuplicateReview },
      },
    },
    async (request) => cases.duplicateReview(actorOf(request), request.params.id),
  );

  app.post(
    '/duplicate-reviews/:id/decision',
    {
      config: { access: supervision },
      schema: {
        tags: ['cases'],
        summary: 'Record whether the two records are the same child (supervisors covering the other record)',
        params: z.object({ id: Uuid }),
        body: DuplicateReviewDecision,
        response: { 200: DuplicateReview },
      },
    },
    async (request) => cases.decideDuplicateReview(actorOf(request), request.params.id, request.body.outcome),
  );

  app.post(
    '/children/:id/merge',
    {
      config: { access: { permission: 'case:merge' } },
      schema: {
        tags: ['cases'],
        summary: 'Merge this record into another record of the same child',
        params: ChildParams,
        body: MergeInput,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await cases.merge(actorOf(request), request.params.id, request.body.intoId, request.body.note);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/children/:id/unmerge',
    {
      config: { access: { permission: 'case:merge' } },
      schema: {
        tags: ['cases'],
        summary: 'Undo a merge: both records become active again',
        params: ChildParams,
        body: Note,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await cases.unmerge(actorOf(request), request.params.id, request.body.note);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/children/:id/relations',
    {
      config: { access: { permission: 'case:work' } },
      schema: {
        tags: ['cases'],
        summary: 'Link a sibling or record an accompanying or related adult',
        params: ChildParams,
        body: RelationInput,
        response: { 201: z.object({ id: Uuid }) },
      },
    },
    async (request, reply) => reply.status(201).send({ id: await cases.addRelation(actorOf(request), request.params.id, request.body) }),
  );

  app.delete(
    '/children/:id/relations/:relationId',
    {
      config: { access: { permission: 'case:work' } },
      schema: {
        tags: ['cases'],
        summary: 'Remove a sibling or adult link, with the reason (logged on the case)',
        params: z.object({ id: Uuid, relationId: Uuid }),
        body: RelationRemoval,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await cases.removeRelation(actorOf(request), request.params.id, request.params.relationId, request.body.reason);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/tasks',
    {
      config: { access: { permission: 'child:list' } },
      schema: {
        tags: ['cases'],
        summary: "My tasks (overdue first), or a supervisor's alerts and approval queue",
        querystring: TaskListQuery,
        response: { 200: z.object({ items: z.array(TaskItem) }) },
      },
    },
    async (request) => ({ items: await cases.tasks(actorOf(request), request.query) }),
  );

  app.get(
    '/cases/assignees',
    {
      config: { access: { anyOf: ['case:work', 'case:assign'] } },
      schema: {
        tags: ['cases'],
        summary: 'Caseworkers of my agency who can take a case (for assignment and transfer)',
        response: { 200: z.object({ items: z.array(z.object({ id: Uuid, displayName: z.string(), teamIds: z.array(Uuid) })) }) },
      },
    },
    async (request) => ({ items: await cases.assignees(actorOf(request)) }),
  );

  app.get(
    '/caseloads',
    {
      config: { access: { permission: 'child:list' } },
      schema: {
        tags: ['cases'],
        summary: 'Open, overdue and high-risk cases per caseworker in scope',
        response: { 200: z.object({ items: z.array(CaseloadRow) }) },
      },
    },
    async (request) => ({ items: await cases.caseloads(actorOf(request)) }),
  );

  app.post(
    '/cases/reassign',
    {
      config: { access: { permission: 'case:assign' } },
      schema: {
        tags: ['cases'],
        summary: 'Assign several cases to one caseworker',
        body: ReassignInput,
        response: { 200: z.object({ reassigned: z.number().int() }) },
      },
    },
    async (request) => ({ reassigned: await cases.reassign(actorOf(request), request.body) }),
  );

  app.get(
    '/notifications',
    {
      config: { access: { signedIn: true } },
      schema: {
        tags: ['cases'],
        querystring: z.object({
          unread: z.enum(['true', 'false']).default('false'),
          limit: z.coerce.number().int().min(1).max(100).default(30),
        }),
        response: {
          200: z.object({
            unread: z.number().int(),
            items: z.array(
              z.object({
                id: Uuid,
                kind: z.enum(notificationKinds),
                childId: Uuid.nullable(),
                reference: z.string().nullable(),
                ref: z.string(),
                createdAt: z.string(),
                read: z.boolean(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => cases.notifications(actorOf(request), request.query.unread === 'true', request.query.limit),
  );

  app.post(
    '/notifications/read',
    {
      config: { access: { signedIn: true } },
      schema: {
        tags: ['cases'],
        body: z.object({ ids: z.union([z.array(Uuid).min(1).max(200), z.literal('all')]) }),
        response: { 200: z.object({ updated: z.number().int() }) },
      },
    },
    async (request) => ({ updated: await cases.markNotificationsRead(actorOf(request), request.body.ids) }),
  );

  app.get(
    '/settings/case-policy',
    {
      config: { access: { signedIn: true } },
      schema: {
        tags: ['cases'],
        summary: 'Deadlines by risk, promptness thresholds and consent age bands in force',
        response: { 200: CasePolicy },
      },
    },
    async () => cases.policy(),
  );

  app.put(
    '/settings/case-policy',
    {
      config: { access: { permission: 'role:manage' } },
      schema: { tags: ['cases'], summary: 'Adapt the policy table to the national SOP', body: CasePolicy, response: { 200: CasePolicy } },
    },
    async (request) => cases.setPolicy(actorOf(request), request.body),
  );
};
