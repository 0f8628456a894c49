import type { CaseEventView } from '@haven/domain';
import { Blockquote, Card, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Facts } from '../../../components/Facts.tsx';
import { useMe } from '../../auth/api.ts';
import { formatDateTime } from '../../codes/format.ts';
import { useCodes } from '../../codes/useCodes.ts';
import { useCaseContext } from './CaseContext.tsx';
import { summariseEvent } from './eventSummary.ts';

function TimelineEntry({ event }: { event: CaseEventView }) {
  const { t } = useTranslation();
  const codes = useCodes();
  const me = useMe();
  const { view } = useCaseContext();
  const user = (id: unknown) => (typeof id !== 'string' ? '—' : id === me.user.id ? t('cases.me') : (view.users[id] ?? '—'));
  const actor = event.actorUserId ? user(event.actorUserId) : t('timeline.system');
  const summary = event.redacted ? null : summariseEvent(event, { t, codes, user });
  const facts = summary?.facts.filter(Boolean) ?? [];
  return (
    <Card component="li" withBorder padding="sm" style={event.redacted ? { background: 'var(--mantine-color-gray-0)' } : undefined}>
      <Group justify="space-between" align="flex-start" gap="xs">
        <Text fw={600} size="sm">
          {event.redacted ? t('timeline.restricted') : codes.label('eventType', event.type)}
        </Text>
        <Text size="xs" c="dimmed" ta="end">
          <time dateTime={event.at}>{formatDateTime(event.at)}</time>
          {event.recordedAt && (
            <Text span size="xs" display="block">
              {t('timeline.recordedLater', { when: formatDateTime(event.recordedAt) })}
            </Text>
          )}
        </Text>
      </Group>
      <Text size="xs" c="dimmed">
        {t('timeline.by', { name: actor })}
      </Text>
      {event.redacted ? (
        <Text size="sm" c="dimmed" mt={4}>
          {t('timeline.restrictedText')}
        </Text>
      ) : (
        <Stack gap={4} mt={4}>
          <Facts items={facts} />
          {summary?.text && (
            <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {summary.text}
            </Text>
          )}
          {summary?.childWords && (
            <Blockquote p="xs" mt={4} color="blue" cite={t('timeline.childWords')}>
              <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
                {summary.childWords}
              </Text>
            </Blockquote>
          )}
        </Stack>
      )}
    </Card>
  );
}

/** The case log: every action, who recorded it and when; entries the role may not read stay visible as restricted. */
export function TimelineSection() {
  const { t } = useTranslation();
  const { view } = useCaseContext();
  const [order, setOrder] = useState<'newest' | 'oldest'>('newest');
  const events = order === 'newest' ? [...view.events].reverse() : view.events;
  return (
    <section aria-labelledby="case-timeline">
      <Group justify="space-between" mb="sm" gap="sm">
        <Title order={2} size="h4" id="case-timeline">
          {t('timeline.title')}
        </Title>
        <SegmentedControl
          size="xs"
          value={order}
          onChange={(value) => setOrder(value as typeof order)}
          data={[
            { value: 'newest', label: t('timeline.newestFirst') },
            { value: 'oldest', label: t('timeline.oldestFirst') },
          ]}
          aria-label={t('timeline.order')}
        />
      </Group>
      <Stack component="ol" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('timeline.title')}>
        {events.map((event) => (
          <TimelineEntry key={event.seq} event={event} />
        ))}
      </Stack>
    </section>
  );
}
