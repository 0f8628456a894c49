import type { DuplicateReview } from '@haven/domain';
import { Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { Facts } from '../../components/Facts.tsx';
import { LiveRegion } from '../../components/LiveRegion.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useDecideDuplicateReview, useDuplicateReview, useDuplicateReviews } from '../cases/api.ts';
import { ChildLink } from '../children/ChildLink.tsx';
import { HeldElsewhere } from '../children/duplicates/HeldElsewhere.tsx';
import { countryName, formatList } from '../codes/format.ts';

type Side = DuplicateReview['requesting'];

/** One record of the pair: as the reader's field rules show it, or only where it is held. */
function SideCard({ label, side }: { label: string; side: Side }) {
  const { t } = useTranslation();
  const record = side.record;
  return (
    <Paper withBorder p="sm">
      <Stack gap={6}>
        <Title order={3} size="h5">
          {label}
        </Title>
        {record ? (
          <>
            <ChildLink child={{ id: side.childId, reference: side.reference, displayName: record.displayName }} />
            <Facts
              c="dimmed"
              items={[
                t(`enums.sex.${record.sex}`, { defaultValue: record.sex }),
                record.birthYear ? t('duplicates.born', { year: record.birthYear }) : null,
                formatList(record.nationality.map((code) => countryName(code))),
                side.agencyName,
              ]}
            />
          </>
        ) : (
          <Text size="sm">
            <HeldElsewhere i18nKey="duplicates.sideClosed" agency={side.agencyName} reference={side.reference} />
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

/** The two records side by side, and the outcome for a supervisor covering the other record. */
function Comparison({ id }: { id: string }) {
  const { t } = useTranslation();
  const review = useDuplicateReview(id);
  const decide = useDecideDuplicateReview(id);
  const record = (outcome: 'same_child' | 'different_child') =>
    decide.mutate({ outcome }, { onSuccess: () => notifySuccess(t('duplicates.decidedNotice')) });
  return (
    <QueryState isPending={review.isPending} error={review.error}>
      {review.data && (
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <SideCard label={t('duplicates.requestingSide')} side={review.data.requesting} />
            <SideCard label={t('duplicates.otherSide')} side={review.data.other} />
          </SimpleGrid>
          {review.data.canDecide && (
            <Group gap="sm">
              <Button
                color="red.9"
                loading={decide.isPending && decide.variables?.outcome === 'same_child'}
                onClick={() => record('same_child')}
              >
                {t('duplicates.sameChild')}
              </Button>
              <Button variant="default" disabled={decide.isPending} onClick={() => record('different_child')}>
                {t('duplicates.differentChild')}
              </Button>
            </Group>
          )}
          {review.data.status === 'same_child' && <Text size="sm">{t('duplicates.mergeAfterReview')}</Text>}
          <LiveRegion>
            <ApiErrorAlert error={decide.error} />
          </LiveRegion>
        </Stack>
      )}
    </QueryState>
  );
}

function ReviewRow({ review }: { review: DuplicateReview }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <Paper component="li" withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Group gap="xs">
            <Badge color={review.status === 'open' ? 'yellow.4' : 'gray.7'} c={review.status === 'open' ? 'dark.9' : undefined}>
              {t(`duplicates.reviewStatus.${review.status}`)}
            </Badge>
            <Facts size="sm" className="mono" items={[review.requesting.reference, review.other.reference]} />
          </Group>
          <Button size="compact-sm" variant="default" aria-expanded={open} onClick={() => setOpen(!open)}>
            {t('duplicates.compare')}
          </Button>
        </Group>
        {open && <Comparison id={review.id} />}
      </Stack>
    </Paper>
  );
}

/** Duplicate reviews on records the supervisor covers: requests from other offices, and their own. */
export function DuplicateReviewsPage() {
  const { t } = useTranslation();
  const reviews = useDuplicateReviews();
  return (
    <>
      <PageTitle title={t('duplicates.reviewsTitle')} description={t('duplicates.reviewsIntro')} />
      <QueryState isPending={reviews.isPending} error={reviews.error}>
        {(reviews.data ?? []).length === 0 ? (
          <Text c="dimmed">{t('duplicates.reviewsNone')}</Text>
        ) : (
          <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('duplicates.reviewsTitle')}>
            {(reviews.data ?? []).map((review) => (
              <ReviewRow key={review.id} review={review} />
            ))}
          </Stack>
        )}
      </QueryState>
    </>
  );
}
