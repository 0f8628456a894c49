import { Card, Loader, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.tsx';
import { LiveRegion } from '../../../components/LiveRegion.tsx';
import { type DuplicateCheckInput, useDuplicateCheck } from '../api.ts';
import { DuplicateCandidates } from '../duplicates/DuplicateCandidates.tsx';

/** Registered children who may be the same child, checked after a pause in typing, once a name and the sex are known. */
export function usePossibleDuplicates(subject: DuplicateCheckInput | null) {
  const [debounced] = useDebouncedValue(subject, 600);
  const check = useDuplicateCheck(debounced);
  return { waiting: !debounced, check, likely: (check.data ?? []).filter((candidate) => candidate.likelihood === 'likely') };
}

/** Before saving: the possible duplicates, with the reasons, so the child is not registered twice. */
export function PossibleDuplicates({ duplicates }: { duplicates: ReturnType<typeof usePossibleDuplicates> }) {
  const { t } = useTranslation();
  const { waiting, check } = duplicates;
  const candidates = check.data ?? [];
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="possible-duplicates">
      <Title order={2} size="h4" mb="xs" id="possible-duplicates">
        {t('duplicates.title')}
      </Title>
      <LiveRegion mode="polite">
        {waiting ? (
          <Text size="sm" c="dimmed">
            {t('duplicates.waiting')}
          </Text>
        ) : check.isFetching ? (
          <Loader size="sm" aria-label={t('duplicates.checking')} />
        ) : check.isSuccess ? (
          <Text size="sm" fw={candidates.length > 0 ? 600 : undefined} c={candidates.length > 0 ? 'red.9' : 'dimmed'}>
            {candidates.length > 0 ? t('duplicates.found', { count: candidates.length }) : t('duplicates.none')}
          </Text>
        ) : null}
      </LiveRegion>
      {check.error && <ApiErrorAlert error={check.error} />}
      {candidates.length > 0 && (
        <Stack gap="xs" mt="sm">
          <DuplicateCandidates candidates={candidates} newTab />
          {candidates.some((candidate) => candidate.scope === 'record') && (
            <Text size="xs" c="dimmed">
              {t('duplicates.advice')}
            </Text>
          )}
          {/* "Open that case instead" cannot apply to a record the reader may not open. */}
          {candidates.some((candidate) => candidate.scope !== 'record') && (
            <Text size="xs" c="dimmed">
              {t('duplicates.adviceElsewhere')}
            </Text>
          )}
        </Stack>
      )}
    </Card>
  );
}
