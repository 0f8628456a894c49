import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp, type RouteEntry } from '../../src/app.ts';
import { passwordHasher } from '../../src/auth/passwords.ts';
import { totpCode } from '../../src/auth/totp.ts';
import type { KeyRing } from '../../src/crypto/keyring.ts';
import { bootstrapRepository } from '../../src/db/repositories/bootstrapRepository.ts';
import { type Clock, type DataDeps, runInTransaction } from '../../src/db/unitOfWork.ts';
import type { AuthSettings } from '../../src/services/authService.ts';
import { createTestDatabase, type TestDatabase } from './database.ts';
import { testKeyRing } from './keys.ts';

/** A clock tests can move, e.g. past a lockout or to the next TOTP period. */
export class TestClock implements Clock {
  private offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

/** Session and lockout settings of the test apps: 30-minute idle sessions, lockout after 5 failures. */
export const testAuthSettings = { sessionIdleMinutes: 30, sessionAbsoluteHours: 12, lockoutThreshold: 5, lockoutMinutes: 15 };

/** The HTTP app as tests build it: given database and dependencies (key ring, clock), quiet logs. */
export function buildTestApp(database: TestDatabase, deps: DataDeps, loginRatePerMinute = 1000, auth: Partial<AuthSettings> = {}) {
  return buildApp({
    database,
    deps,
    auth: { ...testAuthSettings, ...auth },
    secureCookies: false,
    loginRatePerMinute,
    logLevel: process.env.HAVEN_TEST_LOG ?? 'silent',
  });
}

export interface Harness {
  app: FastifyInstance;
  routes: RouteEntry[];
  database: TestDatabase;
  deps: DataDeps;
  keys: KeyRing;
  clock: TestClock;
  org: TestOrg;
  close(): Promise<void>;
}

export interface TestUser {
  id: string;
  email: string;
  password: string;
  agencyId: string;
  roleKey: string;
}

export interface TestOrg {
  agencyA: string;
  agencyB: string;
  teamA1: string;
  teamA2: string;
  teamB1: string;
  /** Creates a user with a default role in an agency (A by default). */
  user(roleKey: string, options?: { agency?: 'A' | 'B'; teams?: string[]; email?: string }): Promise<TestUser>;
}

const system = { principal: null, purpose: 'administration' as const, requestId: null };
let counter = 0;

export async function createHarness(options: { loginRatePerMinute?: number } = {}): Promise<Harness> {
  const database = await createTestDatabase();
  const keys = testKeyRing();
  const clock = new TestClock();
  const deps: DataDeps = { db: database.db, keys, clock };
  const { app, routes } = await buildTestApp(database, deps, options.loginRatePerMinute);
  const org = await runInTransaction(deps, system, async (uow) => {
    const repo = bootstrapRepository(uow);
    const agencyA = await repo.createAgency({ code: 'AGA', name: 'Agency A', jurisdiction: 'GR', acceptsReferrals: true });
    const agencyB = await repo.createAgency({ code: 'AGB', name: 'Agency B', jurisdiction: 'IT' });
    return {
      agencyA,
      agencyB,
      teamA1: await repo.createTeam(agencyA, 'A one'),
      teamA2: await repo.createTeam(agencyA, 'A two'),
      teamB1: await repo.createTeam(agencyB, 'B one'),
    };
  });
  const passwordHash = await passwordHasher.hash('correct horse battery staple');
  const testOrg: TestOrg = {
    ...org,
    async user(roleKey, opts = {}) {
      const agency = opts.agency ?? 'A';
      const agencyId = agency === 'A' ? org.agencyA : org.agencyB;
      const email = opts.email ?? `${roleKey}.${++counter}.${Date.now()}@test.example`;
      const id = await runInTransaction(deps, system, async (uow) => {
        const repo = bootstrapRepository(uow);
        const role = await repo.roleByKey(roleKey);
        if (!role) throw new Error(`no role ${roleKey}`);
        return repo.createUser({
          email,
          displayName: `Test ${roleKey}`,
          passwordHash,
          agencyId,
          roleId: role.id,
          jurisdiction: agency === 'A' ? 'GR' : 'IT',
          teamIds: opts.teams ?? [agency === 'A' ? org.teamA1 : org.teamB1],
        });
      });
      return { id, email, password: 'correct horse battery staple', agencyId, roleKey };
    },
  };
  return {
    app,
    routes,
    database,
    deps,
    keys,
    clock,
    org: testOrg,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

/** A browser-like client: keeps the session cookie and sends the CSRF token on writes. */
export class Client {
  cookie: string | undefined;
  csrf: string | undefined;
  language = 'en';
  constructor(private readonly app: FastifyInstance) {}

  async request(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown, headers: Record<string, string> = {}) {
    const response = await this.app.inject({
      method,
      url,
      headers: {
        'accept-language': this.language,
        ...(this.cookie ? { cookie: `haven_session=${this.cookie}` } : {}),
        ...(this.csrf && method !== 'GET' ? { 'x-csrf-token': this.csrf } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
    });
    const setCookie = response.cookies.find((c) => c.name === 'haven_session');
    if (setCookie) this.cookie = setCookie.value || undefined;
    const json = parseJson(response);
    if (json && typeof json === 'object' && 'csrfToken' in json) this.csrf = String(json.csrfToken);
    if (json && typeof json === 'object' && 'me' in json && json.me && typeof json.me === 'object' && 'csrfToken' in json.me) {
      this.csrf = String(json.me.csrfToken);
    }
    // biome-ignore lint/suspicious/noExplicitAny: tests read response bodies loosely and assert on them
    return { status: response.statusCode, body: json as any, headers: response.headers, raw: response };
  }
  get = (url: string, headers?: Record<string, string>) => this.request('GET', url, undefined, headers);
  post = (url: string, body?: unknown, headers?: Record<string, string>) => this.request('POST', url, body ?? {}, headers);
  patch = (url: string, body: unknown, headers?: Record<string, string>) => this.request('PATCH', url, body, headers);
  put = (url: string, body: unknown, headers?: Record<string, string>) => this.request('PUT', url, body, headers);
  delete = (url: string, headers?: Record<string, string>) => this.request('DELETE', url, undefined, headers);

  async login(user: { email: string; password: string }) {
    return this.post('/api/v1/auth/login', { email: user.email, password: user.password });
  }
}

function parseJson(response: LightMyRequestResponse): unknown {
  try {
    return response.body ? JSON.parse(response.body) : undefined;
  } catch {
    return response.body;
  }
}

/** Signs a user in (enrolling TOTP first when their role requires it) and returns the client. */
export async function signIn(
  h: Pick<Harness, 'app' | 'clock'>,
  user: Pick<TestUser, 'email' | 'password'>,
): Promise<Client & { totpSecret?: string }> {
  const client = new Client(h.app) as Client & { totpSecret?: string };
  const login = await client.login(user);
  if (login.status !== 200) throw new Error(`login failed: ${login.status} ${JSON.stringify(login.body)}`);
  if (login.body.state === 'mfa_enrolment_required') {
    const setup = await client.post('/api/v1/auth/mfa/totp/setup');
    const code = await totpCode(setup.body.secret, h.clock.now());
    const confirm = await client.post('/api/v1/auth/mfa/totp/confirm', { code });
    if (confirm.status !== 200) throw new Error(`enrolment failed: ${JSON.stringify(confirm.body)}`);
    client.totpSecret = setup.body.secret;
  }
  return client;
}

/** A name as parts: a given name and, optionally, a family name. */
export function names(given: string, family?: string) {
  return [{ type: 'given', value: given }, ...(family ? [{ type: 'family', value: family }] : [])];
}

/** The given name of a child as returned by the API (absent when identity is hidden). */
export function givenName(child: { names?: { type: string; value: string }[] }): string | undefined {
  return child.names?.find((n) => n.type === 'given')?.value;
}

export const sampleChild = {
  names: names('Amina', 'Yusuf'),
  sex: 'female',
  age: { birthDate: '2011-03-04', birthDatePrecision: 'exact', ageBasis: 'documented' },
  nationality: ['SD'],
  typology: ['unaccompanied', 'asylum_seeker'],
  locationDetail: 'Reception centre, Athens',
  legalStatus: 'Asylum claim lodged',
  protectionNotes: 'Disclosed exploitation en route.',
};

/** How many child records the database holds (to show that a refused write wrote nothing). */
export async function childCount(h: Pick<Harness, 'database'>): Promise<number> {
  const row = await h.database.db
    .selectFrom('child')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
