import type { LoginInput, Me, Permission } from '@haven/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { ApiError } from '../../api/ApiError.ts';
import { api } from '../../api/client.ts';
import { sessionKey } from '../../api/session.ts';

export async function fetchSession(): Promise<Me | null> {
  try {
    return await api.get<Me>('/auth/session');
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

/** The current session: `null` when signed out, otherwise the `Me` whose `state` says what comes next. */
export function useSession() {
  return useQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: 5 * 60_000 });
}

/**
 * The signed-in user; only for components rendered inside the active-session guard. On sign-out the
 * session empties a moment before the guard unmounts its children: they keep the last value meanwhile.
 */
export function useMe(): Me {
  const { data } = useSession();
  const last = useRef<Me | null>(null);
  if (data) last.current = data;
  if (!last.current) throw new Error('useMe() used outside an active session');
  return last.current;
}

export function hasPermission(me: Pick<Me, 'role'> | null | undefined, permission: Permission): boolean {
  return me?.role.permissions.includes(permission) ?? false;
}

export function usePermission(permission: Permission): boolean {
  const { data } = useSession();
  return hasPermission(data, permission);
}

/** A mutation whose response is the new `Me`, stored as the session (and so the new CSRF token). */
function useMeMutation<TInput>(call: (input: TInput) => Promise<Me>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (me) => client.setQueryData(sessionKey, me),
  });
}

export const useLogin = () => useMeMutation((input: LoginInput) => api.post<Me>('/auth/login', input));

export const useVerifyMfa = () => useMeMutation((input: { code: string }) => api.post<Me>('/auth/mfa/verify', input));

export interface TotpSetup {
  secret: string;
  otpauthUri: string;
}

export const useTotpSetup = () => useMutation({ mutationFn: () => api.post<TotpSetup>('/auth/mfa/totp/setup') });

/** The new `Me` is stored by the caller once the recovery codes have been acknowledged. */
export const useTotpConfirm = () =>
  useMutation({
    mutationFn: (input: { code: string }) => api.post<{ recoveryCodes: string[]; me: Me }>('/auth/mfa/totp/confirm', input),
  });

export const useRegenerateRecoveryCodes = () =>
  useMutation({ mutationFn: () => api.post<{ recoveryCodes: string[] }>('/auth/mfa/recovery-codes') });

export const useChangePassword = () =>
  useMutation({
    mutationFn: (input: { currentPassword: string; newPassword: string }) => api.post<void>('/auth/password', input),
  });

/** Signs out (this session, or every session) and forgets everything cached for this user. */
export function useSignOut(everywhere = false) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>(everywhere ? '/auth/logout-everywhere' : '/auth/logout'),
    onSettled: (_data, error) => {
      if (error && !(error instanceof ApiError && error.isSessionLoss())) return;
      client.clear();
      client.setQueryData(sessionKey, null);
    },
  });
}
