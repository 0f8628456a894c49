import {
  Agency,
  AgencyInput,
  allPermissions,
  Page,
  PageQuery,
  permissionCatalogue,
  Role,
  RoleInput,
  Team,
  TeamInput,
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
      schema: { tags: ['organisation'], params: IdParams, body: AgencyInput.partial(), response: { 200: Agency } },
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
      schema: { tags: ['organisation'], params: IdParams, body: TeamInput.omit({ agencyId: true }).partial(), response: { 200: Team } },
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
      schema: { tags: ['organisation'], params: IdParams, body: RoleInput.partial(), response: { 200: Role } },
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
  app.post(
    '/users/:id/revoke-sessions',
    { config: { access: { permission: 'user:manage' } }, schema: { tags: ['organisation'], params: IdParams } },
    async (request, reply) => {
      await data.organisation(actorOf(request), (o) => o.revokeSessions(request.params.id));
      return reply.status(204).send();
    },
  );
};
