import type { Me } from '@haven/domain';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { vi } from 'vitest';
import { queryClient } from '../api/queryClient.ts';
import { sessionKey } from '../api/session.ts';
import { AppProviders } from '../components/AppProviders.tsx';
import { routes } from '../routes/routes.tsx';

export function makeMe(permissions: string[], overrides: Partial<Me['role']> = {}): Me {
  return {
    state: 'active',
    csrfToken: 'csrf-token-123',
    user: {
      id: '00000000-0000-4000-8000-000000000001',
      email: 'amira@example.org',
      displayName: 'Amira Haddad',
      locale: 'en',
      agencyId: '00000000-0000-4000-8000-0000000000a1',
      agencyName: 'Child Protection Service',
      jurisdiction: 'GR',
      mfaEnabled: false,
    },
    role: {
      id: '00000000-0000-4000-8000-0000000000r1',
      key: 'test_role',
      name: 'Test role',
      category: 'child_protection',
      scope: 'own',
      permissions: permissions as Me['role']['permissions'],
      purposes: ['case_management'],
      requireMfa: false,
      ...overrides,
    },
  };
}

export function signIn(me: Me | null) {
  queryClient.setQueryData(sessionKey, me);
}

export function renderWithProviders(ui: ReactElement) {
  return render(<AppProviders env="test">{ui}</AppProviders>);
}

export function renderApp(path: string) {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  return {
    router,
    ...render(
      <AppProviders env="test">
        <RouterProvider router={router} />
      </AppProviders>,
    ),
  };
}

export interface RecordedRequest {
  method: string;
  url: string;
  headers: Headers;
  body: unknown;
  /** The body as sent, when it is not JSON text (an uploaded file, say). */
  raw?: BodyInit | null;
}

type Handler = (request: RecordedRequest) => { status: number; body?: unknown } | undefined;

/** Replaces `fetch` with `handler`; unmatched requests answer 404. Returns the requests seen. */
export function mockFetch(handler: Handler): RecordedRequest[] {
  const seen: RecordedRequest[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string, init: RequestInit = {}) => {
      const request: RecordedRequest = {
        method: init.method ?? 'GET',
        url: String(input),
        headers: new Headers(init.headers),
        body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
        raw: init.body,
      };
      seen.push(request);
      const reply = handler(request) ?? { status: 404, body: { error: { code: 'route_not_found', message: 'Not found' } } };
      return new Response(reply.body === undefined ? null : JSON.stringify(reply.body), {
        status: reply.status,
        headers: { 'Content-Type': 'application/json' },
      });
    }),
  );
  return seen;
}
