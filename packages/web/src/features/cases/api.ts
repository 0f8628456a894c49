import type {
  CaseActionInput,
  CasePolicy,
  CaseView,
  DuplicateCandidate,
  DuplicateReview,
  RelationInput,
  TaskItem,
  TaskKind,
} from '@haven/domain';
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../api/ApiError.ts';
import { api, withQuery } from '../../api/client.ts';
import { usePermission } from '../auth/api.ts';

export const caseKey = (childId: string) => ['case', childId] as const;

/**
 * Everything a change to a case can make stale: lists, work queues, counts, and case pages
 * (`all` after a merge or a link, which change the other record's page too; `none` when the
 * caller has just stored the fresh page itself).
 */
export function invalidateCaseWork(client: QueryClient, cases: 'all' | 'none' | { childId: string } = 'all'): Promise<unknown> {
  return Promise.all([
    ...(cases === 'none' ? [] : [client.invalidateQueries({ queryKey: cases === 'all' ? ['case'] : caseKey(cases.childId) })]),
    client.invalidateQueries({ queryKey: ['children'] }),
    client.invalidateQueries({ queryKey: ['tasks'] }),
    client.invalidateQueries({ queryKey: ['caseloads'] }),
    client.invalidateQueries({ queryKey: ['notifications'] }),
    client.invalidateQueries({ queryKey: ['duplicates'] }),
    client.invalidateQueries({ queryKey: ['duplicate-reviews'] }),
  ]);
}

export function useCaseView(childId: string) {
  return useQuery({
    queryKey: caseKey(childId),
    queryFn: ({ signal }) => api.get<CaseView>(`/children/${childId}/case`, { signal }),
  });
}

export interface ActionRequest {
  action: CaseActionInput;
  /** When it happened, if it is recorded later. */
  occurredAt?: string | null;
  /** Goes ahead with an action that separates the child from siblings or accompanying adults, for this reason. */
  separationReason?: string;
}

/** Records an action on the case log; the answer is the case page as it now stands. */
export function useRecordAction(childId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ action, occurredAt, separationReason }: ActionRequest) =>
      api.post<CaseView>(`/children/${childId}/actions`, {
        action,
        ...(occurredAt ? { occurredAt } : {}),
        ...(separationReason ? { separationOverride: { reason: separationReason } } : {}),
      }),
    onSuccess: (view) => {
      client.setQueryData(caseKey(childId), view);
      void invalidateCaseWork(client, 'none');
    },
    // A refusal often means the page was out of date (someone else acted): reload it.
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409) void client.invalidateQueries({ queryKey: caseKey(childId) });
    },
  });
}

export type TaskView = 'mine' | 'supervision';

export function useTasks(view: TaskView, options: { kinds?: readonly TaskKind[]; enabled?: boolean } = {}) {
  const kind = options.kinds?.join(',');
  return useQuery({
    queryKey: ['tasks', view, kind ?? null],
    queryFn: ({ signal }) => api.get<{ items: TaskItem[] }>(withQuery('/tasks', { view, kind, limit: 200 }), { signal }),
    select: (data) => data.items,
    enabled: options.enabled ?? true,
    refetchInterval: 120_000,
  });
}

export interface CaseloadRow {
  userId: string;
  displayName: string;
  open: number;
  overdue: number;
  highRisk: number;
}

export function useCaseloads(enabled = true) {
  return useQuery({
    queryKey: ['caseloads'],
    queryFn: ({ signal }) => api.get<{ items: CaseloadRow[] }>('/caseloads', { signal }),
    select: (data) => data.items,
    enabled,
  });
}

export interface Assignee {
  id: string;
  displayName: string;
  teamIds: string[];
}

/** Caseworkers of my agency who can take a case. */
export function useAssignees(enabled = true) {
  const canWork = usePermission('case:work');
  const canAssign = usePermission('case:assign');
  return useQuery({
    queryKey: ['assignees'],
    queryFn: ({ signal }) => api.get<{ items: Assignee[] }>('/cases/assignees', { signal }),
    select: (data) => data.items,
    enabled: enabled && (canWork || canAssign),
    staleTime: 5 * 60_000,
  });
}

