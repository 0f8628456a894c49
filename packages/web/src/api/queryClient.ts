import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from './ApiError.ts';
import { sessionKey } from './session.ts';

/** Signs the UI out locally when the server says the session is gone. */
function onAnyError(error: unknown, client: QueryClient): void {
  if (error instanceof ApiError && error.isSessionLoss()) {
    client.setQueryData(sessionKey, null);
  }
}

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error) => onAnyError(error, client) }),
    mutationCache: new MutationCache({ onError: (error) => onAnyError(error, client) }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (failureCount, error) => !(error instanceof ApiError && error.status < 500) && failureCount < 2,
      },
      mutations: { retry: false },
    },
  });
  return client;
}

/** The application's one query cache; also where the CSRF token lives (inside the session's `Me`). */
export const queryClient = createQueryClient();
