import {
  Agency,
  AgencyInput,
  AgencyPatch,
  allPermissions,
  ChangeRequest,
  ChangeRequestInput,
  ChangeRequestStatus,
  Page,
  PageQuery,
  permissionCatalogue,
  Role,
  RoleInput,
  RolePatch,
  Team,
  TeamInput,
  TeamPatch,
  User,
  UserCreateInput,
  UserUpdateInput,
  Uuid,
} from '@haven/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../plugins/access.ts';
import type { DataService } from '../../services/dataService.ts';

const IdParams = z.object({ id: Uuid });
const list = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const organisationRoutes: FastifyPluginAsyncZod<{ data: DataService }> = async (app, { data }) => {
  app.get(
    '/agencies',
    { config: { access: { permission: 'agency:read' } }, schema: { tags: ['organisation'], response: { 200: list(Agency) } } },
    async (request) => ({ items: await data.organisation(actorOf(request), (o) => o.listAgencies()), nextCursor: null }),
  );
  app.post(
    '/agencies',
    {
      config: { access: { permission: 'agency:manage' } },
      schema: { tags: ['organisation'], body: AgencyInput, response: { 201: Agency } },
    },
    async (request, reply) => reply.status(201).send(await data.organisation(actorOf(request), (o) => o.createAgency(request.body))),
  );
  app.patch(
    '/agencies/:id',
    {
      config: { access: { permission: 'agency:manage' } },
      schema: { tags: ['organisation'], params: IdParams, body: AgencyPatch, response: { 200: Agency } },
    },
    async (request) => data.organisation(actorOf(request), (o) => o.updateAgency(request.params.id, request.body)),
  );

  app.get(
    '/teams',
    {
      config: { access: { permission: 'team:read' } },
      schema: { tags: ['organisation'], querystring: z.object({ agencyId: Uuid.optional() }), response: { 200: list(Team) } },
    },
    async (request) => ({ items: await data.organisation(actorOf(request), (o) => o.listTeams(request.query.agencyId)), nextCursor: null }),
  );
  app.post(
    '/teams',
    { config: { access: { permission: 'team:manage' } }, schema: { tags: ['organisation'], body: TeamInput, response: { 201: Team } } },
    async (request, reply) => reply.status(201).send(await data.organisation(actorOf(request), (o) => o.createTeam(request.body))),
  );
  app.patch(
    '/teams/:id',
    {
      config: { access: { permission: 'team:manage' } },
      schema: { tags: ['organisation'], params: IdParams, body: TeamPatch, response: { 200: Team } },
    },
    async (request) => data.organisation(actorOf(request), (o) => o.updateTeam(request.params.id, request.body)),
  );

  app.get(
    '/permissions',
    {
      config: { access: { permission: 'role:read' } },
      schema: { tags: ['organisation'], summary: 'The permission catalogue roles are built from' },
    },
    async () => ({ permissions: allPermissions, catalogue: permissionCatalogue }),
  );
  app.get(
    '/roles',
    { config: { access: { permission: 'role:read' } }, schema: { tags: ['organisation'], response: { 200: list(Role) } } },
    async (request) => ({ items: await data.organisation(actorOf(request), (o) => o.listRoles()), nextCursor: null }),
  );
  app.post(
    '/roles',
    { config: { access: { permission: 'role:manage' } }, schema: { tags: ['organisation'], body: RoleInput, response: { 201: Role } } },
    async (request, reply) => reply.status(201).send(await data.organisation(actorOf(request), (o) => o.createRole(request.body))),
  );
  app.patch(
    '/roles/:id',
    {
      config: { access: { permission: 'role:manage' } },
      schema: { tags: ['organisation'], params: IdParams, body: RolePatch, response: { 200: Role } },
    },
    async (request) => data.organisation(actorOf(request), (o) => o.updateRole(request.params.id, request.body)),
  );

  app.get(
    '/users',
    {
      config: { access: { permission: 'user:read' } },
      schema: { tags: ['organisation'], querystring: PageQuery.extend({ agencyId: Uuid.optional() }), response: { 200: Page(User) } },
    },
    async (request) => data.organisation(actorOf(request), (o) => o.listUsers(request.query.agencyId, request.query)),
  );
  app.get(
    '/users/:id',
    { config: { access: { permission: 'user:read' } }, schema: { tags: ['organisation'], params: IdParams, response: { 200: User } } },
    async (request) => data.organisation(actorOf(request), (o) => o.getUser(request.params.id)),
  );
  app.post(
    '/users',
    {
      config: { access: { permission: 'user:manage' } },
      schema: { tags: ['organisation'], body: UserCreateInput, response: { 201: User } },
    },
    async (request, reply) =>
      reply.status(201).send(await data.organisation(actorOf(request), (o) => o.createUser(request.body, data.hasher))),
  );
  app.patch(
    '/users/:id',
    {
      config: { access: { permission: 'user:manage' } },
      schema: { tags: ['organisation'], params: IdParams, body: UserUpdateInput, response: { 200: User } },
    },
    async (request) => data.organisation(actorOf(request), (o) => o.updateUser(request.params.id, request.body, data.hasher)),
  );
  const changeRequestManagers = { anyOf: ['role:manage', 'agency:manage', 'user:manage'] } as const;
  app.get(
    '/change-requests',
    {
      config: { access: { anyOf: [...changeRequestManagers.anyOf, 'audit:read'] } },
      schema: {
        tags: ['organisation'],
        summary: 'Four-eyes access changes, newest first',
        querystring: z.object({ status: ChangeRequestStatus.optional() }),
        response: { 200: list(ChangeRequest) },
      },
    },
    async (request) => ({
      items: await data.changeRequests(actorOf(request), (c) => c.list(request.query.status)),
      nextCursor: null,
    }),
  );
  app.post(
    '/change-requests',
    {
      config: { access: changeRequestManagers },
      schema: {
        tags: ['organisation'],
        summary: 'Submit a change for a second administrator to approve',
        body: ChangeRequestInput,
        response: { 201: ChangeRequest },
      },
    },
    async (request, reply) => reply.status(201).send(await data.changeRequests(actorOf(request), (c) => c.request(request.body))),
  );
  app.post(
    '/change-requests/:id/approve',
    {
      config: { access: changeRequestManagers },
      schema: { tags: ['organisation'], params: IdParams, response: { 200: ChangeRequest } },
    },
    async (request) => data.changeRequests(actorOf(request), (c) => c.approve(request.params.id)),
  );
  app.post(
    '/change-requests/:id/reject',
    {
      config: { access: changeRequestManagers },
      schema: { tags: ['organisation'], params: IdParams, response: { 200: ChangeRequest } },
    },
    async (request) => data.changeRequests(actorOf(request), (c) => c.reject(request.params.id)),
  );

  app.post(
    '/users/:id/revoke-sessions',
    { config: { access: { permission: 'user:manage' } }, schema: { tags: ['organisation'], params: IdParams } },
    async (request, reply) => {
      await data.organisation(actorOf(request), (o) => o.revokeSessions(request.params.id));
      return reply.status(204).send();
    },
  );
};