export function useCasePolicy() {
  return useQuery({
    queryKey: ['case-policy'],
    queryFn: ({ signal }) => api.get<CasePolicy>('/settings/case-policy', { signal }),
    staleTime: 30 * 60_000,
  });
}

export function useDuplicates(childId: string, enabled = true) {
  return useQuery({
    queryKey: ['duplicates', childId],
    queryFn: ({ signal }) => api.get<{ items: DuplicateCandidate[] }>(`/children/${childId}/duplicates`, { signal }),
    select: (data) => data.items,
    enabled,
  });
}

/** A mutation on a case that answers with nothing useful: the case page is reloaded afterwards. */
function useCaseMutation<TInput>(call: (input: TInput) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: () => invalidateCaseWork(client, 'all'),
  });
}

export const useMerge = (childId: string) =>
  useCaseMutation((input: { intoId: string; note?: string }) => api.post<void>(`/children/${childId}/merge`, input));

export const useRequestDuplicateReview = (childId: string) =>
  useCaseMutation((input: { otherId: string }) => api.post<{ id: string }>(`/children/${childId}/duplicate-reviews`, input));

export function useDuplicateReviews() {
  return useQuery({
    queryKey: ['duplicate-reviews'],
    queryFn: ({ signal }) => api.get<{ items: DuplicateReview[] }>('/duplicate-reviews', { signal }),
    select: (data) => data.items,
  });
}

export function useDuplicateReview(id: string) {
  return useQuery({
    queryKey: ['duplicate-reviews', id],
    queryFn: ({ signal }) => api.get<DuplicateReview>(`/duplicate-reviews/${id}`, { signal }),
  });
}

export const useDecideDuplicateReview = (id: string) =>
  useCaseMutation((input: { outcome: 'same_child' | 'different_child' }) =>
    api.post<DuplicateReview>(`/duplicate-reviews/${id}/decision`, input),
  );

export const useUnmerge = (childId: string) =>
  useCaseMutation((input: { note?: string }) => api.post<void>(`/children/${childId}/unmerge`, input));

export const useAddRelation = (childId: string) =>
  useCaseMutation((input: RelationInput) => api.post<{ id: string }>(`/children/${childId}/relations`, input));

export const useRemoveRelation = (childId: string) =>
  useCaseMutation(({ relationId, reason }: { relationId: string; reason: string }) =>
    api.delete<void>(`/children/${childId}/relations/${relationId}`, { body: { reason } }),
  );

export function useReassign() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { childIds: string[]; toUserId: string; note?: string }) =>
      api.post<{ reassigned: number }>('/cases/reassign', input),
    onSuccess: () => invalidateCaseWork(client),
  });
}

// Structured details of the case errors the UI reacts to.

function detailsOf(error: unknown, code: string): Record<string, unknown> | null {
  return error instanceof ApiError && error.code === code ? error.details : null;
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

export function consentRequired(error: unknown): { scope: string; missing: string[] } | null {
  const details = detailsOf(error, 'consent_required');
  return details ? { scope: String(details.scope ?? ''), missing: strings(details.missing) } : null;
}

export function openPlanActions(error: unknown): string[] | null {
  const details = detailsOf(error, 'case_plan_actions_open');
  return details ? strings(details.actions) : null;
}

export function isSeparationWarning(error: unknown): boolean {
  return detailsOf(error, 'separation_warning') !== null;
}

/** The refusal of an `occurredAt`: the earliest moment allowed, if the server said. */
export function occurredAtRefusal(error: unknown): { notBefore: string | null; backdateDays: number | null } | null {
  const details = detailsOf(error, 'validation_failed');
  if (details?.field !== 'occurredAt') return null;
  const notBefore = details.notBefore ?? details.earliest;
  return {
    notBefore: typeof notBefore === 'string' ? notBefore : null,
    backdateDays: typeof details.backdateDays === 'number' ? details.backdateDays : null,
  };
}
