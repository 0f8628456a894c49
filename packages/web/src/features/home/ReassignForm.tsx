import type { ChildSummary } from '@haven/domain';
import { Checkbox, Select, Stack, Text, Textarea } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, withQuery } from '../../api/client.ts';
import type { Page } from '../../api/pagination.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { LiveRegion } from '../../components/LiveRegion.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { QueryState } from '../../components/QueryState.tsx';
import { FormActions } from '../../forms/FormActions.tsx';
import { useAssignees, useReassign } from '../cases/api.ts';
import { RiskBadge } from '../cases/badges.tsx';
import { ChildName } from '../children/ChildName.tsx';

/** A caseworker's open cases, the most urgent first. */
function useOpenCasesOf(userId: string) {
  return useQuery({
    queryKey: ['children', 'caseload', userId],
    queryFn: ({ signal }) =>
      api.get<Page<ChildSummary>>(withQuery('/children', { assignedUserId: userId, status: 'referred,open', sort: 'due', limit: 200 }), {
        signal,
      }),
    select: (page) => page.items,
  });
}

/** Moves some of a caseworker's cases to a colleague (to balance caseloads, or cover an absence). */
export function ReassignForm({ from, onDone }: { from: { userId: string; displayName: string }; onDone: () => void }) {
  const { t } = useTranslation();
  const cases = useOpenCasesOf(from.userId);
  const assignees = useAssignees();
  const reassign = useReassign();
  const [selected, setSelected] = useState<string[]>([]);
  const [to, setTo] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (selected.length === 0 || !to) {
      setProblem(selected.length === 0 ? t('reassign.chooseCases') : t('reassign.chooseWorker'));
      return;
    }
    reassign.mutate(
      { childIds: selected, toUserId: to, ...(note.trim() ? { note: note.trim() } : {}) },
      {
        onSuccess: (result) => {
          notifySuccess(t('reassign.done', { count: result.reassigned }));
          onDone();
        },
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <QueryState isPending={cases.isPending} error={cases.error}>
          <Checkbox.Group label={t('reassign.cases', { name: from.displayName })} value={selected} onChange={setSelected}>
            <Stack gap="xs" mt="xs">
              {(cases.data ?? []).map((child) => (
                <Checkbox
                  key={child.id}
                  value={child.id}
                  label={
                    <span>
                      <ChildName child={child} />{' '}
                      <Text span size="xs" className="mono" c="dimmed">
                        {child.reference}
                      </Text>{' '}
                      <RiskBadge risk={child.case.riskLevel} size="xs" />
                    </span>
                  }
                />
              ))}
            </Stack>
          </Checkbox.Group>
        </QueryState>
        <Select
          label={t('reassign.to')}
          required
          searchable
          data={(assignees.data ?? [])
            .filter((user) => user.id !== from.userId)
            .map((user) => ({ value: user.id, label: user.displayName }))}
          value={to}
          onChange={setTo}
        />
        <Textarea label={t('reassign.note')} autosize minRows={2} value={note} onChange={(event) => setNote(event.currentTarget.value)} />
        <LiveRegion>
          {problem && (
            <Text c="red.8" size="sm" role="alert">
              {problem}
            </Text>
          )}
          <ApiErrorAlert error={reassign.error} />
        </LiveRegion>
        <FormActions onCancel={onDone} loading={reassign.isPending} submitLabel={t('reassign.submit', { count: selected.length })} />
      </Stack>
    </form>
  );
}
