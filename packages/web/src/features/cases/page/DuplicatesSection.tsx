import type { DuplicateElsewhere, DuplicateInScope } from '@haven/domain';
import { Alert, Anchor, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.tsx';
import { FormModal } from '../../../components/FormModal.tsx';
import { LiveRegion } from '../../../components/LiveRegion.tsx';
import { notifySuccess } from '../../../components/notify.ts';
import { QueryState } from '../../../components/QueryState.tsx';
import { FormActions } from '../../../forms/FormActions.tsx';
import { usePermission } from '../../auth/api.ts';
import { DuplicateCandidates } from '../../children/duplicates/DuplicateCandidates.tsx';
import { useDuplicates, useMerge, useRequestDuplicateReview, useUnmerge } from '../api.ts';
import { useCaseContext } from './CaseContext.tsx';

type Merge = { candidate: DuplicateInScope; direction: 'this_into_other' | 'other_into_this' };

/** Confirms a merge, with a note on why these are the same child. */
function MergeForm({ merge, onDone }: { merge: Merge; onDone: () => void }) {
  const { t } = useTranslation();
  const { childId, view } = useCaseContext();
  const [note, setNote] = useState('');
  const source = merge.direction === 'this_into_other' ? childId : merge.candidate.childId;
  const target = merge.direction === 'this_into_other' ? merge.candidate.childId : childId;
  const run = useMerge(source);
  const [kept, merged] =
    merge.direction === 'this_into_other' ? [merge.candidate.reference, view.reference] : [view.reference, merge.candidate.reference];
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        run.mutate(
          { intoId: target, ...(note.trim() ? { note: note.trim() } : {}) },
          {
            onSuccess: () => {
              notifySuccess(t('duplicates.mergedNotice'));
              onDone();
            },
          },
        );
      }}
    >
      <Stack gap="md">
        <Alert color="yellow" variant="light">
          {t('duplicates.mergeExplain', { kept, merged })}
        </Alert>
        <Textarea
          label={t('duplicates.mergeNote')}
          description={t('duplicates.mergeNoteHint')}
          autosize
          minRows={2}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
        />
        <LiveRegion>
          <ApiErrorAlert error={run.error} />
        </LiveRegion>
        <FormActions onCancel={onDone} loading={run.isPending} submitLabel={t('duplicates.confirmMerge')} />
      </Stack>
    </form>
  );
}

function MergedNotice() {
  const { t } = useTranslation();
  const { view, childId } = useCaseContext();
  const canMerge = usePermission('case:merge');
  const unmerge = useUnmerge(childId);
  if (!view.mergedInto) return null;
  return (
    <Alert color="gray" variant="light" title={t('duplicates.thisMerged')}>
      <Stack gap="xs">
        <Anchor component={Link} to={`/children/${view.mergedInto}`}>
          {t('duplicates.openKept')}
        </Anchor>
        {canMerge && (
          <Group gap="xs">
            <Button
              size="compact-md"
              variant="default"
              loading={unmerge.isPending}
              onClick={() => unmerge.mutate({}, { onSuccess: () => notifySuccess(t('duplicates.unmergedNotice')) })}
            >
              {t('duplicates.unmerge')}
            </Button>
          </Group>
        )}
        <ApiErrorAlert error={unmerge.error} />
      </Stack>
    </Alert>
  );
}

/** For a supervisor: ask the supervisors who cover a record outside their scope to compare it with this one. */
function RequestReview({ candidate }: { candidate: DuplicateElsewhere }) {
  const { t } = useTranslation();
  const { childId } = useCaseContext();
  const request = useRequestDuplicateReview(childId);
  return (
    <Stack gap={4}>
      <Group gap="xs">
        <Button
          size="compact-sm"
          variant="default"
          loading={request.isPending}
          disabled={request.isSuccess}
          onClick={() =>
            request.mutate({ otherId: candidate.childId }, { onSuccess: () => notifySuccess(t('duplicates.reviewRequested')) })
          }
        >
          {request.isSuccess ? t('duplicates.reviewRequested') : t('duplicates.requestReview')}
        </Button>
      </Group>
      <ApiErrorAlert error={request.error} />
    </Stack>
  );
}

/** Records that may be the same child; supervisors merge them (or undo a merge). */
export function DuplicatesSection() {
  const { t } = useTranslation();
  const { view, childId } = useCaseContext();
  const canMerge = usePermission('case:merge');
  const canSupervise = usePermission('case:approve') || canMerge;
  const duplicates = useDuplicates(childId, view.summary.status !== 'merged');
  const [merge, setMerge] = useState<Merge | null>(null);
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="case-duplicates">
      <Title order={2} size="h4" id="case-duplicates" mb="sm">
        {t('duplicates.sectionTitle')}
      </Title>
      <Stack gap="sm">
        <MergedNotice />
        {view.mergedFrom.length > 0 && (
          <Text size="sm">
            {t('duplicates.mergedFrom')}{' '}
            {view.mergedFrom.map((id, index) => (
              <span key={id}>
                {index > 0 && ', '}
                <Anchor component={Link} to={`/children/${id}`}>
                  {t('duplicates.mergedRecord', { number: index + 1 })}
                </Anchor>
              </span>
            ))}
          </Text>
        )}
        {view.summary.status !== 'merged' && (
          <QueryState isPending={duplicates.isPending} error={duplicates.error}>
            {(duplicates.data ?? []).length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('duplicates.none')}
              </Text>
            ) : (
              <DuplicateCandidates
                candidates={duplicates.data ?? []}
                actions={
                  canMerge
                    ? (candidate) => (
                        <Group gap="xs">
                          <Button size="compact-sm" variant="default" onClick={() => setMerge({ candidate, direction: 'other_into_this' })}>
                            {t('duplicates.mergeIntoThis')}
                          </Button>
                          <Button size="compact-sm" variant="default" onClick={() => setMerge({ candidate, direction: 'this_into_other' })}>
                            {t('duplicates.mergeThisInto')}
                          </Button>
                        </Group>
                      )
                    : undefined
                }
                elsewhereActions={canSupervise ? (candidate) => <RequestReview candidate={candidate} /> : undefined}
              />
            )}
          </QueryState>
        )}
      </Stack>
      <FormModal opened={merge !== null} onClose={() => setMerge(null)} title={t('duplicates.mergeTitle')} size="md">
        {merge && <MergeForm merge={merge} onDone={() => setMerge(null)} />}
      </FormModal>
    </Card>
  );
}
