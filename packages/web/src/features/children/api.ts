import {
  Child,
  type ChildInput,
  type ChildUpdateInput,
  type DuplicateCandidate,
  type FirstContactInput,
  type NamePartInput,
} from '@haven/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from '../../api/client.ts';
import { useIdempotencyKey } from '../../api/idempotency.ts';
import { invalidateCaseWork } from '../cases/api.ts';

/** What a registrant without `child:read` gets back: the reference, and nothing about the child. */
export interface ChildReceipt {
  id: string;
  reference: string;
  createdAt: string;
}

export type RegisterResult = { kind: 'child'; child: Child } | { kind: 'receipt'; receipt: ChildReceipt };

export const childKey = (id: string) => ['children', 'one', id] as const;

export function useChild(id: string) {
  return useQuery({ queryKey: childKey(id), queryFn: ({ signal }) => api.get<Child>(`/children/${id}`, { signal }) });
}

export function useRegisterChild() {
  const client = useQueryClient();
  const keyFor = useIdempotencyKey();
  return useMutation({
    mutationFn: async (input: ChildInput): Promise<RegisterResult> => {
      const body = await api.post<unknown>('/children', input, { idempotencyKey: keyFor(input) });
      const child = Child.safeParse(body);
      return child.success ? { kind: 'child', child: child.data } : { kind: 'receipt', receipt: body as ChildReceipt };
    },
    onSuccess: () => invalidateCaseWork(client),
  });
}

/** Updates part of a child's profile, based on the version read (`If-Match`): another change in between is refused, not overwritten. */
export function useUpdateChild(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ version, changes }: { version: number; changes: ChildUpdateInput }) =>
      api.patch<Child>(`/children/${id}`, changes, { headers: { 'If-Match': `"${version}"` } }),
    onSuccess: (child) => {
      client.setQueryData(childKey(id), child);
      void invalidateCaseWork(client, { childId: id });
    },
    // Someone else changed the record in between: load their version, so saving again is a conscious choice.
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'version_conflict') void client.invalidateQueries({ queryKey: childKey(id) });
    },
  });
}

export interface ReferralAgency {
  id: string;
  name: string;
  code: string;
  jurisdiction: string;
}

export function useReferralAgencies() {
  return useQuery({
    queryKey: ['referral-agencies'],
    queryFn: ({ signal }) => api.get<{ items: ReferralAgency[] }>('/children/referral-agencies', { signal }),
    select: (data) => data.items,
    staleTime: 30 * 60_000,
  });
}

export interface FirstContactReceipt extends ChildReceipt {
  referredTo: { id: string; name: string };
}

export function useFirstContact() {
  const client = useQueryClient();
  const keyFor = useIdempotencyKey();
  return useMutation({
    mutationFn: (input: FirstContactInput) =>
      api.post<FirstContactReceipt>('/children/first-contact', input, { idempotencyKey: keyFor(input) }),
    onSuccess: () => invalidateCaseWork(client),
  });
}

export interface DuplicateCheckInput {
  names: NamePartInput[];
  sex: string;
  birthDate?: string;
  approximateAge?: number;
  nationality: string[];
}

/** Registered children who may be the same child as the one being registered (nothing is sent until a name and sex are known). */
export function useDuplicateCheck(input: DuplicateCheckInput | null) {
  return useQuery({
    queryKey: ['duplicates', 'check', input],
    queryFn: ({ signal }) => api.post<{ items: DuplicateCandidate[] }>('/children/duplicate-check', input, { signal }),
    select: (data) => data.items,
    enabled: input !== null,
    staleTime: 60_000,
    retry: false,
  });
}
